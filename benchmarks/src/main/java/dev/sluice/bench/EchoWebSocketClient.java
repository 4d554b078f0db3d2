package dev.sluice.bench;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop WebSocket round trips: C connections (one thread each) to {@code path} ({@code {i}} replaced by the
 * connection's number), each sending a masked text frame of S bytes and waiting for the one frame that answers it,
 * for W seconds of warm-up and then D seconds measured, after skipping G frames the endpoint sends on open
 * (default 0). Prints {@code RESULT round_trips_per_s=...}. No dependencies:
 * {@code java EchoWebSocketClient.java host port /ws/echo 64 64 5 20} (C S W D [G]).
 */
public final class EchoWebSocketClient {
    private EchoWebSocketClient() {
    }

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        String path = args[2];
        int connections = Integer.parseInt(args[3]);
        int size = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        int duration = Integer.parseInt(args[6]);
        int greetings = args.length > 7 ? Integer.parseInt(args[7]) : 0;
        byte[] payload = "x".repeat(size).getBytes(StandardCharsets.UTF_8);
        LongAdder count = new LongAdder();
        LongAdder failures = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            String p = path.replace("{i}", Integer.toString(i));
            Thread t = new Thread(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(host, port), 10_000);
                    s.setTcpNoDelay(true);
                    s.setSoTimeout(10_000);
                    OutputStream out = s.getOutputStream();
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    if (!handshake(out, in, p, host).startsWith("HTTP/1.1 101 ")) {
                        failures.increment();
                        return;
                    }
                    for (int g = 0; g < greetings; g++) {
                        skipFrame(in); // frames the endpoint sends on open (the chat sample's "joined" line)
                    }
                    byte[] frame = frame(payload);
                    while (running.get()) {
                        out.write(frame);
                        skipFrame(in);
                        count.increment();
                    }
                } catch (IOException e) {
                    failures.increment();
                }
            });
            t.start();
            threads.add(t);
        }
        Thread.sleep(warmup * 1000L);
        long before = count.sum();
        long start = System.nanoTime();
        Thread.sleep(duration * 1000L);
        long done = count.sum() - before;
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread t : threads) {
            t.join(15_000);
        }
        System.out.printf("RESULT round_trips_per_s=%.0f connections=%d size=%d seconds=%.1f failures=%d%n",
                done / seconds, connections, size, seconds, failures.sum());
    }

    private static byte[] frame(byte[] payload) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x81);
        if (payload.length < 126) {
            f.write(0x80 | payload.length);
        } else {
            f.write(0x80 | 126);
            f.write(payload.length >>> 8);
            f.write(payload.length);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        f.write(mask, 0, 4);
        for (int i = 0; i < payload.length; i++) {
            f.write(payload[i] ^ mask[i % 4]);
        }
        return f.toByteArray();
    }

    private static void skipFrame(DataInputStream in) throws IOException {
        in.readUnsignedByte();
        int len = in.readUnsignedByte() & 0x7F;
        long n = len == 126 ? in.readUnsignedShort() : len == 127 ? in.readLong() : len;
        in.skipNBytes(n);
    }

    private static String handshake(OutputStream out, InputStream in, String path, String host) throws IOException {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key)
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
