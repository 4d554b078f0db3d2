package dev.sluice.servlet;

import static dev.sluice.servlet.TestSupport.action;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.connector.HttpConnector;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the real connector: RequestDispatcher forward, include and named dispatch with their path attributes
 * (Servlet 6.1 chapter 9), error pages by status code and by exception type with the error attributes (section
 * 10.9), and filters by url-pattern and servlet-name for each dispatcher type (section 6.2.5). Exact bytes but
 * for the Date header.
 */
class DispatchOverSocketTest {
    @TempDir
    static Path dir;
    static ServletContainer container;
    static HttpConnector connector;

    @BeforeAll
    static void start() throws Exception {
        Webapp app = TestSupport.app(dir.resolve("d"), dir.resolve("events.txt"), """
                <filter><filter-name>all</filter-name><filter-class>testapps.LogFilter</filter-class>
                  <async-supported>true</async-supported></filter>
                <filter><filter-name>byName</filter-name><filter-class>testapps.LogFilter</filter-class>
                  <async-supported>true</async-supported></filter>
                <filter><filter-name>fwd</filter-name><filter-class>testapps.LogFilter</filter-class></filter>
                <filter><filter-name>err</filter-name><filter-class>testapps.LogFilter</filter-class></filter>
                <filter><filter-name>async</filter-name><filter-class>testapps.LogFilter</filter-class>
                  <async-supported>true</async-supported></filter>
                <filter-mapping><filter-name>byName</filter-name><servlet-name>target</servlet-name>
                </filter-mapping>
                <filter-mapping><filter-name>all</filter-name><url-pattern>/*</url-pattern></filter-mapping>
                <filter-mapping><filter-name>fwd</filter-name><url-pattern>/target</url-pattern>
                  <dispatcher>FORWARD</dispatcher><dispatcher>INCLUDE</dispatcher></filter-mapping>
                <filter-mapping><filter-name>err</filter-name><url-pattern>/errors/*</url-pattern>
                  <dispatcher>ERROR</dispatcher></filter-mapping>
                <filter-mapping><filter-name>async</filter-name><servlet-name>target</servlet-name>
                  <dispatcher>ASYNC</dispatcher></filter-mapping>
                <error-page><error-code>404</error-code><location>/errors/notfound</location></error-page>
                <error-page><exception-type>java.lang.IllegalStateException</exception-type>
                  <location>/errors/state</location></error-page>
                """
                + action("target", "paths;attrs", "/target")
                + action("forwarder", "write:dropped;forward:/target?via=fwd", "/forward")
                + action("includer", "write:before|;include:/target?via=inc;write:|after", "/include")
                + action("namedForwarder", "named:target", "/named")
                + action("setter", "status:404;header:X-Included=yes;addCookie:inc=1;write:included", "/setter")
                + action("includesSetter", "header:X-Own=yes;include:/setter;write:|after", "/includesSetter")
                + action("missing", "error:404,nothing here", "/missing")
                + action("thrower", "throw:IllegalStateException", "/throw")
                + action("errorPage", "attrs", "/errors/*")
                + action("asyncer", "async:dispatch=/target", "/async"));
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
        connector = OverSocket.start(container);
    }

    @AfterAll
    static void stop() {
        connector.close();
        container.close();
    }

    static String get(String target) throws IOException {
        return OverSocket.get(connector.localAddress(), target);
    }

    static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
    }

    @Test
    void requestRunsUrlPatternFiltersThenServletNameFilters() throws IOException {
        assertEquals(ok("[all REQUEST][byName REQUEST]sp=/target pi=null uri=/d/target q=null type=REQUEST\n{}\n"),
                get("/d/target"));
    }

    @Test
    void forwardDropsEarlierOutputChangesPathsAndSetsForwardAttributes() throws IOException {
        assertEquals(ok("[fwd FORWARD]sp=/target pi=null uri=/d/target q=via=fwd type=FORWARD\n"
                + "{jakarta.servlet.forward.context_path=/d, jakarta.servlet.forward.query_string=a=1, "
                + "jakarta.servlet.forward.request_uri=/d/forward, jakarta.servlet.forward.servlet_path=/forward}\n"),
                get("/d/forward?a=1"));
    }

    @Test
    void includeKeepsPathsAndSetsIncludeAttributes() throws IOException {
        assertEquals(ok("[all REQUEST]before|[fwd INCLUDE]sp=/include pi=null uri=/d/include q=a=1 type=INCLUDE\n"
                + "{jakarta.servlet.include.context_path=/d, jakarta.servlet.include.query_string=via=inc, "
                + "jakarta.servlet.include.request_uri=/d/target, jakarta.servlet.include.servlet_path=/target}\n"
                + "|after"), get("/d/include?a=1"));
    }

    @Test
    void namedForwardSetsNoPathsNorAttributesAndRunsNoUrlFilters() throws IOException {
        assertEquals(ok("sp=/named pi=null uri=/d/named q=null type=FORWARD\n{}\n"), get("/d/named"));
    }

    @Test
    void includedServletCannotSetStatusHeadersOrCookies() throws IOException {
        assertEquals("HTTP/1.1 200 OK\r\nX-Own: yes\r\nContent-Length: 27\r\nConnection: close\r\n\r\n"
                + "[all REQUEST]included|after", get("/d/includesSetter"));
    }

    @Test
    void sendErrorShowsTheErrorPageForItsCodeWithTheErrorAttributes() throws IOException {
        String body = "[err ERROR]{jakarta.servlet.error.message=nothing here, jakarta.servlet.error.method=GET, "
                + "jakarta.servlet.error.query_string=q=2, jakarta.servlet.error.request_uri=/d/missing, "
                + "jakarta.servlet.error.servlet_name=missing, jakarta.servlet.error.status_code=404}\n";
        assertEquals("HTTP/1.1 404 Not Found\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
                + body, get("/d/missing?q=2"));
    }

    @Test
    void anUnmappedPathShowsTheSameErrorPage() throws IOException {
        String body = "[err ERROR]{jakarta.servlet.error.message=, jakarta.servlet.error.method=GET, "
                + "jakarta.servlet.error.request_uri=/d/nowhere, jakarta.servlet.error.servlet_name=default, "
                + "jakarta.servlet.error.status_code=404}\n";
        assertEquals("HTTP/1.1 404 Not Found\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n"
                + body, get("/d/nowhere"));
    }

    @Test
    void anExceptionShowsTheErrorPageForItsTypeWithTheErrorAttributes() throws IOException {
        String body = "[err ERROR]{jakarta.servlet.error.exception=java.lang.IllegalStateException:boom, "
                + "jakarta.servlet.error.exception_type=java.lang.IllegalStateException, "
                + "jakarta.servlet.error.message=boom, jakarta.servlet.error.method=GET, "
                + "jakarta.servlet.error.request_uri=/d/throw, jakarta.servlet.error.servlet_name=thrower, "
                + "jakarta.servlet.error.status_code=500}\n";
        assertEquals("HTTP/1.1 500 Internal Server Error\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body, get("/d/throw"));
    }

    @Test
    void asyncDispatchRunsAsyncFiltersAndSetsAsyncAttributes() throws IOException {
        assertEquals(ok("[all REQUEST][async ASYNC]sp=/target pi=null uri=/d/target q=x=1 type=ASYNC\n"
                + "{jakarta.servlet.async.context_path=/d, jakarta.servlet.async.query_string=x=1, "
                + "jakarta.servlet.async.request_uri=/d/async, jakarta.servlet.async.servlet_path=/async}\n"),
                get("/d/async?x=1"));
    }
}
