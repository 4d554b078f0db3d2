package dev.sluice.jsp;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.jasper.JasperException;
import org.apache.jasper.servlet.JspServlet;

/**
 * Jasper's JspServlet with what Sluice adds: a {@code <jsp-file>} servlet (a second instance, with a
 * {@code jspFile} init parameter) takes the settings of the servlet named {@code jsp}, as Tomcat copies them;
 * the {@code jsp} servlet compiles every page at start when asked ({@link Precompiler}); and a page that does not
 * compile is answered 500 with the compiler's message (file, line, error) only to a loopback client, always
 * logged, since the message quotes the page's source.
 */
public class SluiceJspServlet extends JspServlet {
    private static final long serialVersionUID = 1L;
    static final Logger LOG = Logger.getLogger("dev.sluice.jsp");
    /** Init parameter: compile every page of the webapp in {@link #init}. */
    static final String PRECOMPILE = "sluice.precompile";

    @Override
    public void init(ServletConfig config) throws ServletException {
        ServletConfig effective = withEngineSettings(config);
        super.init(effective);
        if (config.getInitParameter("jspFile") == null
                && Boolean.parseBoolean(effective.getInitParameter(PRECOMPILE))) {
            new Precompiler(effective).compileAll();
        }
    }

    @Override
    public void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        try {
            super.service(request, response);
        } catch (JasperException e) {
            JasperException failure = translationFailure(e);
            if (failure == null || response.isCommitted()) {
                throw e; // the page ran and failed: the webapp's error pages decide
            }
            LOG.log(Level.SEVERE, "JSP page " + request.getServletPath() + " of "
                    + request.getServletContext().getContextPath() + " does not compile: " + failure.getMessage());
            response.sendError(500, isLoopback(request.getRemoteAddr()) ? failure.getMessage()
                    : "The page could not be compiled; the server log says why.");
        }
    }

    /**
     * The JasperException that says why a page did not translate or compile, or null when the page ran and threw:
     * Jasper's ErrorDispatcher reports a compile error as a JasperException without a cause, which development
     * mode wraps once more; an exception of the running page is always the cause of its wrapper.
     */
    private static JasperException translationFailure(JasperException e) {
        Throwable t = e;
        while (t.getCause() instanceof JasperException inner) {
            t = inner;
        }
        return t.getCause() == null ? (JasperException) t : null;
    }

    private static boolean isLoopback(String address) {
        try {
            // A literal address: no name lookup happens.
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    /** A jsp-file servlet's own init parameters, then the jsp servlet's for every one it lacks. */
    private static ServletConfig withEngineSettings(ServletConfig config) {
        ServletContext context = config.getServletContext();
        ServletRegistration engine = context.getServletRegistration("jsp");
        if (engine == null || config.getServletName().equals("jsp")) {
            return config;
        }
        Map<String, String> inherited = engine.getInitParameters();
        return new ServletConfig() {
            @Override
            public String getServletName() {
                return config.getServletName();
            }

            @Override
            public ServletContext getServletContext() {
                return context;
            }

            @Override
            public String getInitParameter(String name) {
                String own = config.getInitParameter(name);
                return own != null ? own : inherited.get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                Set<String> names = new LinkedHashSet<>(Collections.list(config.getInitParameterNames()));
                names.addAll(inherited.keySet());
                return Collections.enumeration(names);
            }
        };
    }
}
