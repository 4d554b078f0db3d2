package dev.sluice.connector;

import static dev.sluice.connector.ConnectorSocketTest.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Limits;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS certificates over real sockets: SNI, RSA and PEM keys, reload of certificate and CA files, client
 * certificates.
 */
class TlsCertificateSocketTest {
    @TempDir
    static Path dir;
    static TlsServer server;

    @BeforeAll
    static void certificates() throws Exception {
        server = new TlsServer(dir);
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void sniPicksTheCertificateOfTheNamedHostElseTheDefault() throws Exception {
        server.start(server.tls().build(), Limits.DEFAULTS, TlsSocketTest.DESCRIBE);
        assertEquals(server.apiCert, server.served("api.test"));
        assertEquals(server.apiCert, server.served("v2.api.test"));
        assertEquals(server.defaultCert, server.served("localhost"));
        assertEquals(server.defaultCert, server.served("other.test"));
        assertEquals(server.defaultCert, server.served("a.b.api.test")); // a wildcard matches one label only (RFC 6125 6.4.3)
        assertEquals(server.defaultCert, server.served(null));
    }

    @Test
    void anRsaCertificateServesTls13AndTls12WithPemKeyInPkcs1() throws Exception {
        Path rsa = server.pki.rsaServer("rsa", "localhost");
        X509Certificate rsaCert = server.pki.certificate(rsa);
        Path[] pem = server.pki.toPem(rsa, "rsa");
        // the same key as PKCS#1 ("BEGIN RSA PRIVATE KEY"), as older OpenSSL writes it
        java.security.PrivateKey key = (java.security.PrivateKey) TestPki.load(rsa)
                .getKey("server", TestPki.PASSWORD.toCharArray());
        byte[] pkcs1 = pkcs1Of(key.getEncoded());
        Files.writeString(pem[1], "-----BEGIN RSA PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pkcs1)
                + "\n-----END RSA PRIVATE KEY-----\n");
        server.start(TlsConfig.builder(TlsCertificate.pem(pem[0], pem[1], null)).build(), Limits.DEFAULTS, TlsSocketTest.DESCRIBE);
        SSLContext client = TestPki.clientContext(null, rsaCert);
        for (String protocol : new String[] {"TLSv1.3", "TLSv1.2"}) {
            try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("localhost",
                    server.connector.httpsAddress().getPort())) {
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

    @Test
    void pemCertificateIsReloadedWhenItsFilesChange() throws Exception {
        Path[] pem = server.pki.toPem(server.defaultStore, "reload");
        Path[] other = server.pki.toPem(server.apiStore, "other");
        TlsConfig config = TlsConfig.builder(TlsCertificate.pem(pem[0], pem[1], null))
                .reloadInterval(Duration.ZERO).build();
        server.start(config, Limits.DEFAULTS, TlsSocketTest.DESCRIBE);
        assertEquals(server.defaultCert, server.served("localhost"));
        Files.copy(other[0], pem[0], java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(other[1], pem[1], java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        FileTime later = FileTime.from(Instant.now().plusSeconds(60));
        Files.setLastModifiedTime(pem[0], later);
        Files.setLastModifiedTime(pem[1], later);
        assertEquals(server.apiCert, server.served("localhost"));
    }

    @Test
    void clientCertificateRequiredIsCheckedAndReachesTheRequest() throws Exception {
        Path caDir = Files.createDirectories(dir.resolve("clientca"));
        TestPki cas = new TestPki(caDir);
        cas.clientCa("Alice");
        server.start(server.tls().clientAuth(TlsConfig.ClientAuth.NEED).trustedCertificates(caDir.resolve("ca.pem")).build(),
                Limits.DEFAULTS, (req, res) -> res.body().write(req.tls().peerCertificates().get(0)
                        .getSubjectX500Principal().getName().getBytes(StandardCharsets.UTF_8)));
        SSLContext withCert = TestPki.clientContext(caDir.resolve("client.p12"), server.defaultCert);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(withCert).build();
        assertEquals("CN=Alice", client.send(HttpRequest.newBuilder(server.uri("/")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThrows(IOException.class, () -> server.client().send(HttpRequest.newBuilder(server.uri("/")).build(),
                HttpResponse.BodyHandlers.ofString()));
        // the JDK client tries twice; each refused handshake is counted
        awaitTrue(() -> server.connector.metrics().tlsHandshakesFailed() > 0);
    }

    @Test
    void clientCaFileIsReloadedWhenItChanges() throws Exception {
        Path first = Files.createDirectories(dir.resolve("ca-first"));
        Path second = Files.createDirectories(dir.resolve("ca-second"));
        new TestPki(first).clientCa("Carol");
        new TestPki(second).clientCa("Dave");
        Path trusted = dir.resolve("trusted-cas.pem");
        Files.copy(first.resolve("ca.pem"), trusted);
        server.start(server.tls().clientAuth(TlsConfig.ClientAuth.NEED).trustedCertificates(trusted).reloadInterval(Duration.ZERO)
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
        SSLContext ctx = TestPki.clientContext(pki.resolve("client.p12"), server.defaultCert);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(ctx).build()
                .send(HttpRequest.newBuilder(server.uri("/")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
