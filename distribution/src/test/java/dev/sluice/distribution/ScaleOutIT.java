package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20's topology, for real: Redis, three instances of the built server with {@code sessionStore=redis}, and
 * HAProxy in front without sticky sessions. A client logs in through FORM login (/secure) and leaves its name in
 * the guestbook (/guestbook, kept in its session); then, under steady load from several clients sharing that
 * login, one instance is stopped with SIGTERM (drainDelay 3 s). Every answer any client got is a 200 that still
 * shows the login and the guestbook name; what HAProxy retried behind the scenes is printed from its statistics.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ScaleOutIT {
    private static final int CLIENTS = 4;

    @TempDir
    Path dir;

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String url, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSessionSurvivesAnInstanceStoppingUnderLoadAndNoClientSeesAnError() throws Exception {
        try (LocalCluster cluster = new LocalCluster(dir, 3).start()) {
            String base = cluster.url();
            // FORM login (Servlet 6.1 section 13.6.3): the login page, then j_security_check, then back with 303.
            HttpResponse<String> login = get(base + "/secure/staff/");
            assertEquals(200, login.statusCode());
            assertTrue(login.body().contains("j_security_check"), login.body());
            HttpResponse<String> check = postForm(base + "/secure/j_security_check",
                    Map.of("j_username", "alice", "j_password", "wonderland"));
            assertEquals(303, check.statusCode(), check.body());
            assertEquals(base + "/secure/staff/", check.headers().firstValue("Location").orElseThrow());
            // The guestbook remembers the name in the session.
            HttpResponse<String> entry = postForm(base + "/guestbook/entries",
                    Map.of("name", "Ann Onymous", "message", "hello from the cluster"));
            assertEquals(303, entry.statusCode(), entry.body());
            // No sticky sessions: every instance, asked directly, knows the login and the guestbook name.
            for (int i = 0; i < 3; i++) {
                assertTrue(get(cluster.instanceUrl(i) + "/secure/staff/").body()
                        .contains("<strong id=\"user\">alice</strong>"), "instance " + (i + 1));
                assertTrue(get(cluster.instanceUrl(i) + "/guestbook/entries").body()
                        .contains("value=\"Ann Onymous\""), "instance " + (i + 1));
            }

            Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong served = new AtomicLong();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> loops = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                loops.add(clients.submit(() -> {
                    while (running.get()) {
                        boolean staff = served.incrementAndGet() % 2 == 0;
                        String outcome;
                        try {
                            HttpResponse<String> r = get(base + (staff ? "/secure/staff/" : "/guestbook/entries"));
                            boolean known = staff ? r.body().contains("<strong id=\"user\">alice</strong>")
                                    : r.body().contains("value=\"Ann Onymous\"");
                            outcome = r.statusCode() + (known ? " with the session" : " WITHOUT the session");
                        } catch (Exception e) {
                            outcome = "failed: " + e;
                        }
                        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
                    }
                    return null;
                }));
            }
            long before = waitForRequests(served, 200);
            Process first = cluster.instance(0);
            first.destroy(); // SIGTERM: ready turns 503, 3 s of drainDelay, then the graceful stop
            assertTrue(first.waitFor(60, TimeUnit.SECONDS), "instance 1 did not stop");
            assertEquals(0, first.exitValue(), "instance 1's exit code after SIGTERM");
            long atStop = served.get();
            waitForRequests(served, atStop + 200);
            running.set(false);
            for (Future<?> f : loops) {
                f.get(30, TimeUnit.SECONDS);
            }
            clients.shutdown();

            StringBuilder report = new StringBuilder("requests: " + served.get() + " (" + before
                    + " before SIGTERM, " + (atStop - before) + " during the drain)\n");
            new TreeMap<>(outcomes).forEach((k, v) -> report.append("  ").append(v).append(" x ").append(k)
                    .append('\n'));
            for (String line : cluster.serverStats()) {
                report.append("  haproxy ").append(line.split(",")[1]).append(": status ")
                        .append(cluster.statsColumn(line, "status")).append(", retries ")
                        .append(cluster.statsColumn(line, "wretr")).append(", redispatches ")
                        .append(cluster.statsColumn(line, "wredis")).append(", connection errors ")
                        .append(cluster.statsColumn(line, "econ")).append(", response errors ")
                        .append(cluster.statsColumn(line, "eresp")).append('\n');
            }
            System.out.println("ScaleOutIT: " + report);
            assertEquals(List.of("200 with the session"), List.copyOf(new TreeMap<>(outcomes).keySet()),
                    report.toString());
            List<String> states = new ArrayList<>();
            for (String line : cluster.serverStats()) {
                states.add(line.split(",")[1] + " " + cluster.statsColumn(line, "status"));
            }
            assertEquals(List.of("s1 DOWN", "s2 UP", "s3 UP"), states, "HAProxy took instance 1 out, kept the others");
        }
    }

    @Test
    void redisWithoutTheModulesJarsStopsTheStartWithOneLine() throws Exception {
        // lib/ without sluice-session-redis: the server of someone who removed the optional module.
        Path lib = java.nio.file.Files.createDirectories(dir.resolve("lib"));
        try (var jars = java.nio.file.Files.list(LocalCluster.DIST.resolve("lib"))) {
            for (Path jar : jars.filter(j -> !j.getFileName().toString().startsWith("sluice-session-redis"))
                    .toList()) {
                java.nio.file.Files.createSymbolicLink(lib.resolve(jar.getFileName()), jar);
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-Dsluice.home=" + dir, "-cp", lib + "/*",
                "dev.sluice.distribution.Main", "run", "--port", "0", "--host", "127.0.0.1",
                "--webapps", LocalCluster.DIST.resolve("webapps").toString(), "--sessionStore", "redis")
                .redirectErrorStream(true).start();
        assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server started without its session store");
        String output = new String(server.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, server.exitValue(), output);
        // Before it, the modules found are logged (jsp, websocket); the error itself is one line, and the last.
        String last = output.strip().lines().reduce((a, b) -> b).orElse("");
        assertEquals("sluice: Invalid value for sessionStore: 'redis' (sessionStore=redis needs the session-redis"
                + " module, which is not installed (its jars, sluice-session-redis and Lettuce's, belong in lib/))",
                last, output);
        assertTrue(!output.contains("\tat "), "stack trace printed: " + output);
    }

    /** Waits until the clients made {@code count} requests in all; returns how many they made. */
    private static long waitForRequests(AtomicLong served, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (served.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(served.get() >= count, "the load stalled at " + served.get() + " requests");
        return served.get();
    }
}
