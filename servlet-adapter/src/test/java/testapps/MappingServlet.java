package testapps;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Prints the request's {@link HttpServletMapping} and the mappings a dispatch left in the forward, include and
 * async attributes, one line each as {@code match|pattern|matchValue|servletName}.
 */
public class MappingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        PrintWriter out = resp.getWriter();
        out.println("mapping=" + format(req.getHttpServletMapping()));
        out.println("forward=" + format(req.getAttribute(RequestDispatcher.FORWARD_MAPPING)));
        out.println("include=" + format(req.getAttribute(RequestDispatcher.INCLUDE_MAPPING)));
        out.println("async=" + format(req.getAttribute(AsyncContext.ASYNC_MAPPING)));
    }

    private static String format(Object o) {
        if (!(o instanceof HttpServletMapping m)) {
            return String.valueOf(o);
        }
        return m.getMappingMatch() + "|" + m.getPattern() + "|" + m.getMatchValue() + "|" + m.getServletName();
    }
}
