package dev.sluice.connector;

import static dev.sluice.connector.ConnectorSocketTest.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Handler;
import dev.sluice.core.Limits;
import dev.sluice.core.TlsDetails;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS over real sockets, with the JDK's HttpClient and SSLSocket as clients: the connection side. */
class TlsSocketTest {
    @TempDir
    static Path dir;
    static TlsServer server;

    /** Answers with the connection id, request number and the TLS facts the request carries. */
    static final Handler DESCRIBE = (req, res) -> {
        TlsDetails tls = req.tls();
        String text = req.connectionId() + " " + req.requestNumber() + " "
                + (tls == null ? "plain" : tls.protocol() + " " + tls.applicationProtocol() + " " + tls.serverName()
                + " " + tls.keySize() + " peers=" + tls.peerCertificates().size());
        res.body().write(text.getBytes(StandardCharsets.UTF_8));
    };

    @BeforeAll
    static void certificates() throws Exception {
        server = new TlsServer(dir);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void httpClientKeepsOneTlsConnectionForTwoRequests() throws Exception {
        server.start(server.tls().build(), Limits.DEFAULTS, DESCRIBE);
        HttpClient client = HttpClient.newBuilder() // offers h2 and http/1.1 by ALPN, goes on with what is chosen
                .sslContext(TestPki.clientContext(null, server.defaultCert, server.apiCert)).build();
        HttpResponse<String> first = client.send(HttpRequest.newBuilder(server.uri("/a")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> second = client.send(HttpRequest.newBuilder(server.uri("/b")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.statusCode());
        String[] a = first.body().split(" ");
        String[] b = second.body().split(" ");
        assertEquals(a[0], b[0], "same connection");
        assertEquals("1", a[1]);
        assertEquals("2", b[1]);
        assertEquals("TLSv1.3", a[2]);
        assertEquals("h2", a[3]); // the JDK client offers h2 and http/1.1 by ALPN; the server prefers h2
        assertEquals("localhost", a[4]);
        assertEquals(1, server.connector.metrics().tlsHandshakesCompleted());
        assertEquals(0, server.connector.metrics().tlsHandshaking());
    }

    @Test
    void plainHttpPortStillServesBesideHttps() throws Exception {
        server.start(server.tls().build(), Limits.DEFAULTS, DESCRIBE);
        try (RawClient c = new RawClient(server.connector.localAddress())) {
            RawClient.Response r = c.send(RawClient.get("/")).read();
            assertEquals(200, r.status());
            assertTrue(r.body().endsWith(" 1 plain"), r.body());
        }
    }

    @Test
    void pipelinedRequestsOverTlsAreAnsweredInOrder() throws Exception {
        server.start(server.tls().build(), Limits.DEFAULTS, (req, res) ->
                res.body().write(req.head().target().getBytes(StandardCharsets.UTF_8)));
        try (SSLSocket s = server.socket("localhost"); RawClient c = new RawClient(s)) {
            c.send(RawClient.get("/one") + RawClient.get("/two") + RawClient.get("/three"));
            assertEquals("/one", c.read().body());
            assertEquals("/two", c.read().body());
            assertEquals("/three", c.read().body());
        }
    }

    @Test
    void largeResponseAndUploadStreamThroughRecords() throws Exception {
        byte[] big = new byte[5 * 1024 * 1024 + 17];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + (i >> 12));
        }
        server.start(server.tls().build(), Limits.DEFAULTS, (req, res) -> {
            if (req.head().method().name().equals("POST")) {
                byte[] got = req.body().readAllBytes();
                res.body().write(hex(MessageDigest.getInstance("SHA-256").digest(got))
                        .getBytes(StandardCharsets.UTF_8));
            } else {
                res.headers().set("Content-Length", Integer.toString(big.length));
                OutputStream out = res.body();
                for (int off = 0; off < big.length; off += 100_000) {
                    out.write(big, off, Math.min(100_000, big.length - off));
                }
            }
        });
        HttpClient client = server.client();
        HttpResponse<byte[]> down = client.send(HttpRequest.newBuilder(server.uri("/big")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(big, down.body());
        HttpResponse<String> up = client.send(HttpRequest.newBuilder(server.uri("/up"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(hex(MessageDigest.getInstance("SHA-256").digest(big)), up.body());
    }

    @Test
    void overloadAnswers503OverTls() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        server.start(server.tls().build(), Limits.builder().maxThreads(1).acceptQueue(1).retryAfterSeconds(7).build(),
                (req, res) -> {
                    running.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    res.body().write("done".getBytes(StandardCharsets.UTF_8));
                });
        try (SSLSocket s1 = server.socket("localhost"); RawClient busy = new RawClient(s1);
             SSLSocket s2 = server.socket("localhost"); RawClient queued = new RawClient(s2);
             SSLSocket s3 = server.socket("localhost"); RawClient shed = new RawClient(s3)) {
            busy.send(RawClient.get("/1"));
            assertTrue(running.await(30, TimeUnit.SECONDS));
            queued.send(RawClient.get("/2"));
            awaitTrue(() -> server.connector.metrics().queueDepth() == 1);
            RawClient.Response r = shed.send(RawClient.get("/3")).read();
            assertEquals("HTTP/1.1 503 Service Unavailable", r.statusLine());
            assertEquals("7", r.header("Retry-After"));
            assertEquals("close", r.header("Connection"));
            assertTrue(shed.atEof());
            release.countDown();
            assertEquals("done", busy.read().body());
            assertEquals("done", queued.read().body());
        }
    }

    @Test
    void queuedRequestKeepsItsDecryptedBodyAndAGoneClientLeavesTheQueue() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        server.start(server.tls().build(), Limits.builder().maxThreads(1).acceptQueue(2).build(), (req, res) -> {
            if (req.head().target().equals("/hold")) {
                running.countDown();
                release.await(30, TimeUnit.SECONDS);
            }
            res.body().write(("got " + new String(req.body().readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
        });
        try (SSLSocket s1 = server.socket("localhost"); RawClient busy = new RawClient(s1);
             SSLSocket s2 = server.socket("localhost"); RawClient queued = new RawClient(s2)) {
            busy.send(RawClient.get("/hold"));
            assertTrue(running.await(30, TimeUnit.SECONDS));
            queued.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 11\r\n\r\n");
            awaitTrue(() -> server.connector.metrics().queueDepth() == 1);
            long before = server.connector.metrics().bytesIn();
            queued.send("hello world"); // read by the selector while the request waits (QueuedReads), decrypted
            awaitTrue(() -> server.connector.metrics().bytesIn() == before + 11);
            try (SSLSocket s3 = server.socket("localhost")) {
                RawClient gone = new RawClient(s3);
                gone.send(RawClient.get("/gone"));
                awaitTrue(() -> server.connector.metrics().queueDepth() == 2);
            } // closed while queued: close_notify, then FIN
            awaitTrue(() -> server.connector.metrics().abandonedInQueue() == 1 && server.connector.metrics().queueDepth() == 1);
            release.countDown();
            assertEquals("got ", busy.read().body());
            assertEquals("got hello world", queued.read().body());
        }
    }

    @Test
    void aSecondConnectionResumesTheSession() throws Exception {
        server.start(server.tls().build(), Limits.DEFAULTS, (req, res) ->
                res.body().write(req.tls().sessionId().getBytes(StandardCharsets.UTF_8)));
        SSLContext client = TestPki.clientContext(null, server.defaultCert, server.apiCert);
        for (String protocol : new String[] {"TLSv1.2", "TLSv1.3"}) {
            String[] ids = new String[2];
            long[] created = new long[2];
            for (int i = 0; i < 2; i++) {
                try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("localhost",
                        server.connector.httpsAddress().getPort())) {
                    s.setEnabledProtocols(new String[] {protocol});
                    s.setSoTimeout(30_000);
                    RawClient c = new RawClient(s);
                    ids[i] = c.send(RawClient.get("/")).read().body();
                    created[i] = s.getSession().getCreationTime();
                }
            }
            // a resumed session is the first one again: same creation time (TLS 1.3 PSK, RFC 8446 section 2.2)
            assertEquals(created[0], created[1], protocol + " resumed");
            if (protocol.equals("TLSv1.2")) {
                assertEquals(ids[0], ids[1], "TLS 1.2 resumes by session id (RFC 5246 section 7.3)");
            }
        }
    }

    @Test
    void alpnPrefersH2ThenHttp11AndRefusesAClientThatOffersOnlyUnknownProtocols() throws Exception {
        server.start(server.tls().build(), Limits.DEFAULTS, DESCRIBE);
        try (SSLSocket s = server.socket("localhost", "http/1.1", "h2")) {
            s.startHandshake();
            assertEquals("h2", s.getApplicationProtocol()); // the server's preference (RFC 7301 section 3.2)
        }
        try (SSLSocket s = server.socket("localhost", "http/1.1")) {
            s.startHandshake();
            assertEquals("http/1.1", s.getApplicationProtocol());
        }
        try (SSLSocket s = server.socket("localhost", "spdy/3.1")) {
            SSLHandshakeException e = assertThrows(SSLHandshakeException.class, s::startHandshake);
            assertTrue(e.getMessage().contains("no_application_protocol"), e.getMessage()); // RFC 7301 section 3.2
        }
        try (SSLSocket s = server.socket("localhost")) {
            s.startHandshake();
            assertEquals("", s.getApplicationProtocol()); // no ALPN offered: none chosen, HTTP/1.1 spoken
        }
    }

    @Test
    void slowHandshakeIsClosedAtTheHandshakeTimeout() throws Exception {
        server.start(server.tls().handshakeTimeout(Duration.ofSeconds(10)).build(), Limits.DEFAULTS, DESCRIBE);
        try (Socket s = new Socket()) {
            s.connect(server.connector.httpsAddress());
            s.setSoTimeout(30_000);
            s.getOutputStream().write(new byte[] {22, 3, 1}); // the start of a ClientHello, then nothing
            awaitTrue(() -> server.connector.metrics().tlsHandshaking() == 1);
            server.clock.advance(Duration.ofSeconds(11));
            assertEquals(-1, s.getInputStream().read());
        }
        assertEquals(1, server.connector.metrics().tlsHandshakeTimeouts());
        awaitTrue(() -> server.connector.metrics().tlsHandshaking() == 0 && server.connector.metrics().openConnections() == 0);
    }

    @Test
    void handshakesBeyondTheBoundAreClosedAtAccept() throws Exception {
        server.start(server.tls().maxHandshakes(2).build(), Limits.DEFAULTS, DESCRIBE);
        try (Socket a = new Socket(); Socket b = new Socket()) {
            a.connect(server.connector.httpsAddress());
            b.connect(server.connector.httpsAddress());
            awaitTrue(() -> server.connector.metrics().tlsHandshaking() == 2);
            try (Socket c = new Socket()) {
                c.connect(server.connector.httpsAddress());
                c.setSoTimeout(30_000);
                assertEquals(-1, c.getInputStream().read());
            }
            assertEquals(1, server.connector.metrics().tlsHandshakesRefused());
        }
        awaitTrue(() -> server.connector.metrics().tlsHandshaking() == 0);
        HttpResponse<String> r = server.client().send(HttpRequest.newBuilder(server.uri("/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
    }

    @Test
    void plainHttpOnTheHttpsPortGetsAPlain400AndIsClosed() throws Exception {
        server.start(server.tls().build(), Limits.DEFAULTS, DESCRIBE);
        try (Socket s = new Socket()) {
            s.connect(server.connector.httpsAddress());
            s.setSoTimeout(30_000);
            RawClient c = new RawClient(s);
            RawClient.Response r = c.send(RawClient.get("/")).read();
            assertEquals("HTTP/1.1 400 Bad Request", r.statusLine());
            assertTrue(r.body().contains("Plain HTTP request was sent to the HTTPS port"), r.body());
            assertTrue(c.atEof());
        }
        assertEquals(1, server.connector.metrics().tlsPlaintextRefused());
    }

    @Test
    void tls12RenegotiationIsRefusedWithAFatalAlert() throws Exception {
        server.start(server.tls().build(), Limits.DEFAULTS, DESCRIBE);
        try (SSLSocket s = server.socket("localhost")) {
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            RawClient c = new RawClient(s);
            RawClient.Response r = c.send(RawClient.get("/")).read();
            assertTrue(r.body().contains("TLSv1.2"), r.body());
            s.startHandshake(); // asks for a new handshake on the established connection
            assertThrows(IOException.class, () -> c.send(RawClient.get("/")).read());
        }
    }

    @Test
    void proxyProtocolHeaderComesBeforeTheTlsHandshake() throws Exception {
        server.connector = HttpConnector.builder().host("127.0.0.1").port(0).https(0, server.tls().build())
                .proxyProtocol(true).handler((req, res) -> res.body().write((req.remoteAddress().getHostString() + " "
                        + req.tls().protocol()).getBytes(StandardCharsets.UTF_8))).build();
        server.connector.start();
        try (java.net.Socket raw = new java.net.Socket("127.0.0.1", server.connector.httpsAddress().getPort())) {
            raw.getOutputStream().write("PROXY TCP4 203.0.113.7 127.0.0.1 5555 443\r\n"
                    .getBytes(StandardCharsets.US_ASCII)); // what haproxy's send-proxy writes before TLS
            try (SSLSocket tls = (SSLSocket) TestPki.clientContext(null, server.defaultCert).getSocketFactory()
                    .createSocket(raw, "localhost", raw.getPort(), true)) {
                tls.setSoTimeout(30_000);
                assertEquals("203.0.113.7 TLSv1.3", new RawClient(tls).send(RawClient.get("/")).read().body());
            }
        }
    }

    @Test
    void plainConnectionsCarryNoTlsDetails() throws Exception {
        server.connector = HttpConnector.builder().host("127.0.0.1").port(0).handler(DESCRIBE).build();
        server.connector.start();
        assertNull(server.connector.httpsAddress());
    }

    static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
