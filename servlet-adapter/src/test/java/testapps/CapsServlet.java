package testapps;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * The paths the caps tests reach: {@code /session} creates a session ({@code ?invalidate} ends the request's),
 * {@code /cookies} counts the request's cookies, {@code /params} counts its parameter values, and
 * {@code /forward}, {@code /include}, {@code /async} dispatch to {@code /params?} plus the {@code q} parameter
 * (so the dispatch's own query adds parameters).
 */
public class CapsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        doGet(req, resp);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
        resp.setContentType("text/plain");
        // An include keeps the caller's paths; the included target's own is this attribute (Servlet 6.1 9.3.1).
        Object included = req.getAttribute(jakarta.servlet.RequestDispatcher.INCLUDE_SERVLET_PATH);
        switch (included != null ? (String) included : req.getServletPath()) {
            case "/session" -> {
                if (req.getParameter("invalidate") != null) {
                    req.getSession(false).invalidate();
                    resp.getWriter().print("invalidated");
                } else {
                    HttpSession session = req.getSession(true);
                    resp.getWriter().print("session new=" + session.isNew());
                }
            }
            case "/cookies" -> resp.getWriter().print("cookies " + (req.getCookies() == null ? 0
                    : req.getCookies().length));
            case "/params" -> {
                int values = 0;
                for (String[] v : req.getParameterMap().values()) {
                    values += v.length;
                }
                resp.getWriter().print("parameters " + values);
            }
            case "/forward" -> req.getRequestDispatcher("/params?" + req.getParameter("q")).forward(req, resp);
            case "/include" -> req.getRequestDispatcher("/params?" + req.getParameter("q")).include(req, resp);
            case "/async" -> {
                AsyncContext async = req.startAsync();
                async.dispatch("/params?" + req.getParameter("q"));
            }
            default -> resp.sendError(404);
        }
    }
}
