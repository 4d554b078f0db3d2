package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The built distribution's {@code bin/sluice}, run as a person would: a real process, real signals. */
// Longer than the build's 60 s default: each test starts a server JVM and waits up to 60 s for it to stop.
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LauncherIT {
    private static final Path SLUICE = Paths.get("target/sluice/bin/sluice").toAbsolutePath();
    private static final Pattern READY = Pattern.compile("^Sluice listening on (http://[^ ]+:(\\d+))$");

    @Test
    void servesTheSamplesAndStopsCleanlyOnSigterm() throws Exception {
        Process server = new ProcessBuilder(SLUICE.toString(), "run", "--port", "0", "--host", "127.0.0.1")
                .redirectErrorStream(true).start();
        try {
            String base = awaitReady(server);
            HttpResponse<String> hello = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/hello/")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, hello.statusCode());
            // the JDK client asks for h2c by Upgrade on plain http; the server takes it (docs/connector.md, HTTP/2)
            assertEquals("Hello from Sluice\nmethod: GET\npath: /hello/\nprotocol: HTTP/2.0\n", hello.body());

            server.destroy(); // SIGTERM
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "server did not stop after SIGTERM");
            assertEquals(0, server.exitValue(), "exit code after SIGTERM");
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void busyPortIsOneLineAndExitTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Process server = new ProcessBuilder(SLUICE.toString(), "run", "--port",
                    Integer.toString(taken.getLocalPort()), "--host", "127.0.0.1", "--hotDeploy", "false")
                    .redirectErrorStream(true).start();
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "server did not give up on a busy port");
            String output = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(2, server.exitValue(), output);
            String last = output.strip().lines().reduce((a, b) -> b).orElse("");
            assertTrue(last.startsWith("sluice: cannot listen on 127.0.0.1:" + taken.getLocalPort()), output);
            assertTrue(!output.contains("\tat "), "stack trace printed: " + output);
        }
    }

    @Test
    void missingWebappsFolderIsOneLineAndExitTwo() throws Exception {
        Path missing = Files.createTempDirectory("sluice-it").resolve("none");
        Process server = new ProcessBuilder(SLUICE.toString(), "run", "--port", "0", "--webapps",
                missing.toString()).redirectErrorStream(true).start();
        assertTrue(server.waitFor(60, TimeUnit.SECONDS));
        String output = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, server.exitValue());
        assertEquals("sluice: webapps folder not found: " + missing + "\n", output);
    }

    /** Reads the server's output until its ready line; returns the base URL it names. */
    static String awaitReady(Process server) throws IOException {
        BufferedReader out = new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = READY.matcher(line);
            if (m.matches()) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException e) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("server ended without its ready line:\n" + seen);
    }
}
