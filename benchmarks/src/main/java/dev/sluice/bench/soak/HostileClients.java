package dev.sluice.bench.soak;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The soak's hostile clients. None of them expects an answer; what they must not do is leave anything behind in
 * the server (connections, workers, queue places, file descriptors), which the soak checks at the end. Each
 * counts its attempts in the {@link SoakTally} so that the report shows they ran.
 */
final class HostileClients {
    private HostileClients() {
    }

    /**
     * Gives up mid-request with an RST: in turn, an upload cut after 64 KiB of a declared 4 MiB, and a large
     * download cut after 16 KiB.
     */
    static Runnable resetter(String kind, int port, SoakTally tally, SoakControl control) {
        return () -> {
            long n = 0;
            while (control.running()) {
                Socket socket = null;
                try {
                    socket = SoakHttp.connect(port, 8192);
                    if ((n++ & 1) == 0) {
                        socket.getOutputStream().write(("POST /soak/echo HTTP/1.1\r\nHost: soak\r\n"
                                + "Content-Length: 4194304\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        socket.getOutputStream().write(new byte[64 * 1024]);
                        tally.count(kind, "upload_reset");
                    } else {
                        socket.getOutputStream().write("GET /soak/big?kb=4096 HTTP/1.1\r\nHost: soak\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        socket.getInputStream().readNBytes(16 * 1024);
                        tally.count(kind, "download_reset");
                    }
                    control.pause(20);
                } catch (IOException e) {
                    tally.count(kind, "refused_first"); // the server closed first (a 503 and close, say)
                } finally {
                    if (socket != null) {
                        SoakControl.reset(socket);
                    }
                }
                control.pause(30);
            }
        };
    }

    /** Sends part of a request head, then either closes (FIN) or stops sending and reads until the server closes. */
    static Runnable halfHead(String kind, int port, SoakTally tally, SoakControl control) {
        return () -> {
            long n = 0;
            while (control.running()) {
                try (Socket socket = SoakHttp.connect(port, 0)) {
                    String head = "GET /soak/hello HTTP/1.1\r\nHost: soak\r\nX-Half: " + "h".repeat((int) (n % 50));
                    socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                    if ((n++ & 1) == 0) {
                        tally.count(kind, "closed");
                    } else {
                        socket.shutdownOutput();
                        byte[] answer = socket.getInputStream().readAllBytes(); // the server's 400, or nothing
                        tally.count(kind, answer.length == 0 ? "half_closed_silently" : "half_closed_answered");
                    }
                } catch (IOException e) {
                    tally.count(kind, "io_error");
                }
                control.pause(20);
            }
        };
    }

    /**
     * Slowloris: {@code connections} connections each sending one byte of a never-ending head per second; the
     * server's headerTimeout must close them (counted as {@code closed_by_server}), and they are opened again.
     */
    static Runnable slowloris(String kind, int port, int connections, SoakTally tally, SoakControl control) {
        return () -> {
            List<SocketChannel> open = new ArrayList<>();
            List<Integer> sent = new ArrayList<>();
            byte[] head = ("GET /soak/hello HTTP/1.1\r\nHost: soak\r\nX-Slow: " + "s".repeat(8000))
                    .getBytes(StandardCharsets.US_ASCII);
            ByteBuffer sink = ByteBuffer.allocate(4096);
            while (control.running()) {
                while (open.size() < connections) {
                    try {
                        SocketChannel c = SocketChannel.open(new InetSocketAddress(SoakHttp.HOST, port));
                        c.configureBlocking(false);
                        open.add(c);
                        sent.add(0);
                    } catch (IOException e) {
                        tally.count(kind, "connect_failed");
                        break;
                    }
                }
                for (int i = open.size() - 1; i >= 0; i--) {
                    SocketChannel c = open.get(i);
                    int at = sent.get(i);
                    boolean closed;
                    try {
                        // A whole request line first, then one header byte per round.
                        int n = at == 0 ? "GET /soak/hello HTTP/1.1\r\n".length() : 1;
                        c.write(ByteBuffer.wrap(head, at % head.length, Math.min(n, head.length - at % head.length)));
                        sent.set(i, at + n);
                        sink.clear();
                        closed = c.read(sink) < 0 || sink.position() > 0; // a 408 or a close: either ends it
                    } catch (IOException e) {
                        closed = true;
                    }
                    if (closed) {
                        tally.count(kind, "closed_by_server");
                        SoakControl.closeQuietly(c);
                        open.remove(i);
                        sent.remove(i);
                    }
                }
                control.pause(1000);
            }
            open.forEach(SoakControl::closeQuietly);
        };
    }

    /**
     * Asks for 16 MiB and reads none of it for {@code holdMillis} (more than the server's writeTimeout), then
     * resets: the server must give up the write and free its worker meanwhile.
     */
    static Runnable stalledReader(String kind, int port, long holdMillis, SoakTally tally, SoakControl control) {
        return () -> {
            while (control.running()) {
                Socket socket = null;
                try {
                    socket = SoakHttp.connect(port, 4096);
                    socket.getOutputStream().write("GET /soak/big?kb=16384 HTTP/1.1\r\nHost: soak\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    control.pause(holdMillis);
                    tally.count(kind, serverGaveUp(socket) ? "closed_by_server" : "still_open");
                } catch (IOException e) {
                    tally.count(kind, "io_error");
                } finally {
                    if (socket != null) {
                        SoakControl.reset(socket);
                    }
                }
            }
        };
    }

    /** Whether the stream ends within a second once what the server had sent is read. */
    private static boolean serverGaveUp(Socket socket) {
        try {
            socket.setSoTimeout(1000);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return !(e instanceof java.net.SocketTimeoutException); // a reset: closed too
        }
    }
}
