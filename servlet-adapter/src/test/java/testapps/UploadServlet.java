package testapps;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Lists the parts of a multipart upload; also binds a listener-aware value into the session. */
@WebServlet("/upload")
@MultipartConfig(maxFileSize = 100)
public class UploadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        StringBuilder sb = new StringBuilder();
        for (Part p : req.getParts()) {
            sb.append(p.getName()).append('|').append(p.getSubmittedFileName()).append('|').append(p.getSize())
                    .append('|').append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .append('\n');
        }
        resp.getWriter().print(sb);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.setAttribute("user.seen", "yes");
        req.getSession().setAttribute("bound", new HttpSessionBindingListener() {
            @Override
            public void valueBound(HttpSessionBindingEvent event) {
                Events.log(getServletContext(), "valueBound " + event.getName());
            }

            @Override
            public void valueUnbound(HttpSessionBindingEvent event) {
                Events.log(getServletContext(), "valueUnbound " + event.getName());
            }
        });
        req.getSession().removeAttribute("bound");
        resp.setTrailerFields(() -> java.util.Map.of("x-checksum", "abc"));
        resp.getWriter().print("bound and unbound");
    }
}
