package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.TrustedProxies;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load balancer's probes over a socket, who may ask them, and the stop that a balancer can follow. */
class HealthSocketTest {
    @TempDir
    Path dir;
    private SluiceServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private SluiceServer start(String trusted, Duration drainDelay) throws IOException {
        Path root = Files.createDirectories(dir.resolve("webapps/ROOT"));
        Files.writeString(root.resolve("index.html"), "home\n");
        server = SluiceServer.builder().host("127.0.0.1").port(0).webapps(dir.resolve("webapps"))
                .workDir(dir.resolve("work")).trustedProxies(TrustedProxies.parse(trusted)).drainDelay(drainDelay)
                .start();
        return server;
    }

    private String send(String request) throws IOException {
        return RawExchange.send(server, request).replaceAll("Date: [^\r]*\r\n", "");
    }

    private static String get(String path, String... headers) {
        return "GET " + path + " HTTP/1.1\r\nHost: x\r\n" + String.join("", headers.length == 0 ? List.of()
                : List.of(String.join("\r\n", headers) + "\r\n")) + "Connection: close\r\n\r\n";
    }

    @Test
    void liveAndReadyAnswerALoopbackClient() throws Exception {
        start("none", Duration.ZERO);
        assertEquals("HTTP/1.1 200 OK\r\nServer: Sluice\r\nCache-Control: no-store\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: 5\r\nConnection: close\r\n\r\nlive\n",
                send(get("/sluice/health/live")));
        String ready = send(get("/sluice/health/ready"));
        assertTrue(ready.startsWith("HTTP/1.1 200 OK\r\n") && ready.endsWith("\r\n\r\nready\n"), ready);
        String post = send("POST /sluice/health/ready HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(post.startsWith("HTTP/1.1 405 Method Not Allowed\r\n") && post.contains("\r\nAllow: GET, HEAD\r\n"),
                post);
    }

    @Test
    void aClientThatATrustedProxyRelaysFromOutsideIsRefused() throws Exception {
        start("127.0.0.1, 10.0.0.0/8", Duration.ZERO);
        String outside = send(get("/sluice/health/ready", "X-Forwarded-For: 203.0.113.7"));
        assertTrue(outside.startsWith("HTTP/1.1 403 Forbidden\r\n"), outside);
        assertTrue(outside.endsWith("\r\n\r\nHealth checks are only answered to loopback and trusted proxies.\n"),
                outside);
        String hidden = send(get("/sluice/health/live", "Forwarded: for=unknown"));
        assertTrue(hidden.startsWith("HTTP/1.1 403 Forbidden\r\n"), hidden);
        String balancer = send(get("/sluice/health/ready", "X-Forwarded-For: 10.0.0.7"));
        assertTrue(balancer.startsWith("HTTP/1.1 200 OK\r\n"), balancer);
        String status = send(get("/sluice/status", "X-Forwarded-For: 203.0.113.7"));
        assertTrue(status.startsWith("HTTP/1.1 403 Forbidden\r\n"), "the status page too: " + status);
    }

    @Test
    void spoofedFieldsFromAnUntrustedPeerChangeNothing() throws Exception {
        start("10.0.0.0/8", Duration.ZERO);
        String r = send(get("/sluice/health/live", "X-Forwarded-For: 203.0.113.7", "Forwarded: for=203.0.113.7"));
        assertTrue(r.startsWith("HTTP/1.1 200 OK\r\n"), "still the loopback peer: " + r);
    }

    /**
     * Issue 20: on SIGTERM ready turns 503 first, the server keeps serving for drainDelay, then stops. A client
     * requesting all along on one keep-alive connection gets only 200s while ready says 503.
     */
    @Test
    void duringTheDrainDelayReadyIs503AndEveryRequestIsServed() throws Exception {
        start("none", Duration.ofSeconds(5));
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        AtomicBoolean stopClient = new AtomicBoolean();
        AtomicReference<Throwable> clientFailure = new AtomicReference<>();
        Thread client = new Thread(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", server.localAddress().getPort()), 10_000);
                s.setSoTimeout(10_000);
                OutputStream out = s.getOutputStream();
                BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                        StandardCharsets.ISO_8859_1));
                while (!stopClient.get()) {
                    out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    statuses.add(readStatusAndSkip(in));
                }
            } catch (Throwable t) {
                clientFailure.set(t);
            }
        }, "keeps-requesting");
        client.start();
        awaitCount(statuses, 1);
        long[] stopMillis = new long[2];
        Thread stopping = new Thread(() -> {
            stopMillis[0] = System.nanoTime() / 1_000_000;
            server.shutdown();
            stopMillis[1] = System.nanoTime() / 1_000_000;
        }, "sigterm");
        stopping.start();
        long deadline = System.nanoTime() + 30_000_000_000L;
        String ready;
        do {
            ready = send(get("/sluice/health/ready"));
        } while (!ready.startsWith("HTTP/1.1 503 ") && System.nanoTime() < deadline);
        assertTrue(ready.endsWith("\r\n\r\nnot ready: draining\n"), ready);
        int atDrain = statuses.size();
        awaitCount(statuses, atDrain + 20);
        stopClient.set(true);
        client.join(30_000);
        assertEquals(null, clientFailure.get());
        assertTrue(statuses.stream().allMatch(s -> s == 200), "a request during the drain delay failed: " + statuses);
        String live = send(get("/sluice/health/live"));
        assertTrue(live.startsWith("HTTP/1.1 200 OK\r\n"), "still live while draining: " + live);
        stopping.join(60_000);
        assertTrue(stopMillis[1] - stopMillis[0] >= 5_000, "stopped before the drain delay was over");
        assertThrows(ConnectException.class, () -> send(get("/")), "stopped after the drain delay");
        server = null;
    }

    private static void awaitCount(List<Integer> statuses, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (statuses.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(statuses.size() >= count, "only " + statuses.size() + " responses, expected " + count);
    }

    /** Reads one response with Content-Length framing; returns its status code. */
    private static int readStatusAndSkip(BufferedReader in) throws IOException {
        String statusLine = in.readLine();
        if (statusLine == null) {
            throw new IOException("closed");
        }
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        for (int i = 0; i < length; i++) {
            in.read();
        }
        return Integer.parseInt(statusLine.substring(9, 12));
    }
}
