package dev.sluice.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Opens N WebSockets (RFC 6455 opening handshake by hand, one plain socket each) to {@code path} with
 * {@code {i}} replaced by the socket's number, checks each got 101, holds them all idle, then closes them.
 * Prints {@code READY ok=<n> failed=<n>} when all are open and {@code DONE} at the end. No dependencies, so it
 * also runs as a single source file: {@code java IdleWebSocketClient.java host port /chat/room/r{i} 10000 25}.
 */
public final class IdleWebSocketClient {
    private IdleWebSocketClient() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String path = args[2];
        int count = Integer.parseInt(args[3]);
        int holdSeconds = Integer.parseInt(args[4]);
        List<Socket> open = new ArrayList<>(count);
        int failed = 0;
        String firstFailure = null;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(host, port), 10_000);
                s.setSoTimeout(10_000);
                String head = handshake(s, path.replace("{i}", Integer.toString(i)), host);
                if (head.startsWith("HTTP/1.1 101 ")) {
                    open.add(s);
                    continue;
                }
                if (firstFailure == null) {
                    firstFailure = head.lines().findFirst().orElse("(empty)");
                }
            } catch (IOException e) {
                if (firstFailure == null) {
                    firstFailure = e.toString();
                }
            }
            failed++;
            s.close();
            if (failed >= 100) {
                break; // the server is refusing or has fallen over; do not wait 10 s for each of the rest
            }
        }
        System.out.printf("READY ok=%d failed=%d seconds=%.1f%s%n", open.size(), failed,
                (System.nanoTime() - start) / 1e9, firstFailure == null ? "" : " first failure: " + firstFailure);
        Thread.sleep(holdSeconds * 1000L);
        for (Socket s : open) {
            s.close();
        }
        System.out.println("DONE");
    }

    private static String handshake(Socket s, String path, String host) throws IOException {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\n\r\n";
        s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        int matched = 0;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
