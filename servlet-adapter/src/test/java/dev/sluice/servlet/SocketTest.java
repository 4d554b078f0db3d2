package dev.sluice.servlet;

import static dev.sluice.servlet.TestSupport.action;
import static dev.sluice.servlet.TestSupport.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.HttpConnector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapps.EchoServlet;

/** The container behind the real connector on a loopback port: exact response bytes (Date aside). */
class SocketTest {
    @TempDir
    static Path dir;
    static ServletContainer container;
    static HttpConnector connector;

    @BeforeAll
    static void start() throws Exception {
        Webapp shop = app(dir.resolve("shop"), dir.resolve("events.txt"),
                TestSupport.servlet("echo", EchoServlet.class, "/echo/*")
                        + action("hello", "type:text/plain;encoding:UTF-8;write:héllo", "/hello")
                        + action("big", "buffer:16;write:0123456789abcdefghijklmnopqrstuvwxyz", "/big")
                        + action("async", "async:complete-later", "/async")
                        + action("sess", "session", "/session")
                        + action("trailers", "trailersIn", "/trailers"))
                .file("static.txt", "static content");
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(shop.path());
        connector = OverSocket.start(container);
    }

    @AfterAll
    static void stop() {
        connector.close();
        container.close();
    }

    /** Sends raw request bytes and reads until the server closes the connection. */
    static String exchange(String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(connector.localAddress(), 10_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            return all.toString(StandardCharsets.UTF_8).replaceAll("Date: [^\r]*\r\n", "");
        }
    }

    @Test
    void servletAnswerHasExactBytes() throws Exception {
        assertEquals("HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/plain;charset=UTF-8\r\n"
                + "Content-Length: 6\r\n"
                + "Connection: close\r\n\r\n"
                + "héllo", exchange("GET /shop/hello HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void contentLargerThanTheBufferIsChunked() throws Exception {
        assertEquals("HTTP/1.1 200 OK\r\n"
                + "Transfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n"
                + "24\r\n0123456789abcdefghijklmnopqrstuvwxyz\r\n0\r\n\r\n",
                exchange("GET /shop/big HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    }

    @Test
    void staticFileAndNotFound() throws Exception {
        String response = exchange("GET /shop/static.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\nAccept-Ranges: bytes\r\nETag: W/\"14-"), response);
        assertTrue(response.endsWith("Content-Type: text/plain\r\nContent-Length: 14\r\nConnection: close\r\n\r\n"
                + "static content"), response);
        assertTrue(exchange("GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .startsWith("HTTP/1.1 404 Not Found\r\n"));
    }

    @Test
    void asyncCompletesFromAnotherThreadOverTheWire() throws Exception {
        assertEquals("HTTP/1.1 200 OK\r\n"
                + "Content-Length: 28\r\n"
                + "Connection: close\r\n\r\n"
                + "async done on webapp loader\n",
                exchange("GET /shop/async HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .replace("Content-Type: text/html;charset=ISO-8859-1\r\n", ""));
    }

    @Test
    void keepAliveRequestsShareAConnectionAndTheGalleryAttributesSeeIt() throws Exception {
        String response = exchange("GET /shop/echo/1 HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /shop/echo/2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        int first = response.indexOf("connection=");
        int second = response.indexOf("connection=", first + 1);
        String a = response.substring(first, response.indexOf('\n', first));
        String b = response.substring(second, response.indexOf('\n', second));
        assertTrue(a.endsWith("/1") && b.endsWith("/2"), a + " " + b);
        assertEquals(a.substring(0, a.indexOf('/')), b.substring(0, b.indexOf('/')));
    }

    @Test
    void rangeAndConditionalAndHeadOverTheWire() throws Exception {
        String range = exchange("GET /shop/static.txt HTTP/1.1\r\nHost: x\r\nRange: bytes=0-5\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(range.startsWith("HTTP/1.1 206 Partial Content\r\n"), range);
        assertTrue(range.contains("Content-Range: bytes 0-5/14\r\n") && range.endsWith("\r\n\r\nstatic"), range);
        String etag = range.substring(range.indexOf("ETag: ") + 6, range.indexOf("\r\n", range.indexOf("ETag: ")));
        String notModified = exchange("GET /shop/static.txt HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + etag
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(notModified.startsWith("HTTP/1.1 304 Not Modified\r\n") && notModified.endsWith("\r\n\r\n"),
                notModified);
        String head = exchange("HEAD /shop/static.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(head.contains("Content-Length: 14\r\n") && head.endsWith("\r\n\r\n"), head);
    }

    @Test
    void webappLimitIs503OverTheWire() throws Exception {
        Webapp busy = app(dir.resolve("busy"), dir.resolve("events.txt"),
                action("hold", "async:hold", "/hold") + action("hi", "write:hi", "/hi"));
        try (ServletContainer limited = ServletContainer.builder().workDir(dir.resolve("work2"))
                .maxConcurrentRequests("/busy", 1).retryAfterSeconds(3).build();
             HttpConnector c = HttpConnector.builder().host("127.0.0.1").port(0).handler(limited).serverName(null)
                     .build();
             Socket holder = new Socket()) {
            limited.deploy(busy.path());
            c.start();
            holder.connect(c.localAddress(), 10_000);
            holder.getOutputStream().write("GET /busy/hold HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertTrue(TestSupport.eventually(() -> limited.suspendedRequests() == 1));
            try (Socket second = new Socket()) {
                second.connect(c.localAddress(), 10_000);
                second.setSoTimeout(20_000);
                second.getOutputStream().write("GET /busy/hi HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                String refused = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                        .replaceAll("Date: [^\r]*\r\n", "");
                String text = "Service Unavailable: too many concurrent requests for this webapp\n";
                assertEquals("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 3\r\n"
                        + "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: " + text.length()
                        + "\r\nConnection: close\r\n\r\n" + text, refused);
            }
        }
    }

    @Test
    void chunkedRequestTrailersReachTheServlet() throws Exception {
        String response = exchange("POST /shop/trailers HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nX-Sum: 42\r\n\r\n");
        assertTrue(response.endsWith("body=hello ready=true trailers={x-sum=42}\n"), response);
    }

    @Test
    void sessionCookieIsSetOnTheWire() throws Exception {
        String response = exchange("GET /shop/session HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(response.matches("(?s)HTTP/1.1 200 OK\r\nSet-Cookie: JSESSIONID=[0-9A-F]{32}; Path=/shop; "
                + "HttpOnly\r\n.*new=true count=1.*"), response);
    }
}
