package dev.sluice.servlet;

import static dev.sluice.servlet.TestSupport.action;
import static dev.sluice.servlet.TestSupport.app;
import static dev.sluice.servlet.TestSupport.events;
import static dev.sluice.servlet.TestSupport.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapps.SlowExpiryListener;

/** Settings and less common paths: expiry sweeper, unavailable servlets, resources, TRACE allowed, listings. */
class ContainerOptionsTest {
    @TempDir
    Path dir;
    ServletContainer container;

    @AfterEach
    void close() {
        if (container != null) {
            container.close();
        }
    }

    @Test
    void eachWebappHasItsOwnTemporaryFolder() throws Exception {
        Path log = dir.resolve("events.txt");
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app(dir.resolve("one"), log, action("t", "tempdir", "/t")).path());
        container.deploy(app(dir.resolve("ROOT"), log, action("t", "tempdir", "/t")).path());
        Http http = new Http(container);
        assertEquals(dir.resolve("work/temp/one").toAbsolutePath().toString(), http.get("/one/t").text());
        assertEquals(dir.resolve("work/temp/ROOT").toAbsolutePath().toString(), http.get("/t").text());
    }

    @Test
    void withoutAWorkFolderEachContainerHasItsOwnAndRemovesItAtClose() throws Exception {
        Path log = dir.resolve("events.txt");
        Path app = app(dir.resolve("one"), log, action("t", "tempdir", "/t")).path();
        ServletContainer first = ServletContainer.builder().build();
        ServletContainer second = ServletContainer.builder().build();
        try {
            first.deploy(app);
            second.deploy(app);
            Path firstTemp = Path.of(new Http(first).get("/one/t").text());
            Path secondTemp = Path.of(new Http(second).get("/one/t").text());
            assertTrue(java.nio.file.Files.isDirectory(firstTemp), firstTemp.toString());
            assertTrue(!firstTemp.equals(secondTemp), "two containers share " + firstTemp);
            first.close();
            assertTrue(!java.nio.file.Files.exists(firstTemp.getParent().getParent()), "work folder left behind");
            assertTrue(java.nio.file.Files.isDirectory(secondTemp), "the other container's folder is untouched");
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void sweeperExpiresIdleSessionsWithoutARequest() throws Exception {
        Path log = dir.resolve("events.txt");
        Webapp app = app(dir.resolve("s"), log, """
                <listener><listener-class>testapps.LifecycleListener</listener-class></listener>
                <session-config><session-timeout>1</session-timeout></session-config>
                """ + action("session", "session", "/session"));
        SessionTest.MutableClock clock = new SessionTest.MutableClock();
        container = ServletContainer.builder().workDir(dir.resolve("work")).clock(clock).build();
        container.deploy(app.path());
        new Http(container).get("/s/session");
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertTrue(eventually(() -> {
            try {
                return events(log).contains("L1 sessionDestroyed count=1");
            } catch (java.io.IOException e) {
                return false;
            }
        }), "the sweeper did not expire the session");
    }

    @Test
    void undeployWaitsForAnExpiryUnderWay() throws Exception {
        // Found as a flake: the sweeper still ran a session listener after close() had returned, writing into a
        // folder the test was deleting. Undeploy must return only once no sweep runs the webapp's listeners.
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        System.getProperties().put(SlowExpiryListener.KEY, new Object[] {entered, release, finished});
        try {
            Webapp app = app(dir.resolve("x"), dir.resolve("e.txt"), """
                    <listener><listener-class>testapps.SlowExpiryListener</listener-class></listener>
                    <session-config><session-timeout>1</session-timeout></session-config>
                    """ + action("session", "session", "/session"))
                    .classes(SlowExpiryListener.class);
            SessionTest.MutableClock clock = new SessionTest.MutableClock();
            container = ServletContainer.builder().workDir(dir.resolve("work")).clock(clock).build();
            container.deploy(app.path());
            new Http(container).get("/x/session");
            clock.now = clock.now.plus(Duration.ofMinutes(2));
            assertTrue(entered.await(10, TimeUnit.SECONDS), "the sweeper never expired it");

            AtomicBoolean finishedWhenUndeployReturned =
                    new AtomicBoolean();
            Thread undeploy = new Thread(() -> {
                container.undeploy("/x");
                finishedWhenUndeployReturned.set(finished.get());
            });
            undeploy.start();
            // Either undeploy returns at once (the bug) or it waits for the sweep's lock: no sleeping either way.
            assertTrue(eventually(() -> undeploy.getState() == Thread.State.TERMINATED
                    || undeploy.getState() == Thread.State.BLOCKED));
            release.countDown();
            undeploy.join(10_000);
            assertTrue(finishedWhenUndeployReturned.get(), "undeploy returned while a session listener still ran");
        } finally {
            release.countDown();
            System.getProperties().remove(SlowExpiryListener.KEY);
        }
    }

    @Test
    void permanentlyUnavailableServletIs404AndOthersWork() throws Exception {
        // Servlet 6.1 section 2.3.3.2: a permanent UnavailableException from init answers 404.
        Webapp app = app(dir.resolve("u"), dir.resolve("e.txt"),
                TestSupport.servlet("down", testapps.UnavailableServlet.class, "/down")
                        + action("up", "write:up", "/up")).classes(testapps.UnavailableServlet.class);
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
        Http http = new Http(container);
        assertEquals(404, http.get("/u/down").code());
        assertEquals("up", http.get("/u/up").text());
    }

    @Test
    void servletContextResources() throws Exception {
        Webapp app = app(dir.resolve("r"), dir.resolve("e.txt"),
                action("list", "resources:/docs/;resource:/docs/a.txt;resource:/missing", "/list"))
                .file("docs/a.txt", "A").file("docs/sub/b.txt", "B");
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
        assertEquals("[/docs/a.txt, /docs/sub/]\nA\nnull\n", new Http(container).get("/r/list").text());
    }

    @Test
    void effectiveVersionComesFromTheDescriptor() throws Exception {
        Webapp app = Webapp.at(dir.resolve("v")).classes(testapps.ActionServlet.class, testapps.Events.class)
                .file("WEB-INF/web.xml", "<web-app xmlns=\"http://xmlns.jcp.org/xml/ns/javaee\" version=\"4.0\">"
                        + action("v", "version", "/v") + "</web-app>");
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
        assertEquals("4.0 of 6.1", new Http(container).get("/v/v").text());
    }

    @Test
    void traceReachesServletsWhenAllowed() throws Exception {
        Webapp app = app(dir.resolve("t"), dir.resolve("e.txt"),
                TestSupport.servlet("get", testapps.GetOnlyServlet.class, "/get"))
                .classes(testapps.GetOnlyServlet.class);
        container = ServletContainer.builder().workDir(dir.resolve("work")).allowTrace(true).build();
        container.deploy(app.path());
        MemoryExchange x = new Http(container).send("TRACE", "/t/get", null, "X-Probe: 1");
        assertEquals(200, x.code());
        assertEquals("message/http", x.header("Content-Type"));
        assertTrue(x.text().startsWith("TRACE /t/get HTTP/1.1"), x.text());
    }

    @Test
    void directoryListingWhenTheWebappEnablesIt() throws Exception {
        Webapp app = Webapp.at(dir.resolve("l")).file("files/x.txt", "x").file("files/WEB-INF.txt", "w")
                .webXml("<context-param><param-name>dev.sluice.listings</param-name><param-value>true</param-value>"
                        + "</context-param>");
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
        MemoryExchange x = new Http(container).get("/l/files/");
        assertEquals(200, x.code());
        assertEquals("<!doctype html><html><head><title>Index of /files/</title></head><body><h1>Index of /files/"
                + "</h1><ul><li><a href=\"WEB-INF.txt\">WEB-INF.txt</a></li><li><a href=\"x.txt\">x.txt</a></li>"
                + "</ul></body></html>", x.text());
    }
}
