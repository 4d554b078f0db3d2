package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.HttpConnector;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapps.CapsServlet;
import testapps.EchoUpgradeHandler;
import testapps.EchoUpgradeServlet;
import testapps.PartsServlet;

/**
 * Every cap of docs/reliability.md ("Caps") over a real socket: under it the request is served, past it the client
 * gets the cap's status and one-line reason, and the refusal is counted in {@link ServletContainer#figures()}.
 * Issue #21; parts per request is the class of CVE-2023-24998.
 */
class ResourceCapsSocketTest {
    private static final String MULTIPART = "Content-Type: multipart/form-data; boundary=b";

    @TempDir
    Path dir;
    ServletContainer container;
    HttpConnector connector;

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
        if (container != null) {
            container.close();
        }
    }

    private InetSocketAddress start(ServletContainer.Builder builder) throws Exception {
        container = builder.workDir(dir.resolve("work")).build();
        container.deploy(Webapp.at(dir.resolve("caps")).classes(CapsServlet.class, PartsServlet.class,
                EchoUpgradeServlet.class, EchoUpgradeHandler.class, testapps.Events.class).webXml("""
                <servlet><servlet-name>caps</servlet-name><servlet-class>testapps.CapsServlet</servlet-class>
                  <async-supported>true</async-supported></servlet>
                <servlet-mapping><servlet-name>caps</servlet-name><url-pattern>/session</url-pattern>
                  <url-pattern>/cookies</url-pattern><url-pattern>/params</url-pattern>
                  <url-pattern>/forward</url-pattern><url-pattern>/include</url-pattern>
                  <url-pattern>/async</url-pattern></servlet-mapping>
                <servlet><servlet-name>parts</servlet-name><servlet-class>testapps.PartsServlet</servlet-class>
                  <multipart-config></multipart-config></servlet>
                <servlet-mapping><servlet-name>parts</servlet-name><url-pattern>/parts</url-pattern></servlet-mapping>
                <servlet><servlet-name>upgrade</servlet-name><servlet-class>testapps.EchoUpgradeServlet</servlet-class>
                  </servlet>
                <servlet-mapping><servlet-name>upgrade</servlet-name><url-pattern>/upgrade</url-pattern>
                  </servlet-mapping>
                """).path());
        connector = OverSocket.start(container);
        return connector.localAddress();
    }

    private long refused(String figure) {
        return container.figures().get(figure);
    }

    @Test
    void aSessionPastMaxActiveSessionsIs503AndCountedUntilOneEnds() throws Exception {
        InetSocketAddress at = start(ServletContainer.builder().maxActiveSessions(2));
        String first = OverSocket.get(at, "/caps/session");
        assertTrue(first.startsWith("HTTP/1.1 200 OK\r\n") && first.endsWith("session new=true"), first);
        assertTrue(OverSocket.get(at, "/caps/session").endsWith("session new=true"));
        String refused = OverSocket.get(at, "/caps/session");
        assertTrue(refused.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), refused);
        assertTrue(refused.contains("\r\nRetry-After: 1\r\n"), refused);
        assertTrue(refused.contains("Too many active sessions in this webapp (maxActiveSessions 2)"), refused);
        assertEquals(2, container.figures().get("sessions_active"));
        assertEquals(1, refused("caps_refused_max_active_sessions"));

        String cookie = first.replaceAll("(?s).*Set-Cookie: (JSESSIONID=[0-9A-F]+).*", "$1");
        String ended = OverSocket.get(at, "/caps/session?invalidate", "Cookie: " + cookie);
        assertTrue(ended.endsWith("invalidated"), ended);
        assertEquals(1, container.figures().get("sessions_active"));
        assertTrue(OverSocket.get(at, "/caps/session").endsWith("session new=true"), "a place is free again");
    }

    @Test
    void cookiesPastMaxCookieCountAre400BeforeAnyServlet() throws Exception {
        InetSocketAddress at = start(ServletContainer.builder().maxCookieCount(3));
        String three = OverSocket.get(at, "/caps/cookies", "Cookie: a=1; b=2", "Cookie: c=3");
        assertTrue(three.startsWith("HTTP/1.1 200 OK\r\n") && three.endsWith("cookies 3"), three);
        String four = OverSocket.get(at, "/caps/cookies", "Cookie: a=1; b=2", "Cookie: c=3; d=4");
        assertTrue(four.startsWith("HTTP/1.1 400 Bad Request\r\n"), four);
        assertTrue(four.contains("Too many cookies (maxCookieCount 3)"), four);
        assertEquals(1, refused("caps_refused_max_cookie_count"));
    }

    @Test
    void partsPastMaxPartCountAre413() throws Exception {
        InetSocketAddress at = start(ServletContainer.builder().maxPartCount(2));
        String two = post(at, "/caps/parts", parts(2, ""));
        assertTrue(two.startsWith("HTTP/1.1 200 OK\r\n"), two);
        String three = post(at, "/caps/parts", parts(3, ""));
        assertTrue(three.startsWith("HTTP/1.1 413 Content Too Large\r\n"), three);
        assertTrue(three.contains("Too many multipart parts (maxPartCount 2)"), three);
        assertEquals(1, refused("caps_refused_max_part_count"));
    }

    @Test
    void aPartHeadPastMaxPartHeaderBytesIs400() throws Exception {
        InetSocketAddress at = start(ServletContainer.builder().maxPartHeaderBytes(256));
        String fits = post(at, "/caps/parts", parts(1, "X-Pad: " + "p".repeat(150) + "\r\n"));
        assertTrue(fits.startsWith("HTTP/1.1 200 OK\r\n"), fits);
        String over = post(at, "/caps/parts", parts(1, "X-Pad: " + "p".repeat(250) + "\r\n"));
        assertTrue(over.startsWith("HTTP/1.1 400 Bad Request\r\n"), over);
        assertTrue(over.contains("Multipart part headers larger than 256 bytes"), over);
        assertEquals(1, refused("caps_refused_max_part_header_bytes"));
    }

    @Test
    void anUpgradePastMaxUpgradedConnectionsIs503UntilTheOpenOneCloses() throws Exception {
        InetSocketAddress at = start(ServletContainer.builder().maxUpgradedConnections(1));
        try (Socket held = new Socket()) {
            held.connect(at, 10_000);
            held.setSoTimeout(20_000);
            String switched = upgrade(held);
            assertTrue(switched.startsWith("HTTP/1.1 101 "), switched);
            // The handler's greeting proves its init ran, so the connection is counted (it is, just before init).
            assertEquals("hello\n", new String(held.getInputStream().readNBytes(6), StandardCharsets.US_ASCII));
            String refused = OverSocket.exchange(at, "GET /caps/upgrade HTTP/1.1\r\nHost: x\r\nUpgrade: echo\r\n"
                    + "Connection: Upgrade, close\r\n\r\n");
            assertTrue(refused.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), refused);
            assertTrue(refused.contains("Too many upgraded connections in this webapp (maxUpgradedConnections 1)"),
                    refused);
            assertEquals(1, refused("caps_refused_max_upgraded_connections"));
        }
        // The held connection closed: once its handler is destroyed, an upgrade is accepted again.
        long deadline = System.nanoTime() + 20_000_000_000L;
        String again;
        do {
            LockSupport.parkNanos(10_000_000);
            try (Socket next = new Socket()) {
                next.connect(at, 10_000);
                next.setSoTimeout(20_000);
                again = upgrade(next);
            }
        } while (!again.startsWith("HTTP/1.1 101 ") && System.nanoTime() < deadline);
        assertTrue(again.startsWith("HTTP/1.1 101 "), again);
    }

    /** maxParameterCount holds on every path that adds parameters (Tomcat's maxParameterCount). */
    @Test
    void maxParameterCountHoldsForQueryFormPartsAndEveryDispatchQuery() throws Exception {
        InetSocketAddress at = start(ServletContainer.builder().maxParameterCount(3));
        assertTrue(OverSocket.get(at, "/caps/params?a=1&b=2&c=3").endsWith("parameters 3"));
        assertTooMany(OverSocket.get(at, "/caps/params?a=1&b=2&c=3&d=4"));
        String form = OverSocket.exchange(at, "POST /caps/params?a=1&b=2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\nc=3&d=4");
        assertTooMany(form);
        String parts = post(at, "/caps/parts?a=1&b=2", parts(2, ""));
        assertTrue(parts.contains("More than 3 request parameters"), parts);
        // q=x=1 is one parameter of the request; the dispatch's query x=1&y=2 adds two: 3 in all, then 4.
        for (String dispatch : new String[] {"forward", "include", "async"}) {
            String fits = OverSocket.get(at, "/caps/" + dispatch + "?q=x%3D1%26y%3D2");
            assertTrue(fits.endsWith("parameters 3"), dispatch + ": " + fits);
            String over = OverSocket.get(at, "/caps/" + dispatch + "?q=x%3D1%26y%3D2%26z%3D3");
            assertTooMany(over);
        }
    }

    private static void assertTooMany(String response) {
        assertTrue(response.startsWith("HTTP/1.1 400 Bad Request\r\n"), response);
        assertTrue(response.contains("More than 3 request parameters"), response);
    }

    private static String parts(int n, String extraHeader) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("--b\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n").append(extraHeader)
                    .append("\r\nv\r\n");
        }
        return sb.append("--b--\r\n").toString();
    }

    private static String post(InetSocketAddress at, String target, String body) throws IOException {
        return OverSocket.exchange(at, "POST " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n" + MULTIPART
                + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
    }

    /** Sends an upgrade request and reads its response head (a 101 leaves the connection open). */
    private static String upgrade(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("GET /caps/upgrade HTTP/1.1\r\nHost: x\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
