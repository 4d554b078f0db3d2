package dev.sluice.servlet.internal.module;

import jakarta.servlet.GenericServlet;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Stands in for a servlet declared with {@code <jsp-file>} or added by {@code addJspFile} when no JSP module
 * registered a servlet named {@code jsp}: the webapp deploys and such a servlet answers every request with 500,
 * as a container without a JSP compiler (Tomcat without Jasper) would, rather than serving the page's source.
 */
public final class JspUnsupportedServlet extends GenericServlet {
    private final String jspFile;

    public JspUnsupportedServlet(String jspFile) {
        this.jspFile = jspFile;
    }

    @Override
    public void service(ServletRequest req, ServletResponse res) throws IOException {
        ((HttpServletResponse) res).sendError(500, "JSP is not supported: " + jspFile);
    }
}
