package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The built {@code bin/sluice} behind a balancer (issue 20): the flags reach the server, SIGTERM turns ready to
 * 503 while requests are still served for drainDelay, and a PROXY protocol port reads the balancer's header.
 */
// Longer than the build's 60 s default: each test starts a server JVM and waits for it to stop.
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BehindAProxyIT {
    private static final Path SLUICE = Paths.get("target/sluice/bin/sluice").toAbsolutePath();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sigtermTurnsReadyTo503AndKeepsServingForTheDrainDelay() throws Exception {
        Process server = new ProcessBuilder(SLUICE.toString(), "run", "--port", "0", "--host", "127.0.0.1",
                "--hotDeploy", "false", "--drainDelay", "6s").redirectErrorStream(true).start();
        try {
            String base = LauncherIT.awaitReady(server);
            assertEquals(200, get(base + "/sluice/health/ready").statusCode());
            assertEquals(200, get(base + "/sluice/health/live").statusCode());
            long signalled = System.nanoTime();
            server.destroy(); // SIGTERM
            HttpResponse<String> ready;
            long deadline = System.nanoTime() + 30_000_000_000L;
            do {
                ready = get(base + "/sluice/health/ready");
            } while (ready.statusCode() != 503 && System.nanoTime() < deadline);
            assertEquals("not ready: draining\n", ready.body());
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> hello = get(base + "/hello/");
                assertEquals(200, hello.statusCode(), "request " + i + " during the drain delay");
            }
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "server did not stop after the drain delay");
            assertEquals(0, server.exitValue(), "exit code after SIGTERM");
            assertTrue(System.nanoTime() - signalled >= 6_000_000_000L, "stopped before the drain delay");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void aProxyProtocolPortReadsTheHeaderAndRefusesConnectionsWithout() throws Exception {
        Process server = new ProcessBuilder(SLUICE.toString(), "run", "--port", "0", "--host", "127.0.0.1",
                "--hotDeploy", "false", "--proxyProtocol", "true", "--trustedProxies", "10.0.0.0/8")
                .redirectErrorStream(true).start();
        try {
            int port = Integer.parseInt(LauncherIT.awaitReady(server).replaceAll(".*:", ""));
            String withHeader = exchange(port, "PROXY TCP4 10.1.2.3 10.0.0.1 40000 80\r\n"
                    + "GET /sluice/health/ready HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(withHeader.startsWith("HTTP/1.1 200 OK\r\n"), "the balancer's own check: " + withHeader);
            String outside = exchange(port, "PROXY TCP4 203.0.113.7 10.0.0.1 40000 80\r\n"
                    + "GET /sluice/health/ready HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertTrue(outside.startsWith("HTTP/1.1 403 Forbidden\r\n"), "a client from outside: " + outside);
            assertEquals("", exchange(port, "GET /hello/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
                    "no header: closed without a response");
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }

    private static String exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
