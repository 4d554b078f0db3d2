package dev.sluice.samples.securebasic;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Plain text: who the container says the caller is, how they authenticated, and their roles. */
public class WhoAmIServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain;charset=UTF-8");
        resp.getWriter().print("user: " + req.getRemoteUser() + "\nauth type: " + req.getAuthType()
                + "\nstaff: " + req.isUserInRole("staff") + "\nmanager: " + req.isUserInRole("manager") + "\n");
    }
}
