package testapps;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Shows what the container settings change, chosen by path info: /locale, /trailersIn, /trailersOut, /context. */
public class SettingsServlet extends HttpServlet {
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String q = req.getParameter("arg");
        switch (req.getPathInfo()) {
            case "/locale" -> {
                resp.setContentType("text/plain");
                resp.setLocale(Locale.forLanguageTag(q));
                resp.getWriter().print("encoding=" + resp.getCharacterEncoding());
            }
            case "/localeAfterEncoding" -> {
                resp.setCharacterEncoding("UTF-8");
                resp.setLocale(Locale.forLanguageTag(q));
                resp.getWriter().print("encoding=" + resp.getCharacterEncoding());
            }
            case "/trailersIn" -> {
                byte[] body = req.getInputStream().readAllBytes();
                resp.getWriter().print("body=" + new String(body) + " trailers="
                        + new TreeMap<>(req.getTrailerFields()));
            }
            case "/trailersOut" -> {
                resp.setTrailerFields(() -> Map.of("x-checksum", "abc"));
                resp.getWriter().print("content");
            }
            case "/context" -> {
                ServletContext other = getServletContext().getContext(q);
                resp.getWriter().print(other == null ? "null" : other == getServletContext() ? "self"
                        : other.getContextPath());
            }
            default -> resp.sendError(404);
        }
    }
}
