package testapps;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * Shows the caller: {@code user=<remote user> type=<auth type> principal=<name>} and, for each {@code role}
 * parameter, {@code <role>=<isUserInRole>}. {@code do=login} (with {@code u} and {@code p}), {@code do=logout}
 * and {@code do=authenticate} call the request's methods first; with {@code show}, the method and parameters
 * follow.
 */
public class WhoAmIServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        String action = req.getParameter("do");
        if ("login".equals(action)) {
            try {
                req.login(req.getParameter("u"), req.getParameter("p"));
            } catch (ServletException e) {
                resp.setStatus(400);
                resp.getWriter().println("login failed: " + e.getMessage());
                return;
            }
        } else if ("logout".equals(action)) {
            req.logout();
            if (req.getSession(false) != null) {
                req.getSession(false).invalidate();
            }
        } else if ("authenticate".equals(action) && !req.authenticate(resp)) {
            return;
        }
        resp.setContentType("text/plain;charset=UTF-8");
        PrintWriter out = resp.getWriter();
        out.print("user=" + req.getRemoteUser() + " type=" + req.getAuthType() + " principal="
                + (req.getUserPrincipal() == null ? null : req.getUserPrincipal().getName()));
        String[] roles = req.getParameterValues("role");
        if (roles != null) {
            for (String r : roles) {
                out.print(" " + r + "=" + req.isUserInRole(r));
            }
        }
        if (req.getParameter("show") != null) {
            out.print(" method=" + req.getMethod() + " params=" + new java.util.TreeMap<>(req.getParameterMap())
                    .entrySet().stream().map(e -> e.getKey() + "=" + String.join(",", e.getValue())).toList());
        }
        out.print("\n");
    }
}
