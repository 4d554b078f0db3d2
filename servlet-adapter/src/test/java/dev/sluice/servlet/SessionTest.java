package dev.sluice.servlet;

import static dev.sluice.servlet.TestSupport.app;
import static dev.sluice.servlet.TestSupport.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions: cookie and URL tracking, expiry on an injected clock, id change, invalidation, events. */
class SessionTest {
    @TempDir
    Path dir;
    ServletContainer container;
    Http http;
    Path log;
    final MutableClock clock = new MutableClock();
    java.util.concurrent.ExecutorService async;

    static final class MutableClock extends Clock {
        volatile Instant now = Instant.parse("2026-11-26T12:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeEach
    void deploy() throws Exception {
        log = dir.resolve("events.txt");
        Webapp app = app(dir.resolve("s"), log, """
                <listener><listener-class>testapps.LifecycleListener</listener-class></listener>
                <session-config><session-timeout>1</session-timeout></session-config>
                """ + TestSupport.servlet("script", testapps.ActionServlet.class, "/x"));
        // No scheduler: expiry is checked on access here, so the test controls time completely.
        async = java.util.concurrent.Executors.newCachedThreadPool();
        container = ServletContainer.builder().workDir(dir.resolve("work")).clock(clock)
                .executors(async, null).build();
        container.deploy(app.path());
        http = new Http(container);
    }

    @AfterEach
    void close() {
        container.close();
        async.shutdownNow();
    }

    private MemoryExchange run(String actions, String... headers) throws Exception {
        String[] all = new String[headers.length + 1];
        all[0] = "X-Do: " + actions;
        System.arraycopy(headers, 0, all, 1, headers.length);
        return http.send("GET", "/s/x", null, all);
    }

    private static String id(MemoryExchange x) {
        Matcher m = Pattern.compile("JSESSIONID=([0-9A-F]+)").matcher(x.header("Set-Cookie"));
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void cookieTracksTheSession() throws Exception {
        MemoryExchange first = run("session");
        assertTrue(first.text().startsWith("new=true count=1"), first.text());
        String id = id(first);
        assertEquals("JSESSIONID=" + id + "; Path=/s; HttpOnly", first.header("Set-Cookie"));
        MemoryExchange second = run("session", "Cookie: JSESSIONID=" + id);
        assertEquals("new=false count=2 id=" + id + "\n", second.text());
        assertEquals(null, second.header("Set-Cookie"));
    }

    @Test
    void urlRewritingTracksTheSessionWhenNoCookieCame() throws Exception {
        MemoryExchange first = run("session;encode:/s/next?a=1");
        String id = id(first);
        assertTrue(first.text().endsWith("/s/next;jsessionid=" + id + "?a=1\n"), first.text());
        MemoryExchange second = http.send("GET", "/s/x;jsessionid=" + id, null, "X-Do: session;encode:/s/y");
        assertTrue(second.text().startsWith("new=false count=2"), second.text());
        MemoryExchange withCookie = run("session;encode:/s/y", "Cookie: JSESSIONID=" + id);
        assertTrue(withCookie.text().endsWith("/s/y\n"), "no rewriting when the cookie works");
    }

    @Test
    void idleSessionExpiresAndListenersAreTold() throws Exception {
        String id = id(run("session"));
        clock.now = clock.now.plus(Duration.ofSeconds(59));
        assertTrue(run("session", "Cookie: JSESSIONID=" + id).text().startsWith("new=false count=2"));
        clock.now = clock.now.plus(Duration.ofSeconds(61));
        MemoryExchange after = run("session", "Cookie: JSESSIONID=" + id);
        assertTrue(after.text().startsWith("new=true count=1"), after.text());
        assertNotEquals(id, id(after));
        List<String> sessionEvents = events(log).stream().filter(l -> l.contains("session")).toList();
        assertEquals(List.of("L1 sessionCreated", "L1 sessionAttributeAdded count",
                "L1 sessionDestroyed count=2", "L1 sessionAttributeRemoved count",
                "L1 sessionCreated", "L1 sessionAttributeAdded count"), sessionEvents);
    }

    @Test
    void changeSessionIdKeepsStateAndSendsTheNewCookie() throws Exception {
        String id = id(run("session"));
        MemoryExchange changed = run("changeId", "Cookie: JSESSIONID=" + id);
        String newId = id(changed);
        assertEquals("changed=" + newId + "\n", changed.text());
        assertNotEquals(id, newId);
        assertTrue(run("session", "Cookie: JSESSIONID=" + newId).text().startsWith("new=false count=2"));
        assertTrue(run("session", "Cookie: JSESSIONID=" + id).text().startsWith("new=true count=1"));
        assertTrue(events(log).contains("L1 sessionIdChanged"));
    }

    @Test
    void invalidateEndsTheSession() throws Exception {
        String id = id(run("session"));
        run("invalidate", "Cookie: JSESSIONID=" + id);
        assertEquals("session=null\n", run("nosession", "Cookie: JSESSIONID=" + id).text());
        assertTrue(events(log).contains("L1 sessionDestroyed count=1"));
    }

    @Test
    void undeployExpiresLiveSessions() throws Exception {
        run("session");
        TestSupport.clear(log);
        container.undeploy("/s");
        assertTrue(events(log).contains("L1 sessionDestroyed count=1"), events(log).toString());
    }

    /** Starts a request that takes the session and holds it until the file {@code go} exists. */
    private java.util.concurrent.CompletableFuture<MemoryExchange> holdSession(String id, Path go) throws Exception {
        Http other = new Http(container);
        var held = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return other.send("GET", "/s/x", null, "X-Do: session;log:holding;waitFor:" + go + ";session",
                        "Cookie: JSESSIONID=" + id);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, async);
        assertTrue(TestSupport.eventually(() -> {
            try {
                return events(log).contains("holding REQUEST");
            } catch (java.io.IOException e) {
                return false;
            }
        }), "the holding request did not start");
        return held;
    }

    @Test
    void sessionDoesNotExpireWhileARequestUsesIt() throws Exception {
        String id = id(run("session"));
        Path go = dir.resolve("go");
        var held = holdSession(id, go);
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertEquals("new=false count=3 id=" + id + "\n", run("session", "Cookie: JSESSIONID=" + id).text());
        java.nio.file.Files.createFile(go);
        assertEquals("new=false count=2 id=" + id + "\nnew=false count=4 id=" + id + "\n",
                held.get(30, java.util.concurrent.TimeUnit.SECONDS).text());
        assertTrue(events(log).stream().noneMatch(l -> l.contains("sessionDestroyed")), events(log).toString());
    }

    @Test
    void idleTimeCountsFromTheEndOfTheLastRequest() throws Exception {
        String id = id(run("session"));
        Path go = dir.resolve("go");
        var held = holdSession(id, go);
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        java.nio.file.Files.createFile(go);
        held.get(30, java.util.concurrent.TimeUnit.SECONDS);
        // 59 s after the long request ended (3 min after it began), the session is still there; 61 s it is not.
        clock.now = clock.now.plus(Duration.ofSeconds(59));
        assertEquals("new=false count=4 id=" + id + "\n", run("session", "Cookie: JSESSIONID=" + id).text());
        clock.now = clock.now.plus(Duration.ofSeconds(61));
        assertTrue(run("session", "Cookie: JSESSIONID=" + id).text().startsWith("new=true count=1"));
    }

    @Test
    void aRequestNamingTheSessionIsAnAccessEvenIfItNeverAsksForIt() throws Exception {
        String id = id(run("session"));
        clock.now = clock.now.plus(Duration.ofSeconds(10));
        long second = clock.now.toEpochMilli();
        assertEquals("x", run("write:x", "Cookie: JSESSIONID=" + id).text()); // never calls getSession
        clock.now = clock.now.plus(Duration.ofSeconds(10));
        assertEquals("last=" + second + "\n", run("lastAccessed", "Cookie: JSESSIONID=" + id).text());
    }
}
