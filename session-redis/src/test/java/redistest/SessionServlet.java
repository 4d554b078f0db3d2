package redistest;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A test webapp's servlet, scripted by the request header {@code X-Do}: actions separated by {@code ;}, each
 * {@code name} or {@code name:argument}. It runs in the webapp's own class loader.
 */
public class SessionServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        resp.setContentType("text/plain;charset=UTF-8");
        PrintWriter out = resp.getWriter();
        String script = req.getHeader("X-Do");
        for (String action : script == null ? new String[0] : script.split(";")) {
            int colon = action.indexOf(':');
            String name = colon < 0 ? action : action.substring(0, colon);
            String arg = colon < 0 ? null : action.substring(colon + 1);
            switch (name) {
                case "count" -> {
                    HttpSession s = req.getSession();
                    Integer n = (Integer) s.getAttribute("count");
                    n = n == null ? 1 : n + 1;
                    s.setAttribute("count", n);
                    out.print("count=" + n + " new=" + s.isNew() + "\n");
                }
                case "set" -> req.getSession().setAttribute(arg.substring(0, arg.indexOf('=')),
                        new Note(arg.substring(arg.indexOf('=') + 1)));
                case "get" -> {
                    HttpSession s = req.getSession(false);
                    Object v = s == null ? "no session" : s.getAttribute(arg);
                    out.print(arg + "=" + (v instanceof Note n ? n.text() + " webappClass="
                            + (v.getClass().getClassLoader() == getClass().getClassLoader()) : v) + "\n");
                }
                case "body" -> {
                    // The whole declared length: the response is complete for the client from here on.
                    byte[] bytes = (arg + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    resp.setContentLength(bytes.length);
                    out.print(arg + "\n");
                }
                case "has" -> out.print("session=" + (req.getSession(false) != null) + "\n");
                case "maxInactive" -> req.getSession().setMaxInactiveInterval(Integer.parseInt(arg));
                case "changeId" -> out.print("id=" + req.changeSessionId() + "\n");
                case "invalidate" -> req.getSession().invalidate();
                case "log" -> SessionEvents.log(getServletContext(), arg);
                case "waitFor" -> {
                    // Holds the request until the test creates the file named by arg (at most 20 s).
                    long deadline = System.nanoTime() + 20_000_000_000L;
                    while (!Files.exists(Path.of(arg)) && System.nanoTime() < deadline) {
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            throw new ServletException(e);
                        }
                    }
                }
                default -> throw new ServletException("unknown action " + name);
            }
        }
    }
}
