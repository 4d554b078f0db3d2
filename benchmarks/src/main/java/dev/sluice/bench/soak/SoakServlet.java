package dev.sluice.bench.soak;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The webapp the soak deploys as {@code /soak} (its classes copied into a generated WEB-INF by
 * {@link SoakWebapp}): {@code GET /hello} (with {@code ?session=1} it also creates a session that expires after
 * {@link #SESSION_SECONDS}), {@code GET /sleep?ms=N} holding its worker, {@code GET /big?kb=N} a body of
 * {@link #patternByte} bytes, {@code POST /echo} the request body back. Depends on the servlet API only.
 */
public class SoakServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    public static final byte[] HELLO = "soak hello\n".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] SLEPT = "slept\n".getBytes(StandardCharsets.US_ASCII);
    /** Sessions the soak creates expire this soon, so that the session count can go back to 0. */
    public static final int SESSION_SECONDS = 2;

    /** Byte {@code i} of a /big body: period 2^24, so a lost, repeated or shifted block shows. */
    public static byte patternByte(long i) {
        return (byte) (i * 131 + (i >>> 8) * 7 + (i >>> 16) * 13);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        switch (path) {
            case "/hello" -> {
                if ("1".equals(req.getParameter("session"))) {
                    HttpSession session = req.getSession(true);
                    session.setMaxInactiveInterval(SESSION_SECONDS);
                    session.setAttribute("payload", new byte[1024]);
                }
                send(resp, HELLO);
            }
            case "/sleep" -> {
                long ms = Math.min(10_000, Math.max(0, number(req.getParameter("ms"))));
                try {
                    Thread.sleep(ms);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                send(resp, SLEPT);
            }
            case "/big" -> big(resp, Math.min(16 * 1024, Math.max(0, number(req.getParameter("kb")))) * 1024);
            default -> resp.sendError(404);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"/echo".equals(req.getPathInfo())) {
            resp.sendError(404);
            return;
        }
        resp.setContentType("application/octet-stream");
        long length = req.getContentLengthLong();
        if (length >= 0) {
            resp.setContentLengthLong(length);
        }
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = req.getInputStream(); OutputStream out = resp.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        }
    }

    private static void send(HttpServletResponse resp, byte[] body) throws IOException {
        resp.setContentType("text/plain");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    private static void big(HttpServletResponse resp, long length) throws IOException {
        resp.setContentType("application/octet-stream");
        resp.setContentLengthLong(length);
        byte[] chunk = new byte[8192];
        OutputStream out = resp.getOutputStream();
        for (long at = 0; at < length; at += chunk.length) {
            int n = (int) Math.min(chunk.length, length - at);
            for (int i = 0; i < n; i++) {
                chunk[i] = patternByte(at + i);
            }
            out.write(chunk, 0, n);
        }
    }

    private static long number(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
