package dev.sluice.servlet;

import static dev.sluice.servlet.TestSupport.action;
import static dev.sluice.servlet.TestSupport.app;
import static dev.sluice.servlet.TestSupport.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filters, RequestDispatcher, error pages, request listeners. */
class DispatchAndErrorsTest {
    @TempDir
    static Path dir;
    static ServletContainer container;
    static Http http;
    static Path log;

    @BeforeAll
    static void deploy() throws Exception {
        log = dir.resolve("events.txt");
        Webapp app = app(dir.resolve("app"), log, """
                <listener><listener-class>testapps.LifecycleListener</listener-class></listener>
                <filter><filter-name>all</filter-name><filter-class>testapps.LogFilter</filter-class></filter>
                <filter><filter-name>byName</filter-name><filter-class>testapps.LogFilter</filter-class></filter>
                <filter><filter-name>fwd</filter-name><filter-class>testapps.LogFilter</filter-class></filter>
                <filter><filter-name>err</filter-name><filter-class>testapps.LogFilter</filter-class></filter>
                <filter-mapping><filter-name>byName</filter-name><servlet-name>target</servlet-name></filter-mapping>
                <filter-mapping><filter-name>all</filter-name><url-pattern>/*</url-pattern></filter-mapping>
                <filter-mapping><filter-name>fwd</filter-name><url-pattern>/target</url-pattern>
                  <dispatcher>FORWARD</dispatcher><dispatcher>INCLUDE</dispatcher></filter-mapping>
                <filter-mapping><filter-name>err</filter-name><url-pattern>/errors/*</url-pattern>
                  <dispatcher>ERROR</dispatcher></filter-mapping>
                <error-page><error-code>404</error-code><location>/errors/notfound</location></error-page>
                <error-page><exception-type>java.lang.RuntimeException</exception-type>
                  <location>/errors/runtime</location></error-page>
                <error-page><exception-type>java.lang.ArithmeticException</exception-type>
                  <location>/errors/arith?kind=math</location></error-page>
                """
                + action("target", "paths;attrs", "/target")
                + action("forwarder", "write:lost;forward:/target?extra=1", "/forward")
                + action("includer", "write:before;include:/target?inc=1;write:after;paths", "/include")
                + action("namedFwd", "named:target", "/named")
                + action("notfound", "error:404,nothing here", "/missing")
                + action("thrower", "throw:IllegalStateException", "/throw")
                + action("wrapped", "throw:wrapped", "/wrapped")
                + action("checked", "throw:ServletException", "/checked")
                + action("errpage", "write:error page;attrs", "/errors/*")
                + action("redirect", "redirect:../other/place?q=1", "/sub/redirect")
                + action("absRedirect", "redirect:http://example.com/x", "/absRedirect")
                + action("rootRedirect", "redirect:/elsewhere/x", "/rootRedirect")
                + action("netRedirect", "redirect://cdn.example.com/y", "/netRedirect")
                + action("committedError", "write:partial;flush;throw:IllegalStateException", "/late")
                + action("lengthThenError", "header:Content-Length=3;error:404", "/short")
                + TestSupport.servlet("script", testapps.ActionServlet.class, "/script"));
        container = ServletContainer.builder().workDir(dir.resolve("work")).crossContext(true).build();
        container.deploy(app.path());
        Webapp other = app(dir.resolve("other"), log, action("there", "write:in other;paths", "/there"));
        container.deploy(other.path());
        http = new Http(container);
    }

    @AfterAll
    static void close() {
        container.close();
    }

    @BeforeEach
    void clear() throws Exception {
        TestSupport.clear(log);
    }

    @Test
    void urlPatternFiltersRunBeforeServletNameFilters() throws Exception {
        assertEquals("[all REQUEST][byName REQUEST]sp=/target pi=null uri=/app/target q=null type=REQUEST\n{}\n",
                http.get("/app/target").text());
        assertEquals(List.of("L1 requestInitialized", "L1 requestDestroyed"), events(log));
    }

    @Test
    void forwardChangesPathsSetsAttributesAndDropsEarlierOutput() throws Exception {
        // The buffer is cleared by the forward; byName maps REQUEST only.
        assertEquals("[fwd FORWARD]sp=/target pi=null uri=/app/target q=extra=1 "
                + "type=FORWARD\n{jakarta.servlet.forward.context_path=/app, jakarta.servlet.forward.request_uri="
                + "/app/forward, jakarta.servlet.forward.servlet_path=/forward}\n",
                http.get("/app/forward").text());
    }

    @Test
    void includeKeepsPathsAndSetsIncludeAttributes() throws Exception {
        assertEquals("[all REQUEST]before[fwd INCLUDE]sp=/include pi=null uri=/app/include "
                + "q=null type=INCLUDE\n{jakarta.servlet.include.context_path=/app, "
                + "jakarta.servlet.include.query_string=inc=1, jakarta.servlet.include.request_uri=/app/target, "
                + "jakarta.servlet.include.servlet_path=/target}\n"
                + "aftersp=/include pi=null uri=/app/include q=null type=REQUEST\n",
                http.get("/app/include").text());
    }

    @Test
    void namedDispatchSetsNoAttributes() throws Exception {
        assertEquals("sp=/named pi=null uri=/app/named q=null type=FORWARD\n{}\n",
                http.get("/app/named").text());
    }

    @Test
    void sendErrorUsesErrorPageByCodeWithAttributes() throws Exception {
        MemoryExchange x = http.get("/app/missing?a=b");
        assertEquals(404, x.code());
        assertEquals("[err ERROR]error page{jakarta.servlet.error.message=nothing here, "
                + "jakarta.servlet.error.method=GET, jakarta.servlet.error.query_string=a=b, "
                + "jakarta.servlet.error.request_uri=/app/missing, jakarta.servlet.error.servlet_name=notfound, "
                + "jakarta.servlet.error.status_code=404}\n", x.text());
    }

    @Test
    void errorPageIsNotCutToTheLengthTheServletDeclared() throws Exception {
        MemoryExchange x = http.get("/app/short");
        assertEquals(404, x.code());
        assertTrue(x.text().startsWith("[err ERROR]error page{"), x.text());
        assertEquals(Integer.toString(x.bytes().length), x.header("Content-Length"));
    }

    @Test
    void exceptionUsesErrorPageByClosestType() throws Exception {
        MemoryExchange x = http.get("/app/throw");
        assertEquals(500, x.code());
        assertTrue(x.text().contains("jakarta.servlet.error.exception=java.lang.IllegalStateException:boom, "
                + "jakarta.servlet.error.exception_type=java.lang.IllegalStateException"), x.text());
        MemoryExchange wrapped = http.get("/app/wrapped");
        assertEquals(500, wrapped.code());
        assertTrue(wrapped.text().contains("exception=java.lang.ArithmeticException:inner"), wrapped.text());
    }

    @Test
    void exceptionWithoutErrorPageIs500Report() throws Exception {
        MemoryExchange x = http.get("/app/checked");
        assertEquals(500, x.code());
        assertTrue(x.text().contains("<h1>HTTP Status 500 – Internal Server Error</h1>"), x.text());
        assertTrue(!x.text().contains("servlet boom"), "the report must not leak the exception message");
    }

    @Test
    void failureAfterCommitKeepsWhatWasSent() throws Exception {
        MemoryExchange x = http.get("/app/late");
        assertEquals(200, x.code());
        assertEquals("[all REQUEST]partial", x.text());
    }

    @Test
    void redirectMakesRelativeLocationsAbsolute() throws Exception {
        // Servlet 6.1 section 5.5: without an option for relative locations, the container sends absolute URLs.
        MemoryExchange x = http.get("/app/sub/redirect");
        assertEquals(302, x.code());
        assertEquals("http://localhost:8080/app/other/place?q=1", x.header("Location"));
        assertEquals("http://example.com/x", http.get("/app/absRedirect").header("Location"));
        assertEquals("http://localhost:8080/elsewhere/x", http.get("/app/rootRedirect").header("Location"));
        assertEquals("http://cdn.example.com/y", http.get("/app/netRedirect").header("Location"));
        assertEquals("http://example.org/elsewhere/x",
                http.get("/app/rootRedirect", "Host: example.org").header("Location"));
    }

    @Test
    void crossContextForwardRunsInTheOtherWebapp() throws Exception {
        MemoryExchange x = http.send("GET", "/app/script", null, "X-Do: crossForward:/other,/there");
        assertEquals("in othersp=/there pi=null uri=/other/there q=null type=FORWARD\n", x.text());
    }
}
