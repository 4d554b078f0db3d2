package dev.sluice.samples.secure;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * A protected page (web.xml maps it under /staff/ and /manager/, each with its security-constraint): who the
 * container says the caller is, how they logged in, and which roles they hold. "boss" is a security-role-ref
 * that web.xml links to the role "manager".
 */
public class ProfileServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/html;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        String area = req.getServletPath().substring(1);
        PrintWriter out = resp.getWriter();
        out.print("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n"
                + "  <title>" + Html.escape(area) + " · Secure · Sluice</title>\n"
                + "  <link rel=\"stylesheet\" href=\"../sluice.css\">\n</head>\n<body>\n"
                + "  <header class=\"site\"><a class=\"brand\" href=\"/\">Sluice</a>"
                + "<span class=\"where\">secure sample</span></header>\n  <main>\n"
                + "    <h1>The " + Html.escape(area) + " area</h1>\n"
                + "    <p class=\"lead\">Signed in as <strong id=\"user\">" + Html.escape(req.getRemoteUser())
                + "</strong> by <span id=\"auth-type\">" + req.getAuthType() + "</span> login.</p>\n"
                + "    <ul>\n"
                + "      <li>isUserInRole(\"staff\"): <span id=\"staff\">" + req.isUserInRole("staff") + "</span></li>\n"
                + "      <li>isUserInRole(\"manager\"): <span id=\"manager\">" + req.isUserInRole("manager")
                + "</span></li>\n"
                + "      <li>isUserInRole(\"boss\"), a security-role-ref linked to manager: <span id=\"boss\">"
                + req.isUserInRole("boss") + "</span></li>\n"
                + "    </ul>\n"
                + "    <p><a href=\"../staff/\">Staff area</a> · <a href=\"../manager/\">Manager area</a> · "
                + "<a href=\"../logout\">Sign out</a></p>\n  </main>\n</body>\n</html>\n");
    }
}
