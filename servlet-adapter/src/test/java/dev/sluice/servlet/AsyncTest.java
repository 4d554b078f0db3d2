package dev.sluice.servlet;

import static dev.sluice.servlet.TestSupport.action;
import static dev.sluice.servlet.TestSupport.app;
import static dev.sluice.servlet.TestSupport.events;
import static dev.sluice.servlet.TestSupport.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Async processing on suspended core responses, asyncSupported through the chain, per-webapp 503. */
class AsyncTest {
    @TempDir
    Path dir;
    ServletContainer container;
    Http http;
    Path log;

    @BeforeEach
    void deploy() throws Exception {
        log = dir.resolve("events.txt");
        Webapp app = app(dir.resolve("a"), log, """
                <filter><filter-name>sync</filter-name><filter-class>testapps.LogFilter</filter-class></filter>
                <filter-mapping><filter-name>sync</filter-name><url-pattern>/guarded</url-pattern></filter-mapping>
                <servlet><servlet-name>notAsync</servlet-name><servlet-class>testapps.ActionServlet</servlet-class>
                  <init-param><param-name>actions</param-name><param-value>async:complete-now</param-value>
                  </init-param></servlet>
                <servlet-mapping><servlet-name>notAsync</servlet-name><url-pattern>/notAsync</url-pattern>
                </servlet-mapping>
                """
                + action("later", "write:start ;async:complete-later", "/later")
                + action("now", "async:complete-now;write:written after startAsync", "/now")
                + action("dispatch", "async:dispatch=/target?t=1&amp;orig=2", "/dispatch")
                + action("target", "paths;attrs;params", "/target")
                + action("timeout", "async:timeout", "/timeout")
                + action("timeoutHandled", "async:timeout-complete", "/timeoutHandled")
                + action("hold", "async:hold", "/hold")
                + action("guarded", "async:complete-now", "/guarded"));
        Webapp other = Webapp.at(dir.resolve("b")).classes(testapps.EchoServlet.class)
                .webXml(TestSupport.servlet("echo", testapps.EchoServlet.class, "/"));
        container = ServletContainer.builder().workDir(dir.resolve("work")).maxConcurrentRequests("/a", 1)
                .retryAfterSeconds(7).build();
        container.deploy(app.path());
        container.deploy(other.path());
        http = new Http(container);
    }

    @AfterEach
    void close() {
        container.close();
    }

    @Test
    void completeFromAnotherThreadEndsTheExchange() throws Exception {
        MemoryExchange x = http.send("GET", "/a/later", null);
        assertEquals(200, x.code());
        assertEquals("startasync done on webapp loader\n", x.text());
        assertTrue(eventually(() -> {
            try {
                return events(log).contains("onComplete");
            } catch (java.io.IOException e) {
                return false;
            }
        }));
    }

    @Test
    void completeDuringServiceTakesEffectWhenServiceReturns() throws Exception {
        MemoryExchange x = http.send("GET", "/a/now", null);
        assertEquals("written after startAsync", x.text());
    }

    @Test
    void dispatchRunsTheTargetWithAsyncAttributes() throws Exception {
        MemoryExchange x = http.send("GET", "/a/dispatch?orig=1&keep=k", null);
        // The dispatch query's parameters come first and are aggregated with the original ones (section 9.1.1).
        assertEquals("sp=/target pi=null uri=/a/target q=t=1&orig=2 type=ASYNC\n"
                + "{jakarta.servlet.async.context_path=/a, "
                + "jakarta.servlet.async.query_string=orig=1&keep=k, jakarta.servlet.async.request_uri=/a/dispatch, "
                + "jakarta.servlet.async.servlet_path=/dispatch}\n[keep=k, orig=2|1, t=1]\n", x.text());
    }

    @Test
    void timeoutWithoutHandlingIsAn500ErrorAndListenersHearIt() throws Exception {
        MemoryExchange x = http.send("GET", "/a/timeout", null);
        assertEquals(500, x.code());
        assertTrue(events(log).contains("onTimeout"));
        MemoryExchange handled = http.send("GET", "/a/timeoutHandled", null);
        assertEquals(200, handled.code());
        assertEquals("timed out\n", handled.text());
    }

    @Test
    void asyncIsRefusedWhereTheChainDoesNotSupportIt() throws Exception {
        assertEquals(500, http.send("GET", "/a/notAsync", null).code());
        MemoryExchange guarded = http.send("GET", "/a/guarded", null);
        assertEquals(500, guarded.code());
    }

    @Test
    void undeployWaitsForARunningRequest() throws Exception {
        MemoryExchange held = http.begin("GET", "/a/hold", null);
        long start = System.nanoTime();
        container.undeploy("/a");
        // The held request times out (3 s) and completes as a 500 before the webapp is stopped.
        assertTrue(held.await(0), "undeploy returned before the running request completed");
        assertEquals(500, held.code());
        assertTrue(System.nanoTime() - start > 1_000_000_000L);
        assertEquals(404, http.send("GET", "/a/now", null).code());
    }

    @Test
    void webappOverItsLimitAnswers503AloneAndSuspendedRequestsAreCounted() throws Exception {
        TestSupport.clear(log); // what deployment logged
        MemoryExchange held = http.begin("GET", "/a/hold", null);
        assertEquals(1, container.suspendedRequests());
        MemoryExchange refused = http.send("GET", "/a/later", null);
        assertEquals(503, refused.code());
        assertEquals("7", refused.header("Retry-After"));
        assertEquals(200, http.send("GET", "/b/x", null).code());
        assertTrue(held.await(20));
        assertEquals(500, held.code());
        assertEquals(0, container.suspendedRequests());
        assertEquals(200, http.send("GET", "/a/now", null).code());
        // The held request timed out and completed once; the refused one never reached the servlet (its
        // complete-later would have logged an onComplete); /a/now completed.
        assertEquals(List.of("onTimeout", "onComplete", "onComplete"), events(log));
    }
}
