package dev.sluice.samples.guestbook;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The guestbook at {@code /entries}. GET shows the form and the entries; POST validates and stores an entry,
 * remembers the name in the session, and redirects back with 303 See Other (redirect-after-post, RFC 9110
 * §15.4.4), so reloading the page never signs twice. A rejected entry gets 400 and the form again.
 */
public class EntriesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String NAME_ATTRIBUTE = "guestbook.name";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String remembered = rememberedName(request);
        render(request, response, HttpServletResponse.SC_OK, EntryForm.blank(remembered), remembered);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        EntryForm form = EntryForm.of(request.getParameter("name"), request.getParameter("message"));
        if (!form.isValid()) {
            render(request, response, HttpServletResponse.SC_BAD_REQUEST, form, rememberedName(request));
            return;
        }
        Entry entry = store().add(form.name(), form.message());
        HttpSession session = request.getSession(true);
        session.setAttribute(NAME_ATTRIBUTE, form.name());
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/entries#entry-" + entry.id());
        response.setContentLength(0);
    }

    private void render(HttpServletRequest request, HttpServletResponse response, int status, EntryForm form,
            String remembered) throws IOException {
        byte[] html = Pages.entries(request.getContextPath(), store().entries(), form, remembered)
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(html.length);
        response.getOutputStream().write(html);
    }

    private GuestbookStore store() {
        return (GuestbookStore) getServletContext().getAttribute(GuestbookStore.ATTRIBUTE);
    }

    private static String rememberedName(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(NAME_ATTRIBUTE);
    }
}
