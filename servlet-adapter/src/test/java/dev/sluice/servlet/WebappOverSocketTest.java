package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.HttpConnector;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapps.ann.AnnotatedFilter;
import testapps.ann.AnnotatedListener;
import testapps.ann.AnnotatedServlet;

/**
 * Through the real connector: a servlet, filter and listener deployed from their annotations in WEB-INF/classes
 * (Servlet 6.1 section 8.1), welcome files (section 10.10), and sessions tracked by cookie and by URL rewriting,
 * expiring on an injected clock (chapter 7). Exact bytes but for the Date header.
 */
class WebappOverSocketTest {
    @TempDir
    static Path dir;
    static Path events;
    static final SessionTest.MutableClock CLOCK = new SessionTest.MutableClock();
    static ExecutorService async;
    static ServletContainer container;
    static HttpConnector connector;

    @BeforeAll
    static void start() throws Exception {
        events = dir.resolve("events.txt");
        Webapp app = TestSupport.app(dir.resolve("w"), events, """
                <session-config><session-timeout>1</session-timeout></session-config>
                <welcome-file-list><welcome-file>index.html</welcome-file><welcome-file>start</welcome-file>
                </welcome-file-list>
                """ + TestSupport.servlet("script", testapps.ActionServlet.class, "/x")
                + TestSupport.action("start", "paths", "/tools/start"))
                .classes(AnnotatedServlet.class, AnnotatedFilter.class, AnnotatedListener.class)
                .file("index.html", "<p>home</p>")
                .file("docs/index.html", "<p>docs</p>");
        async = Executors.newCachedThreadPool();
        // No scheduler: expiry is found on access, so the test alone moves time.
        container = ServletContainer.builder().workDir(dir.resolve("work")).clock(CLOCK).executors(async, null)
                .build();
        container.deploy(app.path());
        connector = OverSocket.start(container);
    }

    @AfterAll
    static void stop() {
        connector.close();
        container.close();
        async.shutdownNow();
    }

    static String get(String target, String... headers) throws IOException {
        return OverSocket.get(connector.localAddress(), target, headers);
    }

    static String ok(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\nConnection: close\r\n\r\n" + body;
    }

    @Test
    void annotatedServletFilterAndListenerAreDeployed() throws Exception {
        assertEquals(ok("<filtered>annotated says hello at /x asyncSupported=true"), get("/w/ann/x"));
        assertTrue(TestSupport.events(events).contains("annotated listener initialized"),
                TestSupport.events(events).toString());
    }

    @Test
    void welcomeFileOfTheRootIsAStaticFile() throws IOException {
        String response = get("/w/");
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertTrue(response.endsWith("Content-Type: text/html\r\nContent-Length: 11\r\nConnection: close\r\n\r\n"
                + "<p>home</p>"), response);
    }

    @Test
    void aFolderWithoutItsSlashIsRedirectedThenServesItsWelcomeFile() throws IOException {
        assertEquals("HTTP/1.1 302 Found\r\nLocation: http://x/w/docs/\r\nContent-Length: 0\r\n"
                + "Connection: close\r\n\r\n", get("/w/docs"));
        assertTrue(get("/w/docs/").endsWith("\r\n\r\n<p>docs</p>"));
    }

    @Test
    void welcomeFileCanBeAServlet() throws IOException {
        assertEquals(ok("sp=/tools/start pi=null uri=/w/tools/ q=null type=REQUEST\n"), get("/w/tools/"));
    }

    private static String sessionId(String response) {
        Matcher m = Pattern.compile("Set-Cookie: JSESSIONID=([0-9A-F]{32}); Path=/w; HttpOnly\r\n")
                .matcher(response);
        assertTrue(m.find(), response);
        return m.group(1);
    }

    @Test
    void cookieTracksTheSession() throws IOException {
        String id = sessionId(get("/w/x", "X-Do: session"));
        assertEquals(ok("new=false count=2 id=" + id + "\n"), get("/w/x", "X-Do: session",
                "Cookie: JSESSIONID=" + id));
    }

    @Test
    void urlRewritingTracksTheSessionWithoutCookies() throws IOException {
        String first = get("/w/x", "X-Do: session;encode:/w/x?a=1");
        String id = sessionId(first);
        assertTrue(first.endsWith("\n/w/x;jsessionid=" + id + "?a=1\n"), first);
        assertEquals(ok("new=false count=2 id=" + id + "\n/w/x;jsessionid=" + id + "\n"),
                get("/w/x;jsessionid=" + id, "X-Do: session;encode:/w/x"));
    }

    @Test
    void anIdleSessionExpires() throws IOException {
        String id = sessionId(get("/w/x", "X-Do: session"));
        CLOCK.now = CLOCK.now.plus(Duration.ofSeconds(59));
        assertEquals(ok("new=false count=2 id=" + id + "\n"), get("/w/x", "X-Do: session",
                "Cookie: JSESSIONID=" + id));
        CLOCK.now = CLOCK.now.plus(Duration.ofSeconds(61));
        String expired = get("/w/x", "X-Do: session", "Cookie: JSESSIONID=" + id);
        assertTrue(expired.contains("new=true count=1 id="), expired);
        assertTrue(!sessionId(expired).equals(id), expired);
    }
}
