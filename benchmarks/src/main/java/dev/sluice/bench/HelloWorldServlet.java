package dev.sluice.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The servlet measured on every container: GET answers "Hello, World!" as text/plain with a Content-Length.
 * With a delay it stands for a slow application (the saturation scenario).
 */
public class HelloWorldServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.US_ASCII);

    private long delayMillis;

    public HelloWorldServlet() {
        this(0);
    }

    public HelloWorldServlet(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    /** Deployed from a web.xml (Sluice's servlet variant), the delay comes from the init parameter "delayMillis". */
    @Override
    public void init() {
        String delay = getInitParameter("delayMillis");
        if (delay != null) {
            delayMillis = Long.parseLong(delay);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        response.setContentType("text/plain");
        response.setContentLength(BODY.length);
        response.getOutputStream().write(BODY);
    }
}
