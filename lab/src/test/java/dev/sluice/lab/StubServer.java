package dev.sluice.lab;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny scripted HTTP server for tests: a thread per connection reads request heads and answers each with
 * what {@link Script} says. It knows nothing of the lab's code.
 */
final class StubServer implements AutoCloseable {
    /**
     * Decides the answer to the n-th request (1-based, over all connections), the {@code onConnection}-th on its
     * connection; null means never answer.
     */
    interface Script {
        Answer answer(int n, int onConnection, String requestHead) throws InterruptedException;
    }

    record Answer(String bytes, boolean closeAfter) {
        static Answer ok(String body) {
            return new Answer("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body, false);
        }
    }

    private final ServerSocket server;
    private final Script script;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    StubServer(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "stub-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    int requests() {
        return requests.get();
    }

    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "stub-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            for (int onConnection = 1; ; onConnection++) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                Answer a = script.answer(requests.incrementAndGet(), onConnection, head);
                if (a == null) {
                    Thread.sleep(Long.MAX_VALUE);
                }
                out.write(a.bytes().getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                if (a.closeAfter() || head.contains("Connection: close")
                        || (head.contains("HTTP/1.0") && !head.contains("keep-alive"))) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // connection over
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            sb.append((char) b);
            if (sb.length() >= 4 && sb.substring(sb.length() - 4).equals("\r\n\r\n")) {
                return sb.toString();
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
    }
}
