package redistest;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Writes the session events of one instance to the file its context parameter {@code events} names. */
public class SessionEvents implements HttpSessionListener, HttpSessionIdListener {
    @Override
    public void sessionCreated(HttpSessionEvent se) {
        log(se.getSession().getServletContext(), "created");
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent se) {
        log(se.getSession().getServletContext(), "destroyed count=" + se.getSession().getAttribute("count"));
    }

    @Override
    public void sessionIdChanged(HttpSessionEvent event, String oldSessionId) {
        log(event.getSession().getServletContext(), "idChanged");
    }

    static synchronized void log(ServletContext context, String line) {
        try {
            Files.writeString(Path.of(context.getInitParameter("events")), line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
