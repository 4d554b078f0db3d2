package dev.sluice.session.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.HttpConnector;
import dev.sluice.servlet.ServletContainer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sessionStore=redis} against a real redis-server (issue 20): two instances, each a container behind its
 * own connector, share their sessions through Redis, as two servers behind a balancer.
 */
class RedisSessionStoreTest {
    static RedisServer redis;
    static RedisClient client;
    static StatefulRedisConnection<String, String> direct;

    @TempDir
    Path dir;
    final List<Instance> instances = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final String WEB_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1">
              <context-param><param-name>events</param-name><param-value>%s</param-value></context-param>
              <listener><listener-class>redistest.SessionEvents</listener-class></listener>
              <servlet><servlet-name>s</servlet-name><servlet-class>redistest.SessionServlet</servlet-class></servlet>
              <servlet-mapping><servlet-name>s</servlet-name><url-pattern>/x</url-pattern></servlet-mapping>
              <session-config><session-timeout>1</session-timeout></session-config>
            </web-app>
            """;

    /** One server: a container with the webapp {@code /app} and a connector on a loopback port. */
    record Instance(ServletContainer container, HttpConnector connector, Path eventFile) implements AutoCloseable {
        String url() {
            return "http://127.0.0.1:" + connector.localAddress().getPort() + "/app/x";
        }

        List<String> events() throws IOException {
            return Files.exists(eventFile) ? Files.readAllLines(eventFile) : List.of();
        }

        @Override
        public void close() {
            connector.close();
            container.close();
        }
    }

    @BeforeAll
    static void startRedis() throws Exception {
        redis = RedisServer.start();
        client = RedisClient.create(redis.uri());
        direct = client.connect();
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (direct != null) {
            direct.close();
            client.shutdown();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @BeforeEach
    void twoInstances() throws Exception {
        direct.sync().flushall();
        instances.add(start("a"));
        instances.add(start("b"));
    }

    @AfterEach
    void stopInstances() {
        instances.forEach(Instance::close);
    }

    private Instance start(String name) throws Exception {
        Path app = dir.resolve(name).resolve("app");
        Path events = dir.resolve(name + "-events.txt");
        Files.createDirectories(app.resolve("WEB-INF/classes/redistest"));
        Files.writeString(app.resolve("WEB-INF/web.xml"), WEB_XML.formatted(events));
        for (String c : List.of("SessionServlet", "Note", "SessionEvents")) {
            Files.copy(classFile("redistest/" + c + ".class"), app.resolve("WEB-INF/classes/redistest/" + c + ".class"));
        }
        ServletContainer container = ServletContainer.builder().workDir(dir.resolve(name).resolve("work"))
                .setting("redisUri", redis.uri()).setting("redisTimeout", "500ms")
                .setting("sessionStore", "redis").build();
        container.deploy(app);
        HttpConnector connector = HttpConnector.builder().host("127.0.0.1").port(0).handler(container).build();
        connector.start();
        return new Instance(container, connector, events);
    }

    private static Path classFile(String resource) throws URISyntaxException {
        return Path.of(RedisSessionStoreTest.class.getClassLoader().getResource(resource).toURI());
    }

    private HttpResponse<String> send(Instance on, String actions, String id) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(on.url())).timeout(Duration.ofSeconds(20))
                .header("X-Do", actions);
        if (id != null) {
            b.header("Cookie", "JSESSIONID=" + id);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String id(HttpResponse<String> r) {
        Matcher m = Pattern.compile("JSESSIONID=([0-9A-F]+)").matcher(r.headers().firstValue("Set-Cookie")
                .orElseThrow());
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void aSessionCreatedOnOneInstanceIsServedByTheOther() throws Exception {
        Instance a = instances.get(0);
        Instance b = instances.get(1);
        HttpResponse<String> first = send(a, "count;set:note=from a", null);
        assertEquals("count=1 new=true\n", first.body());
        String id = id(first);
        HttpResponse<String> second = send(b, "count;get:note", id);
        assertEquals("count=2 new=false\nnote=from a webappClass=true\n", second.body());
        assertEquals("count=3 new=false\n", send(a, "count", id).body());
        assertEquals(List.of("created"), a.events());
        assertEquals(List.of(), b.events());
        // The TTL follows maxInactiveInterval (60 s) plus the grace that lets a sweep still read the session.
        long ttl = direct.sync().pttl("sluice:session:app:" + id);
        assertTrue(ttl > RedisSessionPersistence.GRACE_MILLIS + 50_000
                && ttl <= RedisSessionPersistence.GRACE_MILLIS + 60_000, "PTTL " + ttl);
        assertEquals(List.of("a:count", "a:note", "#meta"), direct.sync().hkeys("sluice:session:app:" + id).stream()
                .sorted((x, y) -> x.startsWith("#") ? 1 : y.startsWith("#") ? -1 : x.compareTo(y)).toList());
    }

    @Test
    void concurrentRequestsOnTwoInstancesSettingDifferentAttributesKeepBoth() throws Exception {
        Instance a = instances.get(0);
        Instance b = instances.get(1);
        String id = id(send(a, "count", null));
        Path go = dir.resolve("go");
        // Both requests load the session and set their attribute before either may write it back.
        CompletableFuture<HttpResponse<String>> onA = CompletableFuture.supplyAsync(() -> call(
                () -> send(a, "set:x=1;log:x set;waitFor:" + go, id)));
        CompletableFuture<HttpResponse<String>> onB = CompletableFuture.supplyAsync(() -> call(
                () -> send(b, "set:y=2;log:y set;waitFor:" + go, id)));
        assertTrue(eventually(() -> call(() -> a.events().contains("x set") && b.events().contains("y set"))));
        Files.createFile(go);
        assertEquals(200, onA.get(20, TimeUnit.SECONDS).statusCode());
        assertEquals(200, onB.get(20, TimeUnit.SECONDS).statusCode());
        assertEquals("x=1 webappClass=true\ny=2 webappClass=true\ncount=1\n",
                send(b, "get:x;get:y;get:count", id).body());
    }

    @Test
    void theSessionIsWrittenBeforeTheResponseReachesTheClient() throws Exception {
        Instance a = instances.get(0);
        Instance b = instances.get(1);
        String id = id(send(a, "count", null));
        Path go = dir.resolve("go");
        // The servlet sets an attribute, sends its whole declared length, then keeps running until the test lets it
        // go: the client has its answer while the request is still running on instance a.
        CompletableFuture<HttpResponse<String>> onA = CompletableFuture.supplyAsync(() -> call(
                () -> send(a, "set:x=early;body:done;waitFor:" + go, id)));
        assertEquals("done\n", onA.get(20, TimeUnit.SECONDS).body());
        assertEquals("x=early webappClass=true\n", send(b, "get:x", id).body());
        Files.createFile(go);
    }

    @Test
    void changeIdAndInvalidateAreSeenByTheOtherInstance() throws Exception {
        Instance a = instances.get(0);
        Instance b = instances.get(1);
        String id = id(send(a, "count", null));
        String newId = send(b, "changeId", id).body().replace("id=", "").trim();
        assertEquals("session=false\n", send(a, "has", id).body());
        assertEquals("count=2 new=false\n", send(a, "count", newId).body());
        send(a, "invalidate", newId);
        assertEquals("session=false\n", send(b, "has", newId).body());
        assertEquals(0L, direct.sync().exists("sluice:session:app:" + newId));
        assertEquals(List.of("created", "destroyed count=2"), a.events());
        assertEquals(List.of("idChanged"), b.events());
    }

    @Test
    void anExpiredSessionIsDestroyedOnceWithItsAttributes() throws Exception {
        Instance a = instances.get(0);
        Instance b = instances.get(1);
        String id = id(send(a, "count;maxInactive:1", null));
        assertEquals("count=2 new=false\n", send(b, "count", id).body());
        // Each instance sweeps every second; the one whose ZREM claims the id tells its listeners.
        assertTrue(eventually(() -> call(() -> a.events().contains("destroyed count=2")
                || b.events().contains("destroyed count=2"))));
        // sessionDestroyed runs before the session is removed (Servlet 6.1 section 7.4): the key goes right after
        assertTrue(eventually(() -> direct.sync().exists("sluice:session:app:" + id) == 0L));
        assertEquals(1, a.events().stream().filter(e -> e.startsWith("destroyed")).count()
                + b.events().stream().filter(e -> e.startsWith("destroyed")).count());
        assertEquals("session=false\n", send(b, "has", id).body());
    }

    @Test
    void redisDownIsA503WithOneLogLineAndRequestsWithoutSessionStillServed() throws Exception {
        Instance a = instances.get(0);
        String id = id(send(a, "count", null));
        List<LogRecord> warnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public synchronized void publish(LogRecord r) {
                warnings.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger("dev.sluice.servlet.session");
        log.addHandler(capture);
        redis.stop();
        try {
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = send(a, "count", id);
                assertEquals(503, r.statusCode(), r.body());
                assertTrue(r.body().contains("Service Unavailable: the session store does not answer"), r.body());
            }
            assertEquals(503, send(a, "count", null).statusCode(), "creating a session needs the store too");
            assertEquals("session=false\n", send(a, "has", null).body(), "no session, no store: served");
            synchronized (capture) {
                assertEquals(1, warnings.stream().filter(r -> r.getMessage().contains("does not answer")).count(),
                        warnings.stream().map(LogRecord::getMessage).toList().toString());
            }
        } finally {
            log.removeHandler(capture);
            redis.restart();
            direct.sync().ping(); // Lettuce reconnects on its own
        }
        assertTrue(eventually(() -> call(() -> send(a, "count", null).statusCode() == 200)),
                "sessions work again once Redis is back");
    }

    @Test
    void aRedisThatAcceptsButNeverAnswersIsA503AfterTheTimeoutNotAHungWorker() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress())) {
            Path app = dir.resolve("silent/app");
            Files.createDirectories(app.resolve("WEB-INF/classes/redistest"));
            Files.writeString(app.resolve("WEB-INF/web.xml"), WEB_XML.formatted(dir.resolve("silent-events.txt")));
            for (String c : List.of("SessionServlet", "Note", "SessionEvents")) {
                Files.copy(classFile("redistest/" + c + ".class"),
                        app.resolve("WEB-INF/classes/redistest/" + c + ".class"));
            }
            ServletContainer container = ServletContainer.builder().workDir(dir.resolve("silent/work"))
                    .setting("redisUri", "redis://127.0.0.1:" + silent.getLocalPort())
                    .setting("redisTimeout", "300ms").setting("sessionStore", "redis").build();
            container.deploy(app);
            HttpConnector connector = HttpConnector.builder().host("127.0.0.1").port(0).handler(container).build();
            connector.start();
            Instance stuck = new Instance(container, connector, dir.resolve("silent-events.txt"));
            instances.add(stuck);
            // The connection is accepted (the OS backlog) but nothing is ever read or written on it.
            HttpResponse<String> r = send(stuck, "count", "0123456789ABCDEF0123456789ABCDEF");
            assertEquals(503, r.statusCode(), r.body());
            assertEquals(503, send(stuck, "count", null).statusCode());
            assertEquals("session=false\n", send(stuck, "has", null).body());
        }
    }

    interface Call<T> {
        T run() throws Exception;
    }

    static <T> T call(Call<T> c) {
        try {
            return c.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until {@code condition} holds or 20 s pass. */
    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
