package dev.sluice.samples.slow;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The plain-text answers of the slow sample: one line saying how long the request waited, and on what. */
final class Answers {
    private Answers() {
    }

    static String slept(int askedMs, long elapsedNanos, String workerThread) {
        return "slept " + millis(elapsedNanos) + " ms (asked for " + askedMs + " ms), holding worker thread "
                + workerThread + " the whole time\n";
    }

    static String waitedAsync(int askedMs, long elapsedNanos, String workerThread) {
        return "waited " + millis(elapsedNanos) + " ms (asked for " + askedMs + " ms) without holding a worker: "
                + "thread " + workerThread + " was released at once\n";
    }

    /** Writes a complete plain-text answer; no caching, so a reload really waits again. */
    static void send(HttpServletResponse response, int status, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static void badRequest(HttpServletResponse response, IllegalArgumentException reason) throws IOException {
        send(response, HttpServletResponse.SC_BAD_REQUEST, "400 Bad Request: " + reason.getMessage() + "\n");
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
