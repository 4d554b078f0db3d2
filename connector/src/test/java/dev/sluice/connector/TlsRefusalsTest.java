package dev.sluice.connector;

import static dev.sluice.connector.ConnectorSocketTest.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Handler;
import dev.sluice.core.Limits;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the HTTPS listener tells the refusal listener (the distribution's HTTPERR log) when it refuses a
 * connection, and its figures of completed handshakes: what they agreed on and whether they resumed a session.
 */
class TlsRefusalsTest {
    @TempDir
    static Path dir;
    static TlsServer server;
    private final BlockingQueue<Refusal> refused = new LinkedBlockingQueue<>();

    private static final Handler OK = (req, res) -> res.body().write("ok".getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    static void certificates() throws Exception {
        server = new TlsServer(dir);
    }

    @BeforeEach
    void listen() {
        server.refusals = refused::add;
    }

    @AfterEach
    void stop() {
        server.stop();
        server.refusals = null;
    }

    private Refusal next() throws InterruptedException {
        Refusal r = refused.poll(30, TimeUnit.SECONDS);
        assertNotNull(r, "no refusal told within 30 s");
        return r;
    }

    @Test
    void plainHttpOnTheHttpsPortIsLoggedAsA400() throws Exception {
        server.start(server.tls().build(), Limits.DEFAULTS, OK);
        try (Socket s = new Socket()) {
            s.connect(server.connector.httpsAddress());
            s.setSoTimeout(30_000);
            RawClient c = new RawClient(s);
            assertEquals("HTTP/1.1 400 Bad Request", c.send(RawClient.get("/")).read().statusLine());
            Refusal r = next();
            assertEquals(400, r.status());
            assertEquals(Refusal.Reason.TLS_PLAINTEXT, r.reason());
            assertEquals("-", r.limit());
            assertEquals("Plain HTTP request was sent to the HTTPS port", r.message());
            assertEquals(s.getLocalPort(), r.client().getPort());
        }
    }

    @Test
    void aFailedHandshakeIsLoggedWithTheEnginesReasonAndNoStatus() throws Exception {
        server.start(server.tls().build(), Limits.DEFAULTS, OK);
        try (SSLSocket s = server.socket("localhost", "spdy/3.1")) { // RFC 7301 section 3.2: no_application_protocol
            assertThrows(IOException.class, s::startHandshake);
        }
        Refusal r = next();
        assertEquals(0, r.status());
        assertEquals(Refusal.Reason.TLS_HANDSHAKE_FAILED, r.reason());
        assertEquals("-", r.limit());
        assertTrue(r.message().toLowerCase(java.util.Locale.ROOT).contains("application"), r.message());
        assertEquals(1, server.connector.metrics().tlsHandshakesFailed());
    }

    @Test
    void aRequiredClientCertificateNotSentIsLoggedAsSuch() throws Exception {
        Path caDir = Files.createDirectories(dir.resolve("clientca"));
        TestPki cas = new TestPki(caDir);
        cas.clientCa("Alice");
        server.start(server.tls().clientAuth(TlsConfig.ClientAuth.NEED)
                .trustedCertificates(caDir.resolve("ca.pem")).build(), Limits.DEFAULTS, OK);
        for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
            try (SSLSocket s = server.socket("localhost")) { // trusts the server, has no key of its own
                s.setEnabledProtocols(new String[] {protocol});
                // TLS 1.3: the client's handshake ends before the server reads its empty Certificate message,
                // so the refusal reaches the client as an alert on its first read
                assertThrows(IOException.class, () -> new RawClient(s).send(RawClient.get("/")).read());
            }
            Refusal r = next();
            assertEquals(0, r.status(), protocol);
            assertEquals(Refusal.Reason.TLS_CLIENT_CERTIFICATE, r.reason(), protocol + " " + r.message());
            assertEquals("tlsClientAuth=need", r.limit());
        }
        // a certificate from a CA the server does not trust: refused on the same rule
        SSLContext stranger = TestPki.clientContext(server.apiStore, server.defaultCert);
        try (SSLSocket s = (SSLSocket) stranger.getSocketFactory().createSocket("127.0.0.1",
                server.connector.httpsAddress().getPort())) {
            s.setSoTimeout(30_000);
            assertThrows(IOException.class, () -> new RawClient(s).send(RawClient.get("/")).read());
        }
        Refusal r = next();
        assertEquals(Refusal.Reason.TLS_CLIENT_CERTIFICATE, r.reason(), r.message());
    }

    @Test
    void aSlowHandshakeIsLoggedWithTheTimeout() throws Exception {
        server.start(server.tls().handshakeTimeout(Duration.ofSeconds(10)).build(), Limits.DEFAULTS, OK);
        try (Socket s = new Socket()) {
            s.connect(server.connector.httpsAddress());
            s.setSoTimeout(30_000);
            s.getOutputStream().write(new byte[] {22, 3, 1}); // the start of a ClientHello, then nothing
            awaitTrue(() -> server.connector.metrics().tlsHandshaking() == 1);
            server.clock.advance(Duration.ofSeconds(11));
            assertEquals(-1, s.getInputStream().read());
        }
        Refusal r = next();
        assertEquals(0, r.status());
        assertEquals(Refusal.Reason.TLS_HANDSHAKE_TIMEOUT, r.reason());
        assertEquals("tlsHandshakeTimeout=10s", r.limit());
    }

    @Test
    void aHandshakeBeyondTheBoundIsLoggedWithTheBound() throws Exception {
        server.start(server.tls().maxHandshakes(1).build(), Limits.DEFAULTS, OK);
        try (Socket a = new Socket()) {
            a.connect(server.connector.httpsAddress());
            awaitTrue(() -> server.connector.metrics().tlsHandshaking() == 1);
            try (Socket b = new Socket()) {
                b.connect(server.connector.httpsAddress());
                b.setSoTimeout(30_000);
                assertEquals(-1, b.getInputStream().read());
                Refusal r = next();
                assertEquals(Refusal.Reason.TLS_HANDSHAKE_LIMIT, r.reason());
                assertEquals("maxHandshakes=1", r.limit());
                assertEquals(b.getLocalPort(), r.client().getPort());
            }
        }
        // the first connection closed without sending a byte: counted as failed, but a probe, not logged
        awaitTrue(() -> server.connector.metrics().tlsHandshakesFailed() == 1);
        assertTrue(refused.isEmpty(), refused.toString());
    }

    @Test
    void completedHandshakesAreCountedByProtocolAndCipherAndResumptionsApart() throws Exception {
        server.start(server.tls().build(), Limits.DEFAULTS, OK);
        SSLContext client = TestPki.clientContext(null, server.defaultCert, server.apiCert);
        for (String protocol : new String[] {"TLSv1.2", "TLSv1.3"}) {
            for (int i = 0; i < 2; i++) { // the second connection resumes the first one's session
                try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("localhost",
                        server.connector.httpsAddress().getPort())) {
                    s.setEnabledProtocols(new String[] {protocol});
                    s.setSoTimeout(30_000);
                    assertEquals("ok", new RawClient(s).send(RawClient.get("/")).read().body());
                }
            }
        }
        ConnectorMetrics m = server.connector.metrics();
        assertEquals(4, m.tlsHandshakesCompleted());
        assertEquals(2, m.tlsSessionsResumed());
        assertEquals(Map.of("TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", 2L,
                "TLSv1.3 TLS_AES_128_GCM_SHA256", 2L), m.tlsNegotiated());
        assertTrue(refused.isEmpty(), refused.toString());
        assertFalse(m.toString().isEmpty());
    }
}
