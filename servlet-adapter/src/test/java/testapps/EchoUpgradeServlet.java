package testapps;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Upgrades a request with {@code Upgrade: echo} to {@link EchoUpgradeHandler}; GET ?stats reports its life. */
public class EchoUpgradeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        if (req.getParameter("stats") != null) {
            resp.getWriter().print(EchoUpgradeHandler.stats());
        } else if ("echo".equals(req.getHeader("Upgrade"))) {
            resp.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
            resp.setHeader("Upgrade", "echo");
            resp.setHeader("Connection", "Upgrade");
            EchoUpgradeHandler handler = req.upgrade(EchoUpgradeHandler.class);
            handler.prefix("> "); // customized after upgrade() and before init(), as section 2.3.3.5 allows
            handler.events(getServletContext());
        } else {
            resp.getWriter().print("no upgrade");
        }
    }
}
