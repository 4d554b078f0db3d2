package testapps;

import jakarta.servlet.ServletException;
import jakarta.servlet.UnavailableException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Less common response paths, chosen by the servlet's name: unavailability, redirects, errors in includes. */
public class DetailServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        switch (getServletName()) {
            case "gone" -> {
                resp.getWriter().print("served once");
                throw new UnavailableException("gone for good");
            }
            case "busy" -> {
                Events.log(getServletContext(), "busy called");
                throw new UnavailableException("busy", 60);
            }
            case "redirect" -> {
                resp.sendRedirect("/elsewhere");
                resp.addIntHeader("header1", 12345);
                resp.setStatus(200);
                resp.getWriter().print("dropped");
            }
            case "includer" -> {
                resp.getWriter().print("before;");
                req.getRequestDispatcher("/included").include(req, resp);
                resp.getWriter().print("after:" + req.getAttribute("included") + ";");
                resp.sendError(403);
            }
            case "included" -> {
                req.setAttribute("included", "yes");
                resp.sendError(500);
                resp.sendRedirect("/nowhere");
            }
            default -> resp.getWriter().print(getServletName() + " at " + req.getServletPath());
        }
    }

    @Override
    public void destroy() {
        Events.log(getServletContext(), "destroy " + getServletName());
    }
}
