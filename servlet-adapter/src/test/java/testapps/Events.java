package testapps;

import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Webapp code runs in its own class loader, so it reports to the test through a file named by the context
 * parameter {@code events}: one line per event.
 */
public final class Events {
    private Events() {
    }

    public static synchronized void log(ServletContext context, String line) {
        String file = context.getInitParameter("events");
        if (file == null) {
            return;
        }
        try {
            Files.writeString(Path.of(file), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
