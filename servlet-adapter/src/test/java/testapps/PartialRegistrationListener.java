package testapps;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Completes a servlet and a filter that web.xml declares by name only (no class) with instances that have no
 * no-argument constructor, and tries to add one over a complete declaration.
 */
public class PartialRegistrationListener implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent sce) {
        ServletContext ctx = sce.getServletContext();
        ServletRegistration.Dynamic s = ctx.addServlet("partial", new GreetingServlet("made by the listener"));
        FilterRegistration.Dynamic f = ctx.addFilter("partialFilter", new TagFilter("[tagged]"));
        ServletRegistration.Dynamic complete = ctx.addServlet("echo", new GreetingServlet("never used"));
        Events.log(ctx, "servlet=" + (s == null ? null : s.getName() + " " + s.getClassName() + " greeting="
                + s.getInitParameter("greeting") + " mappings=" + s.getMappings()));
        Events.log(ctx, "filter=" + (f == null ? null : f.getName() + " " + f.getClassName()));
        Events.log(ctx, "over a complete declaration: " + complete);
    }

    /** A servlet only an instance can provide: it has no no-argument constructor. */
    public static class GreetingServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final String origin;

        public GreetingServlet(String origin) {
            this.origin = origin;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.getWriter().print(getInitParameter("greeting") + " from the servlet " + origin);
        }
    }

    public static class TagFilter implements Filter {
        private final String tag;

        public TagFilter(String tag) {
            this.tag = tag;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
                throws IOException, ServletException {
            res.getWriter().print(tag);
            chain.doFilter(req, res);
        }
    }
}
