package dev.sluice.bench.soak;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.LongFunction;

/**
 * The soak's well-formed clients: each request must get 200 with exactly the expected content, or 503; anything
 * else, or no answer, is a failure in the {@link SoakTally}. After a 503 a client waits a little before its next
 * request (pacing, not a check).
 */
final class WellFormedClients {
    private static final long AFTER_503_MS = 100;
    /** Senders of upload content: one thread per upload in flight (the common pool may have one thread). */
    private static final java.util.concurrent.ExecutorService SENDERS = java.util.concurrent.Executors
            .newCachedThreadPool(r -> {
                Thread t = new Thread(r, "soak-upload-sender");
                t.setDaemon(true);
                return t;
            });

    private WellFormedClients() {
    }

    /**
     * GETs on one keep-alive connection at a time (or a new connection per request with {@code closeEach}),
     * reconnecting when the server closes; {@code target} gives the n-th request target. With {@code inBursts},
     * requests go out only in the first 5 s of every 10 s ({@link SoakControl#awaitBurst}).
     */
    static Runnable getter(String kind, int port, SoakTally tally, SoakControl control, LongFunction<String> target,
                           byte[] expected, boolean closeEach, boolean inBursts) {
        return () -> {
            Socket socket = null;
            long n = 0;
            while (control.running()) {
                if (inBursts && !control.awaitBurst()) {
                    break;
                }
                String path = target.apply(n++);
                try {
                    if (socket == null) {
                        socket = SoakHttp.connect(port, 0);
                    }
                    InputStream in = new BufferedInputStream(socket.getInputStream());
                    socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: soak\r\n"
                            + (closeEach ? "Connection: close\r\n" : "") + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    SoakHttp.Head head = SoakHttp.readHead(in);
                    if (head == null) {
                        tally.fail(kind, "connection closed without a response to GET " + path);
                        SoakControl.closeQuietly(socket);
                        socket = null;
                        continue;
                    }
                    byte[] content = SoakHttp.content(in, head);
                    boolean close = head.close() || closeEach;
                    if (head.status() == 200) {
                        if (Arrays.equals(content, expected)) {
                            tally.count(kind, "200");
                        } else {
                            tally.corrupt(kind, "GET " + path + ": " + content.length + " bytes differ from the "
                                    + expected.length + " expected");
                            close = true;
                        }
                    } else if (head.status() == 503) {
                        tally.count(kind, "503");
                        control.pause(AFTER_503_MS);
                    } else {
                        tally.fail(kind, "GET " + path + " answered " + head.status());
                    }
                    if (close) {
                        SoakControl.closeQuietly(socket);
                        socket = null;
                    }
                } catch (IOException | RuntimeException e) {
                    tally.fail(kind, "GET " + path + ": " + e);
                    SoakControl.closeQuietly(socket);
                    socket = null;
                }
            }
            SoakControl.closeQuietly(socket);
        };
    }

    /**
     * POST /soak/echo with random content of 64 KiB to 2 MiB, by Content-Length or chunked in turn, each with
     * {@code Expect: 100-continue}; the echo must equal what was sent, byte for byte. The content goes out from a
     * second thread while this one reads the echo, as the server sends it back while still reading.
     */
    static Runnable uploader(String kind, int port, SoakTally tally, SoakControl control, long seed) {
        return () -> {
            Random random = new Random(seed);
            long n = 0;
            while (control.running()) {
                byte[] body = new byte[64 * 1024 + random.nextInt(2 * 1024 * 1024 - 64 * 1024)];
                random.nextBytes(body);
                boolean chunked = (n++ & 1) == 1;
                try (Socket socket = SoakHttp.connect(port, 0)) {
                    upload(kind, socket, body, chunked, random.nextLong(), tally, control);
                } catch (IOException | RuntimeException e) {
                    tally.fail(kind, "POST /soak/echo of " + body.length + " bytes" + (chunked ? " chunked" : "")
                            + ": " + e);
                }
            }
        };
    }

    private static void upload(String kind, Socket socket, byte[] body, boolean chunked, long seed, SoakTally tally,
                               SoakControl control) throws IOException {
        OutputStream out = socket.getOutputStream();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        out.write(("POST /soak/echo HTTP/1.1\r\nHost: soak\r\nContent-Type: application/octet-stream\r\n"
                + "Expect: 100-continue\r\n" + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: "
                + body.length) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        // RFC 9110 section 10.1.1: wait a while for 100 or a final answer, then send the content anyway.
        SoakHttp.Head head = null;
        socket.setSoTimeout(3000);
        try {
            head = SoakHttp.readHeadOrContinue(in);
        } catch (SocketTimeoutException e) {
            // no answer yet (the request may be queued): send the content
        }
        socket.setSoTimeout(60_000);
        if (head != null && head.status() != 100) {
            finalWithoutContent(kind, head, in, tally, control);
            return;
        }
        CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> send(out, body, chunked, seed), SENDERS);
        head = SoakHttp.readHead(in);
        if (head == null) {
            tally.fail(kind, "closed without a response to an upload of " + body.length + " bytes");
            return;
        }
        byte[] echo = SoakHttp.content(in, head);
        if (head.status() == 200) {
            await(sent);
            int at = Arrays.mismatch(echo, body);
            if (at >= 0) {
                tally.corrupt(kind, "echo of " + body.length + " bytes" + (chunked ? " chunked" : "")
                        + " differs at byte " + at + " (" + echo.length + " bytes came back)");
            } else {
                tally.count(kind, "200");
            }
        } else if (head.status() == 503) {
            tally.count(kind, "503");
            control.pause(AFTER_503_MS);
        } else {
            tally.fail(kind, "upload answered " + head.status());
        }
    }

    private static void finalWithoutContent(String kind, SoakHttp.Head head, InputStream in, SoakTally tally,
                                            SoakControl control) throws IOException {
        SoakHttp.content(in, head);
        if (head.status() == 503) {
            tally.count(kind, "503");
            control.pause(AFTER_503_MS);
        } else {
            tally.fail(kind, "upload answered " + head.status() + " before its content");
        }
    }

    private static void send(OutputStream out, byte[] body, boolean chunked, long seed) {
        try {
            if (!chunked) {
                out.write(body);
            } else {
                Random sizes = new Random(seed);
                for (int at = 0; at < body.length; ) {
                    int n = Math.min(body.length - at, 1 + sizes.nextInt(64 * 1024));
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, at, n);
                    out.write(new byte[] {'\r', '\n'});
                    at += n;
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void await(CompletableFuture<Void> sent) throws IOException {
        try {
            sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        } catch (ExecutionException e) {
            throw new IOException("sending the content failed although the echo was complete", e.getCause());
        }
    }

    /**
     * GET /soak/big?kb=1024 read slowly (2 KiB every 25 ms, a receive buffer of 8 KiB), so the server's writes
     * wait for the client; every byte is checked against {@link SoakServlet#patternByte}.
     */
    static Runnable slowReader(String kind, int port, SoakTally tally, SoakControl control) {
        return () -> {
            while (control.running()) {
                try (Socket socket = SoakHttp.connect(port, 8192)) {
                    InputStream in = socket.getInputStream();
                    socket.getOutputStream().write("GET /soak/big?kb=1024 HTTP/1.1\r\nHost: soak\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    InputStream buffered = new BufferedInputStream(in, 2048);
                    SoakHttp.Head head = SoakHttp.readHead(buffered);
                    if (head == null) {
                        tally.fail(kind, "closed without a response to GET /soak/big");
                    } else if (head.status() == 503) {
                        SoakHttp.content(buffered, head);
                        tally.count(kind, "503");
                        control.pause(AFTER_503_MS);
                    } else if (head.status() != 200 || head.contentLength() != 1024 * 1024) {
                        tally.fail(kind, "GET /soak/big answered " + head.status() + " with length "
                                + head.contentLength());
                    } else {
                        readSlowly(kind, buffered, head.contentLength(), tally);
                    }
                } catch (IOException | RuntimeException e) {
                    tally.fail(kind, "GET /soak/big: " + e);
                }
            }
        };
    }

    private static void readSlowly(String kind, InputStream in, long length, SoakTally tally) throws IOException {
        byte[] buffer = new byte[2048];
        long at = 0;
        while (at < length) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, length - at));
            if (n < 0) {
                tally.fail(kind, "content ended after " + at + " of " + length + " bytes");
                return;
            }
            for (int i = 0; i < n; i++) {
                if (buffer[i] != SoakServlet.patternByte(at + i)) {
                    tally.corrupt(kind, "GET /soak/big differs at byte " + (at + i));
                    return;
                }
            }
            at += n;
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        tally.count(kind, "200");
    }
}
