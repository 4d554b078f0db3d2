package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.HttpConnector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapps.ActionServlet;
import testapps.Events;

/**
 * Cross-context sessions over a socket (issue 14, the TCK's {@code HttpSessionxTests#invalidateHttpSessionxTest}):
 * {@code /a/x} includes a servlet of {@code /b} that creates a session there; a client that keeps cookies as a
 * browser does (by their Path) comes back to {@code /a/x}, and the servlet of {@code /b} must find its session
 * again. Each context has its own session (Servlet 6.1 section 7.3) under the id the client holds.
 */
class CrossContextSessionTest {
    @TempDir
    static Path dir;
    static ServletContainer container;
    static HttpConnector connector;

    @BeforeAll
    static void start() throws Exception {
        Webapp a = Webapp.at(dir.resolve("a")).classes(ActionServlet.class, Events.class)
                .webXml(TestSupport.servlet("x", ActionServlet.class, "/x"));
        Webapp b = Webapp.at(dir.resolve("b")).classes(ActionServlet.class, Events.class)
                .webXml(TestSupport.action("create", "session", "/create")
                        + TestSupport.action("peek", "peek", "/peek"));
        container = ServletContainer.builder().workDir(dir.resolve("work")).crossContext(true).build();
        container.deploy(a.path());
        container.deploy(b.path());
        connector = OverSocket.start(container);
    }

    @AfterAll
    static void stop() {
        if (connector != null) {
            connector.close();
        }
        if (container != null) {
            container.close();
        }
    }

    @Test
    void aSessionCreatedInAnIncludedContextIsFoundWhenTheClientComesBack() throws IOException {
        CookieJar browser = new CookieJar();
        String created = browser.get("/a/x", "X-Do: crossInclude:/b,/create");
        assertTrue(created.startsWith("new=true count=1 id="), created);
        String id = created.substring(created.indexOf("id=") + 3).trim();

        assertEquals("session " + id + " count=1\n", browser.get("/a/x", "X-Do: crossInclude:/b,/peek"));
        assertEquals("new=false count=2 id=" + id + "\n", browser.get("/a/x", "X-Do: crossInclude:/b,/create"));
        assertEquals("session " + id + " count=2\n", browser.get("/a/x", "X-Do: crossForward:/b,/peek"));
        // /a has a session of its own under that id, without /b's attributes.
        assertEquals("session " + id + " count=null\n", browser.get("/a/x", "X-Do: peek"));
    }

    @Test
    void aRequestWithoutTheCookieFindsNoSessionInEitherContext() throws IOException {
        CookieJar browser = new CookieJar();
        assertEquals("no session\n", browser.get("/a/x", "X-Do: crossInclude:/b,/peek"));
        assertEquals("no session\n", browser.get("/a/x", "X-Do: peek"));
    }

    @Test
    void aSessionCreatedEarlierInTheRequestIsStillThereAfterACrossContextInclude() throws IOException {
        String body = new CookieJar().get("/a/x", "X-Do: session;crossInclude:/b,/peek;peek");
        String id = body.substring(body.indexOf("id=") + 3, body.indexOf('\n'));
        assertEquals("new=true count=1 id=" + id + "\nno session\nsession " + id + " count=1\n", body);
    }

    /**
     * Keeps cookies as a browser does, by name and Path, and sends each only to paths its Path matches (RFC 6265
     * sections 5.1.4 and 5.4).
     */
    static final class CookieJar {
        private final Map<String, String[]> cookies = new LinkedHashMap<>();

        /** GETs {@code path} with the cookies that apply; keeps the cookies set; returns the body of a 200. */
        String get(String path, String... headers) throws IOException {
            List<String> lines = new ArrayList<>(List.of(headers));
            List<String> sent = new ArrayList<>();
            for (String[] c : cookies.values()) {
                if (pathMatches(path, c[2])) {
                    sent.add(c[0] + "=" + c[1]);
                }
            }
            if (!sent.isEmpty()) {
                lines.add("Cookie: " + String.join("; ", sent));
            }
            String response = OverSocket.get(connector.localAddress(), path, lines.toArray(String[]::new));
            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
            int end = response.indexOf("\r\n\r\n");
            for (String line : response.substring(0, end).split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("set-cookie:")) {
                    keep(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            String body = response.substring(end + 4);
            return response.contains("Transfer-Encoding: chunked") ? SameAsTomcatTest.Answer.dechunk(body) : body;
        }

        private void keep(String setCookie) {
            String[] parts = setCookie.split(";");
            String[] nameValue = parts[0].split("=", 2);
            String path = "/";
            for (String p : parts) {
                String attr = p.trim();
                if (attr.toLowerCase(Locale.ROOT).startsWith("path=")) {
                    path = attr.substring(5);
                }
            }
            cookies.put(nameValue[0] + " " + path, new String[] {nameValue[0], nameValue[1], path});
        }

        private static boolean pathMatches(String requestPath, String cookiePath) {
            return requestPath.equals(cookiePath) || requestPath.startsWith(cookiePath)
                    && (cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length()) == '/');
        }
    }
}
