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
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS over real sockets, with the JDK's HttpClient and SSLSocket as clients. */
class TlsSocketTest {
    @TempDir
    static Path dir;
    static TestPki pki;
    static Path defaultStore;
    static Path apiStore;
    static X509Certificate defaultCert;
    static X509Certificate apiCert;

    /** Answers with the connection id, request number and the TLS facts the request carries. */
    static final Handler DESCRIBE = (req, res) -> {
        TlsDetails tls = req.tls();
        String text = req.connectionId() + " " + req.requestNumber() + " "
                + (tls == null ? "plain" : tls.protocol() + " " + tls.applicationProtocol() + " " + tls.serverName()
                + " " + tls.keySize() + " peers=" + tls.peerCertificates().size());
        res.body().write(text.getBytes(StandardCharsets.UTF_8));
    };

    HttpConnector connector;
    MutableClock clock = new MutableClock();

    @BeforeAll
    static void certificates() throws Exception {
        pki = new TestPki(dir);
        defaultStore = pki.server("default", "default.test", "localhost");
        apiStore = pki.server("api", "api.test", "api.test", "*.api.test");
        defaultCert = pki.certificate(defaultStore);
        apiCert = pki.certificate(apiStore);
    }

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
    }

    private void start(TlsConfig tls, Limits limits, Handler handler) throws IOException {
        connector = HttpConnector.builder().host("127.0.0.1").port(0).https(0, tls).limits(limits).clock(clock)
                .handler(handler).build();
        connector.start();
    }

    private static TlsConfig.Builder tls() {
        return TlsConfig.builder(TlsCertificate.pkcs12(defaultStore, TestPki.PASSWORD))
                .certificate("api.test", TlsCertificate.pkcs12(apiStore, TestPki.PASSWORD))
                .certificate("*.api.test", TlsCertificate.pkcs12(apiStore, TestPki.PASSWORD));
    }

    private URI uri(String path) {
        return URI.create("https://localhost:" + connector.httpsAddress().getPort() + path);
    }

    private static HttpClient client() throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(TestPki.clientContext(null, defaultCert, apiCert)).build();
    }

    private SSLSocket socket(String sniHost, String... alpn) throws Exception {
        SSLSocket s = (SSLSocket) TestPki.clientContext(null, defaultCert, apiCert).getSocketFactory()
                .createSocket("127.0.0.1", connector.httpsAddress().getPort());
        SSLParameters p = s.getSSLParameters();
        p.setServerNames(sniHost == null ? List.of() : List.of(new SNIHostName(sniHost)));
        if (alpn.length > 0) {
            p.setApplicationProtocols(alpn);
        }
        s.setSSLParameters(p);
        s.setSoTimeout(30_000);
        return s;
    }

    @Test
    void httpClientKeepsOneTlsConnectionForTwoRequests() throws Exception {
        start(tls().build(), Limits.DEFAULTS, DESCRIBE);
        HttpClient client = HttpClient.newBuilder() // offers h2 and http/1.1 by ALPN, goes on with what is chosen
                .sslContext(TestPki.clientContext(null, defaultCert, apiCert)).build();
        HttpResponse<String> first = client.send(HttpRequest.newBuilder(uri("/a")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> second = client.send(HttpRequest.newBuilder(uri("/b")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, first.statusCode());
        String[] a = first.body().split(" ");
        String[] b = second.body().split(" ");
        assertEquals(a[0], b[0], "same connection");
        assertEquals("1", a[1]);
        assertEquals("2", b[1]);
        assertEquals("TLSv1.3", a[2]);
        assertEquals("http/1.1", a[3]); // the JDK client offers ALPN
        assertEquals("localhost", a[4]);
        assertEquals(1, connector.metrics().tlsHandshakesCompleted());
        assertEquals(0, connector.metrics().tlsHandshaking());
    }

    @Test
    void plainHttpPortStillServesBesideHttps() throws Exception {
        start(tls().build(), Limits.DEFAULTS, DESCRIBE);
        try (RawClient c = new RawClient(connector.localAddress())) {
            RawClient.Response r = c.send(RawClient.get("/")).read();
            assertEquals(200, r.status());
            assertTrue(r.body().endsWith(" 1 plain"), r.body());
        }
    }

    @Test
    void pipelinedRequestsOverTlsAreAnsweredInOrder() throws Exception {
        start(tls().build(), Limits.DEFAULTS, (req, res) ->
                res.body().write(req.head().target().getBytes(StandardCharsets.UTF_8)));
        try (SSLSocket s = socket("localhost"); RawClient c = new RawClient(s)) {
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
        start(tls().build(), Limits.DEFAULTS, (req, res) -> {
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
        HttpClient client = client();
        HttpResponse<byte[]> down = client.send(HttpRequest.newBuilder(uri("/big")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(big, down.body());
        HttpResponse<String> up = client.send(HttpRequest.newBuilder(uri("/up"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(hex(MessageDigest.getInstance("SHA-256").digest(big)), up.body());
    }

    @Test
    void overloadAnswers503OverTls() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        start(tls().build(), Limits.builder().maxThreads(1).acceptQueue(1).retryAfterSeconds(7).build(),
                (req, res) -> {
                    running.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    res.body().write("done".getBytes(StandardCharsets.UTF_8));
                });
        try (SSLSocket s1 = socket("localhost"); RawClient busy = new RawClient(s1);
             SSLSocket s2 = socket("localhost"); RawClient queued = new RawClient(s2);
             SSLSocket s3 = socket("localhost"); RawClient shed = new RawClient(s3)) {
            busy.send(RawClient.get("/1"));
            assertTrue(running.await(30, TimeUnit.SECONDS));
            queued.send(RawClient.get("/2"));
            awaitTrue(() -> connector.metrics().queueDepth() == 1);
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
        start(tls().build(), Limits.builder().maxThreads(1).acceptQueue(2).build(), (req, res) -> {
            if (req.head().target().equals("/hold")) {
                running.countDown();
                release.await(30, TimeUnit.SECONDS);
            }
            res.body().write(("got " + new String(req.body().readAllBytes(), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8));
        });
        try (SSLSocket s1 = socket("localhost"); RawClient busy = new RawClient(s1);
             SSLSocket s2 = socket("localhost"); RawClient queued = new RawClient(s2)) {
            busy.send(RawClient.get("/hold"));
            assertTrue(running.await(30, TimeUnit.SECONDS));
            queued.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 11\r\n\r\n");
            awaitTrue(() -> connector.metrics().queueDepth() == 1);
            long before = connector.metrics().bytesIn();
            queued.send("hello world"); // read by the selector while the request waits (QueuedReads), decrypted
            awaitTrue(() -> connector.metrics().bytesIn() == before + 11);
            try (SSLSocket s3 = socket("localhost")) {
                RawClient gone = new RawClient(s3);
                gone.send(RawClient.get("/gone"));
                awaitTrue(() -> connector.metrics().queueDepth() == 2);
            } // closed while queued: close_notify, then FIN
            awaitTrue(() -> connector.metrics().abandonedInQueue() == 1 && connector.metrics().queueDepth() == 1);
            release.countDown();
            assertEquals("got ", busy.read().body());
            assertEquals("got hello world", queued.read().body());
        }
    }

    @Test
    void sniPicksTheCertificateOfTheNamedHostElseTheDefault() throws Exception {
        start(tls().build(), Limits.DEFAULTS, DESCRIBE);
        assertEquals(apiCert, served("api.test"));
        assertEquals(apiCert, served("v2.api.test"));
        assertEquals(defaultCert, served("localhost"));
        assertEquals(defaultCert, served("other.test"));
        assertEquals(defaultCert, served("a.b.api.test")); // a wildcard matches one label only (RFC 6125 6.4.3)
        assertEquals(defaultCert, served(null));
    }

    @Test
    void anRsaCertificateServesTls13AndTls12WithPemKeyInPkcs1() throws Exception {
        Path rsa = pki.rsaServer("rsa", "localhost");
        X509Certificate rsaCert = pki.certificate(rsa);
        Path[] pem = pki.toPem(rsa, "rsa");
        // the same key as PKCS#1 ("BEGIN RSA PRIVATE KEY"), as older OpenSSL writes it
        java.security.PrivateKey key = (java.security.PrivateKey) TestPki.load(rsa)
                .getKey("server", TestPki.PASSWORD.toCharArray());
        byte[] pkcs1 = pkcs1Of(key.getEncoded());
        Files.writeString(pem[1], "-----BEGIN RSA PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs1)
                + "\n-----END RSA PRIVATE KEY-----\n");
        start(TlsConfig.builder(TlsCertificate.pem(pem[0], pem[1], null)).build(), Limits.DEFAULTS, DESCRIBE);
        SSLContext client = TestPki.clientContext(null, rsaCert);
        for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
            try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("localhost",
                    connector.httpsAddress().getPort())) {
                s.setEnabledProtocols(new String[] {protocol});
                s.setSoTimeout(30_000);
                RawClient.Response r = new RawClient(s).send(RawClient.get("/")).read();
                assertTrue(r.body().contains(protocol), r.body());
                assertEquals(rsaCert, s.getSession().getPeerCertificates()[0]);
                if (protocol.equals("TLSv1.2")) {
                    assertTrue(s.getSession().getCipherSuite().startsWith("TLS_ECDHE_RSA_WITH_AES_128_GCM"),
                            s.getSession().getCipherSuite());
                }
            }
        }
    }

    /** The RSAPrivateKey inside a PKCS#8 PrivateKeyInfo: the last element, an OCTET STRING (RFC 5208). */
    private static byte[] pkcs1Of(byte[] pkcs8) {
        int i = pkcs8.length;
        // PrivateKeyInfo = SEQUENCE { INTEGER 0, AlgorithmIdentifier (15 bytes for RSA), OCTET STRING key }
        int p = 1 + lengthBytes(pkcs8, 1) + 3 + 15; // at the OCTET STRING's tag
        int len = lengthValue(pkcs8, p + 1);
        int start = p + 1 + lengthBytes(pkcs8, p + 1);
        assertEquals(i, start + len, "an RSA PrivateKeyInfo without attributes");
        return java.util.Arrays.copyOfRange(pkcs8, start, start + len);
    }

    private static int lengthBytes(byte[] der, int at) {
        return (der[at] & 0x80) == 0 ? 1 : 1 + (der[at] & 0x7f);
    }

    private static int lengthValue(byte[] der, int at) {
        if ((der[at] & 0x80) == 0) {
            return der[at];
        }
        int v = 0;
        for (int k = 1; k <= (der[at] & 0x7f); k++) {
            v = (v << 8) | (der[at + k] & 0xff);
        }
        return v;
    }

    private X509Certificate served(String host) throws Exception {
        try (SSLSocket s = socket(host)) {
            s.startHandshake();
            return (X509Certificate) s.getSession().getPeerCertificates()[0];
        }
    }

    @Test
    void aSecondConnectionResumesTheSession() throws Exception {
        start(tls().build(), Limits.DEFAULTS, (req, res) ->
                res.body().write(req.tls().sessionId().getBytes(StandardCharsets.UTF_8)));
        SSLContext client = TestPki.clientContext(null, defaultCert, apiCert);
        for (String protocol : new String[] {"TLSv1.2", "TLSv1.3"}) {
            String[] ids = new String[2];
            long[] created = new long[2];
            for (int i = 0; i < 2; i++) {
                try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("localhost",
                        connector.httpsAddress().getPort())) {
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
    void alpnChoosesHttp11AndRefusesAClientThatOffersOnlyUnknownProtocols() throws Exception {
        start(tls().build(), Limits.DEFAULTS, DESCRIBE);
        try (SSLSocket s = socket("localhost", "h2", "http/1.1")) {
            s.startHandshake();
            assertEquals("http/1.1", s.getApplicationProtocol());
        }
        try (SSLSocket s = socket("localhost", "h2")) {
            SSLHandshakeException e = assertThrows(SSLHandshakeException.class, s::startHandshake);
            assertTrue(e.getMessage().contains("no_application_protocol"), e.getMessage()); // RFC 7301 section 3.2
        }
        try (SSLSocket s = socket("localhost")) {
            s.startHandshake();
            assertEquals("", s.getApplicationProtocol()); // no ALPN offered: none chosen, HTTP/1.1 spoken
        }
    }

    @Test
    void pemCertificateIsReloadedWhenItsFilesChange() throws Exception {
        Path[] pem = pki.toPem(defaultStore, "reload");
        Path[] other = pki.toPem(apiStore, "other");
        TlsConfig config = TlsConfig.builder(TlsCertificate.pem(pem[0], pem[1], null))
                .reloadInterval(Duration.ZERO).build();
        start(config, Limits.DEFAULTS, DESCRIBE);
        assertEquals(defaultCert, served("localhost"));
        Files.copy(other[0], pem[0], java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(other[1], pem[1], java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        FileTime later = FileTime.from(Instant.now().plusSeconds(60));
        Files.setLastModifiedTime(pem[0], later);
        Files.setLastModifiedTime(pem[1], later);
        assertEquals(apiCert, served("localhost"));
    }

    @Test
    void slowHandshakeIsClosedAtTheHandshakeTimeout() throws Exception {
        start(tls().handshakeTimeout(Duration.ofSeconds(10)).build(), Limits.DEFAULTS, DESCRIBE);
        try (Socket s = new Socket()) {
            s.connect(connector.httpsAddress());
            s.setSoTimeout(30_000);
            s.getOutputStream().write(new byte[] {22, 3, 1}); // the start of a ClientHello, then nothing
            awaitTrue(() -> connector.metrics().tlsHandshaking() == 1);
            clock.advance(Duration.ofSeconds(11));
            assertEquals(-1, s.getInputStream().read());
        }
        assertEquals(1, connector.metrics().tlsHandshakeTimeouts());
        awaitTrue(() -> connector.metrics().tlsHandshaking() == 0 && connector.metrics().openConnections() == 0);
    }

    @Test
    void handshakesBeyondTheBoundAreClosedAtAccept() throws Exception {
        start(tls().maxHandshakes(2).build(), Limits.DEFAULTS, DESCRIBE);
        try (Socket a = new Socket(); Socket b = new Socket()) {
            a.connect(connector.httpsAddress());
            b.connect(connector.httpsAddress());
            awaitTrue(() -> connector.metrics().tlsHandshaking() == 2);
            try (Socket c = new Socket()) {
                c.connect(connector.httpsAddress());
                c.setSoTimeout(30_000);
                assertEquals(-1, c.getInputStream().read());
            }
            assertEquals(1, connector.metrics().tlsHandshakesRefused());
        }
        awaitTrue(() -> connector.metrics().tlsHandshaking() == 0);
        HttpResponse<String> r = client().send(HttpRequest.newBuilder(uri("/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
    }

    @Test
    void plainHttpOnTheHttpsPortGetsAPlain400AndIsClosed() throws Exception {
        start(tls().build(), Limits.DEFAULTS, DESCRIBE);
        try (Socket s = new Socket()) {
            s.connect(connector.httpsAddress());
            s.setSoTimeout(30_000);
            RawClient c = new RawClient(s);
            RawClient.Response r = c.send(RawClient.get("/")).read();
            assertEquals("HTTP/1.1 400 Bad Request", r.statusLine());
            assertTrue(r.body().contains("Plain HTTP request was sent to the HTTPS port"), r.body());
            assertTrue(c.atEof());
        }
        assertEquals(1, connector.metrics().tlsPlaintextRefused());
    }

    @Test
    void tls12RenegotiationIsRefusedByClosing() throws Exception {
        start(tls().build(), Limits.DEFAULTS, DESCRIBE);
        try (SSLSocket s = socket("localhost")) {
            s.setEnabledProtocols(new String[] {"TLSv1.2"});
            RawClient c = new RawClient(s);
            RawClient.Response r = c.send(RawClient.get("/")).read();
            assertTrue(r.body().contains("TLSv1.2"), r.body());
            s.startHandshake(); // asks for a new handshake on the established connection
            assertThrows(IOException.class, () -> c.send(RawClient.get("/")).read());
        }
    }

    @Test
    void clientCertificateRequiredIsCheckedAndReachesTheRequest() throws Exception {
        Path caDir = Files.createDirectories(dir.resolve("clientca"));
        TestPki cas = new TestPki(caDir);
        cas.clientCa("Alice");
        start(tls().clientAuth(TlsConfig.ClientAuth.NEED).trustedCertificates(caDir.resolve("ca.pem")).build(),
                Limits.DEFAULTS, (req, res) -> res.body().write(req.tls().peerCertificates().get(0)
                        .getSubjectX500Principal().getName().getBytes(StandardCharsets.UTF_8)));
        SSLContext withCert = TestPki.clientContext(caDir.resolve("client.p12"), defaultCert);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(withCert).build();
        assertEquals("CN=Alice", client.send(HttpRequest.newBuilder(uri("/")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThrows(IOException.class, () -> client().send(HttpRequest.newBuilder(uri("/")).build(),
                HttpResponse.BodyHandlers.ofString()));
        // the JDK client tries twice; each refused handshake is counted
        awaitTrue(() -> connector.metrics().tlsHandshakesFailed() > 0);
    }

    @Test
    void clientCaFileIsReloadedWhenItChanges() throws Exception {
        Path first = Files.createDirectories(dir.resolve("ca-first"));
        Path second = Files.createDirectories(dir.resolve("ca-second"));
        new TestPki(first).clientCa("Carol");
        new TestPki(second).clientCa("Dave");
        Path trusted = dir.resolve("trusted-cas.pem");
        Files.copy(first.resolve("ca.pem"), trusted);
        start(tls().clientAuth(TlsConfig.ClientAuth.NEED).trustedCertificates(trusted).reloadInterval(Duration.ZERO)
                .build(), Limits.DEFAULTS, (req, res) -> res.body().write(req.tls().peerCertificates().get(0)
                        .getSubjectX500Principal().getName().getBytes(StandardCharsets.UTF_8)));
        assertEquals("CN=Carol", as(first));
        assertThrows(IOException.class, () -> as(second));
        Files.copy(second.resolve("ca.pem"), trusted, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(trusted, FileTime.from(Instant.now().plusSeconds(60)));
        assertEquals("CN=Dave", as(second));
        assertThrows(IOException.class, () -> as(first));
    }

    /** A GET with a fresh client (no session to resume) presenting the client certificate made in {@code pki}. */
    private String as(Path pki) throws Exception {
        SSLContext ctx = TestPki.clientContext(pki.resolve("client.p12"), defaultCert);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ctx).build()
                .send(HttpRequest.newBuilder(uri("/")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void plainConnectionsCarryNoTlsDetails() throws Exception {
        connector = HttpConnector.builder().host("127.0.0.1").port(0).handler(DESCRIBE).build();
        connector.start();
        assertNull(connector.httpsAddress());
    }

    static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }

    static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
