package dev.sluice.samples.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sample as a user runs it: {@code java -jar target/sluice-spring-boot-app.jar} (Boot's repackaged jar, its
 * nested jars loaded by Boot's launcher), asked over real sockets, then stopped with SIGTERM, which Boot turns
 * into a graceful shutdown.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExecutableJarIT {
    private static final Pattern STARTED = Pattern.compile("Sluice started on port (\\d+) \\(http\\)");
    private static Process app;
    private static Thread reader;
    private static int port;
    private static final List<String> output = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() throws Exception {
        Path jar = Path.of(System.getProperty("app.jar", "target/sluice-spring-boot-app.jar"));
        assertTrue(Files.isRegularFile(jar), "no executable jar at " + jar);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        app = new ProcessBuilder(java, "-jar", jar.toString(), "--server.port=0", "--server.address=127.0.0.1")
                .redirectErrorStream(true).start();
        CompletableFuture<Integer> bound = new CompletableFuture<>();
        reader = new Thread(() -> readOutput(app.getInputStream(), bound), "app-output");
        reader.setDaemon(true);
        reader.start();
        port = bound.get(120, TimeUnit.SECONDS);
    }

    private static void readOutput(InputStream in, CompletableFuture<Integer> bound) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                output.add(line);
                Matcher m = STARTED.matcher(line);
                if (m.find()) {
                    bound.complete(Integer.parseInt(m.group(1)));
                }
            }
            bound.completeExceptionally(new AssertionError("the application ended before it started:\n"
                    + String.join("\n", output)));
        } catch (IOException e) {
            bound.completeExceptionally(e);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroyForcibly();
            app.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(1)
    void theRestControllerAnswers() throws IOException {
        String response = get("/hello?name=jar");
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertTrue(response.contains("\r\nContent-Type: text/plain;charset=UTF-8\r\n"), response);
        assertTrue(response.endsWith("\r\n\r\nHello, jar, from Sluice"), response);

        String item = get("/items/7");
        assertTrue(item.startsWith("HTTP/1.1 200 OK\r\n"), item);
        assertTrue(item.contains("\"id\":7") && item.contains("\"name\":\"item 7\""), item);
    }

    @Test
    @Order(2)
    void staticFilesErrorPagesAndHealthComeFromTheJar() throws IOException {
        String index = get("/");
        assertTrue(index.startsWith("HTTP/1.1 200 OK\r\n"), index);
        assertTrue(index.contains("<h1>Spring Boot on Sluice</h1>"), index);

        String missing = get("/nothing/here", "Accept: text/html");
        assertTrue(missing.startsWith("HTTP/1.1 404 Not Found\r\n"), missing);
        assertTrue(missing.contains("This is the application's own 404 page."), missing);

        String failed = get("/boom", "Accept: application/json");
        assertTrue(failed.startsWith("HTTP/1.1 500 Internal Server Error\r\n"), failed);
        assertTrue(failed.contains("\"path\":\"/boom\""), failed);

        String health = get("/actuator/health");
        assertTrue(health.startsWith("HTTP/1.1 200 OK\r\n"), health);
        assertTrue(health.contains("\"status\":\"UP\""), health);
    }

    @Test
    @Order(3)
    void sigtermShutsDownGracefully() throws Exception {
        assertEquals("HTTP/1.1 200 OK", get("/hello").lines().findFirst().orElse(""));
        // SIGTERM: Boot's shutdown hook closes the context, server.shutdown=graceful. Through the handle, because
        // Process.destroy also closes our end of its output, and the shutdown's log lines would be lost.
        assertTrue(app.toHandle().destroy(), "SIGTERM sent");
        assertTrue(app.waitFor(60, TimeUnit.SECONDS), "the application did not exit");
        reader.join(TimeUnit.SECONDS.toMillis(20)); // the output ends when the process has exited
        assertTrue(output.stream().anyMatch(l -> l.contains("Graceful shutdown complete")), String.join("\n", output));
    }

    /** One request with Connection: close; the whole response as text (bodies here are small and not chunked). */
    private static String get(String target, String... headers) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(20_000);
            StringBuilder req = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n");
            for (String h : headers) {
                req.append(h).append("\r\n");
            }
            OutputStream out = s.getOutputStream();
            out.write(req.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            s.getInputStream().transferTo(all);
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
