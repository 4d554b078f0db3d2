package dev.sluice.connector.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.HttpConnector;
import dev.sluice.connector.internal.http2.Frame;
import dev.sluice.core.Handler;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code Upgrade: h2c} (RFC 7540 section 3.2), with the JDK's HttpClient and with raw bytes. */
class Http2UpgradeSocketTest {
    private HttpConnector connector;

    private static final Handler DESCRIBE = (request, response) -> {
        byte[] content = request.body().readAllBytes();
        response.body().write((request.head().version() + " " + request.head().method() + " "
                + request.head().target() + " " + content.length + " upgrade=" + request.head().headers().get("Upgrade"))
                .getBytes(StandardCharsets.UTF_8));
    };

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
    }

    private URI start(Handler handler) throws Exception {
        connector = HttpConnector.builder().host("127.0.0.1").port(0).handler(handler).build();
        connector.start();
        return URI.create("http://127.0.0.1:" + connector.localAddress().getPort());
    }

    /** The JDK client upgrades its first request, then sends the next ones as streams of the same connection. */
    @Test
    void httpClientUpgradesAndStaysOnHttp2() throws Exception {
        URI base = start(DESCRIBE);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpResponse<String> first = client.send(HttpRequest.newBuilder(base.resolve("/one")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, first.version());
        assertEquals("HTTP/2.0 GET /one 0 upgrade=null", first.body());
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(base.resolve("/two"))
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(200_000))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(HttpClient.Version.HTTP_2, post.version());
        assertEquals("HTTP/2.0 POST /two 200000 upgrade=null", post.body());
        assertEquals(1, connector.metrics().accepted()); // one connection for both
        assertEquals(2, connector.metrics().http2Streams());
    }

    /**
     * A trusted proxy's connection is never upgraded: it carries many clients' requests, and a tunnel would pin them
     * all to this server past the proxy's balancing and draining. The request is served over HTTP/1.1.
     */
    @Test
    void anUpgradeThroughATrustedProxyIsServedOverHttp11() throws Exception {
        connector = HttpConnector.builder().host("127.0.0.1").port(0).handler(DESCRIBE)
                .trustedProxies(dev.sluice.core.TrustedProxies.parse("127.0.0.1")).build();
        connector.start();
        try (Socket s = new Socket("127.0.0.1", connector.localAddress().getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET /up HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                    + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readNBytes(17), StandardCharsets.US_ASCII);
            assertEquals("HTTP/1.1 200 OK\r\n", answer);
        }
        assertEquals(0, connector.metrics().http2Streams());
    }

    @Test
    void rawUpgradeGets101ThenStreamOne() throws Exception {
        URI base = start(DESCRIBE);
        try (Socket s = new Socket("127.0.0.1", base.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /up HTTP/1.1\r\nHost: a\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n"
                    + "HTTP2-Settings: AAMAAABkAAQAAP__\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] expected = "HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
            assertEquals(new String(expected, StandardCharsets.US_ASCII),
                    new String(in.readNBytes(expected.length), StandardCharsets.US_ASCII));
            out.write(H2Client.PREFACE);
            out.write(dev.sluice.connector.internal.http2.FrameWriter.settings().array());
            out.flush();
            byte[] rest = in.readNBytes(9);
            assertEquals(Frame.SETTINGS, rest[3]); // the server's preface: SETTINGS first (RFC 9113 section 3.4)
        }
    }

    /** Without a valid HTTP2-Settings field the upgrade is ignored and HTTP/1.1 answers. */
    @Test
    void upgradeWithoutSettingsIsServedOverHttp11() throws Exception {
        URI base = start(DESCRIBE);
        try (Socket s = new Socket("127.0.0.1", base.getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET /plain HTTP/1.1\r\nHost: a\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
            assertTrue(response.endsWith("HTTP/1.1 GET /plain 0 upgrade=h2c"), response);
        }
    }
}
