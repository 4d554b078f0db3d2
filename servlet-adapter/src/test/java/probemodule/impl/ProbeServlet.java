package probemodule.impl;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Says which module servlet answered, for which path, and the {@code jspFile} it was given if any. */
public final class ProbeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        resp.getWriter().print(getServletName() + " of the probe module served " + req.getServletPath()
                + (getInitParameter("jspFile") != null ? " jspFile=" + getInitParameter("jspFile") : ""));
    }
}
