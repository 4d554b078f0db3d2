package dev.sluice.servlet;

import static dev.sluice.servlet.TestSupport.app;
import static dev.sluice.servlet.TestSupport.events;
import static dev.sluice.servlet.TestSupport.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sessionStore=file} (issue 20): sessions survive a restart of the container, attributes of the webapp's
 * own classes come back through its class loader, and two requests on one session that set different attributes
 * both keep their write.
 */
class FileSessionStoreTest {
    @TempDir
    Path dir;
    Path log;
    Webapp app;
    ServletContainer container;
    ExecutorService threads;

    @BeforeEach
    void deploy() throws Exception {
        log = dir.resolve("events.txt");
        app = app(dir.resolve("s"), log, """
                <listener><listener-class>testapps.LifecycleListener</listener-class></listener>
                """ + TestSupport.servlet("script", testapps.ActionServlet.class, "/x"));
        container = start();
    }

    private ServletContainer start() throws Exception {
        ServletContainer c = ServletContainer.builder().workDir(dir.resolve("work"))
                .setting("sessionStore", "file").build();
        c.deploy(app.path());
        return c;
    }

    @AfterEach
    void close() {
        container.close();
        if (threads != null) {
            threads.shutdownNow();
        }
    }

    private MemoryExchange run(ServletContainer c, String actions, String... headers) throws Exception {
        String[] all = new String[headers.length + 1];
        all[0] = "X-Do: " + actions;
        System.arraycopy(headers, 0, all, 1, headers.length);
        return new Http(c).send("GET", "/s/x", null, all);
    }

    private static String id(MemoryExchange x) {
        Matcher m = Pattern.compile("JSESSIONID=([0-9A-F]+)").matcher(x.header("Set-Cookie"));
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void sessionSurvivesARestartWithItsWebappClassedAttributes() throws Exception {
        String id = id(run(container, "session;set:note=kept"));
        assertTrue(Files.isRegularFile(dir.resolve("work/sessions/s/" + id + ".session")));
        container.close();
        container = start();
        MemoryExchange after = run(container, "session;get:note", "Cookie: JSESSIONID=" + id);
        assertEquals("new=false count=2 id=" + id + "\nnote=kept webappClass=true\n", after.text());
        // Stopping the webapp did not expire the stored session: no sessionDestroyed was told.
        assertEquals(List.of("L1 sessionCreated", "L1 sessionAttributeAdded count",
                "L1 sessionAttributeAdded note"),
                events(log).stream().filter(l -> l.contains("session")).toList());
    }

    @Test
    void concurrentRequestsSettingDifferentAttributesKeepBoth() throws Exception {
        String id = id(run(container, "session"));
        String cookie = "Cookie: JSESSIONID=" + id;
        Path go = dir.resolve("go");
        threads = Executors.newFixedThreadPool(2);
        // Both requests load the session, set their attribute and wait; only then may either write it back.
        CompletableFuture<MemoryExchange> a = CompletableFuture.supplyAsync(() -> call(
                () -> run(container, "set:a=1;log:a-set;waitFor:" + go, cookie)), threads);
        CompletableFuture<MemoryExchange> b = CompletableFuture.supplyAsync(() -> call(
                () -> run(container, "set:b=2;log:b-set;waitFor:" + go, cookie)), threads);
        assertTrue(eventually(() -> call(() -> events(log).containsAll(List.of("a-set REQUEST", "b-set REQUEST")))));
        Files.createFile(go);
        assertEquals(200, a.get(20, TimeUnit.SECONDS).code());
        assertEquals(200, b.get(20, TimeUnit.SECONDS).code());
        assertEquals("a=1 webappClass=true\nb=2 webappClass=true\ncount=1\n",
                run(container, "get:a;get:b;get:count", cookie).text());
    }

    @Test
    void invalidateAndChangeIdReachTheFile() throws Exception {
        String id = id(run(container, "session"));
        String changed = run(container, "changeId", "Cookie: JSESSIONID=" + id).text();
        String newId = changed.substring("changed=".length()).trim();
        assertTrue(Files.notExists(dir.resolve("work/sessions/s/" + id + ".session")));
        assertEquals("new=false count=2 id=" + newId + "\n",
                run(container, "session", "Cookie: JSESSIONID=" + newId).text());
        run(container, "invalidate", "Cookie: JSESSIONID=" + newId);
        assertTrue(Files.notExists(dir.resolve("work/sessions/s/" + newId + ".session")));
        assertEquals("session=null\n", run(container, "nosession", "Cookie: JSESSIONID=" + newId).text());
    }

    @Test
    void anIdleSessionExpiresFromItsFileWithItsEvents() throws Exception {
        // The container's own scheduler sweeps once a second, on the real clock.
        String id = id(run(container, "session;maxInactive:1"));
        Path file = dir.resolve("work/sessions/s/" + id + ".session");
        assertTrue(Files.isRegularFile(file));
        assertTrue(eventually(() -> call(() -> events(log).contains("L1 sessionDestroyed count=1"))),
                events(log).toString());
        // The file goes once the listeners have run and the attributes are unbound, just after the event.
        assertTrue(eventually(() -> Files.notExists(file)));
        assertEquals("session=null\n", run(container, "nosession", "Cookie: JSESSIONID=" + id).text());
    }

    @Test
    void anIdThatIsNoFileNameFindsNoSession() throws Exception {
        assertEquals("session=null\n", run(container, "nosession", "Cookie: JSESSIONID=../../etc").text());
    }

    @Test
    void fileStoreNeedsAFolderThatOutlivesTheContainer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServletContainer.builder().setting("sessionStore", "file").build());
        assertTrue(e.getMessage().startsWith("sessionStore=file needs sessionDir"), e.getMessage());
    }

    @Test
    void redisWithoutItsModuleFailsWithOneLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServletContainer.builder().modules(List.of()).setting("sessionStore", "redis"));
        assertEquals("Invalid value for sessionStore: 'redis' (sessionStore=redis needs the session-redis module,"
                + " which is not installed (its jars, sluice-session-redis and Lettuce's, belong in lib/))",
                e.getMessage());
    }

    interface Call<T> {
        T run() throws Exception;
    }

    private static <T> T call(Call<T> c) {
        try {
            return c.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
