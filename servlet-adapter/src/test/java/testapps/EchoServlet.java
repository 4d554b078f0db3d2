package testapps;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/** Prints what a servlet sees of its request: paths, mapping, init parameters and loaders. */
public class EchoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        resp.setContentType("text/plain");
        PrintWriter out = resp.getWriter();
        HttpServletMapping m = req.getHttpServletMapping();
        out.println("servlet=" + getServletName());
        out.println("method=" + req.getMethod());
        out.println("uri=" + req.getRequestURI());
        out.println("contextPath=" + req.getContextPath());
        out.println("servletPath=" + req.getServletPath());
        out.println("pathInfo=" + req.getPathInfo());
        out.println("query=" + req.getQueryString());
        out.println("mapping=" + (m == null ? null : m.getMappingMatch() + "|" + m.getPattern() + "|"
                + m.getMatchValue()));
        out.println("init=" + getInitParameter("greeting"));
        out.println("ctxParam=" + getServletContext().getInitParameter("site"));
        out.println("dispatcher=" + req.getDispatcherType());
        out.println("connection=" + req.getAttribute("dev.sluice.connection.id") + "/"
                + req.getAttribute("dev.sluice.connection.requestNumber"));
        out.println("loaderIsWebapp=" + (getClass().getClassLoader() != HttpServlet.class.getClassLoader()));
        out.println("tccl=" + (Thread.currentThread().getContextClassLoader() == getClass().getClassLoader()));
    }
}
