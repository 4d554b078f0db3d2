package dev.sluice.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Limits;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP/1.0 keep-alive over a real socket (RFC 9112 section C.2.2): a 1.0 client keeps its connection only when
 * told so, and learns how long the server waits for its next request ({@code Keep-Alive: timeout=N}, as Tomcat
 * sends it).
 */
class KeepAliveSocketTest {
    private HttpConnector connector;

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
    }

    @Test
    void http10KeepAliveResponsesSayTheIdleTimeoutInSeconds() throws Exception {
        connector = HttpConnector.builder().host("127.0.0.1").port(0)
                .limits(Limits.builder().keepAliveTimeout(Duration.ofMillis(7900)).maxKeepAliveRequests(3).build())
                .handler((request, response) -> response.body().write("ok".getBytes(StandardCharsets.US_ASCII)))
                .build();
        connector.start();
        try (RawClient client = new RawClient(connector.localAddress())) {
            String request = "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n";
            for (int i = 1; i <= 2; i++) {
                RawClient.Response r = client.send(request).read();
                assertEquals("HTTP/1.1 200 OK", r.statusLine());
                assertEquals(List.of("server", "content-length", "connection", "keep-alive"),
                        withoutDate(r.headers()), r.headers().toString());
                assertEquals("keep-alive", r.header("Connection"));
                assertEquals("timeout=7", r.header("Keep-Alive")); // 7.9 s in whole seconds
                assertEquals("ok", r.body());
            }
            RawClient.Response last = client.send(request).read(); // the third of maxKeepAliveRequests=3
            assertEquals("close", last.header("Connection"));
            assertEquals(null, last.header("Keep-Alive"));
            assertTrue(client.atEof());
        }
    }

    @Test
    void http11AndClosingHttp10ResponsesCarryNoKeepAliveField() throws Exception {
        connector = HttpConnector.builder().host("127.0.0.1").port(0)
                .handler((request, response) -> response.body().write('k'))
                .build();
        connector.start();
        try (RawClient client = new RawClient(connector.localAddress())) {
            RawClient.Response r = client.send(RawClient.get("/")).read();
            assertEquals(List.of("server", "content-length"), withoutDate(r.headers()), r.headers().toString());
        }
        try (RawClient client = new RawClient(connector.localAddress())) {
            RawClient.Response r = client.send("GET / HTTP/1.0\r\n\r\n").read();
            assertEquals(List.of("server", "content-length", "connection"), withoutDate(r.headers()));
            assertEquals("close", r.header("Connection"));
        }
    }

    private static List<String> withoutDate(Map<String, String> headers) {
        return headers.keySet().stream().filter(name -> !name.equals("date")).toList();
    }
}
