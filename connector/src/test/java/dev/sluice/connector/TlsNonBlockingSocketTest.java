package dev.sluice.connector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Handler;
import dev.sluice.core.IoCallback;
import dev.sluice.core.NonBlockingInput;
import dev.sluice.core.NonBlockingOutput;
import dev.sluice.core.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Non-blocking reads and writes of a suspended exchange over TLS: decrypted bytes the socket will not signal
 * again must still wake a read wait, and records the socket did not take must still be sent.
 */
class TlsNonBlockingSocketTest {
    @TempDir
    static Path dir;
    static Path store;
    static X509Certificate cert;
    HttpConnector connector;

    @BeforeAll
    static void certificate() throws Exception {
        TestPki pki = new TestPki(dir);
        store = pki.server("server", "localhost", "localhost");
        cert = pki.certificate(store);
    }

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
    }

    /** Reads the content without blocking, then writes it back eight times without blocking. */
    private static final Handler ECHO_TIMES_EIGHT = (req, res) -> {
        res.suspend();
        NonBlockingInput in = req.nonBlockingBody();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        in.awaitReadable(new IoCallback() {
            @Override
            public void onReady() {
                byte[] buf = new byte[1000];
                try {
                    while (in.isReady()) {
                        int n = in.read(buf, 0, buf.length);
                        if (n < 0) {
                            writeBack(res, got.toByteArray());
                            return;
                        }
                        got.write(buf, 0, n);
                    }
                    in.awaitReadable(this);
                } catch (IOException e) {
                    onError(e);
                }
            }

            @Override
            public void onError(Throwable failure) {
                res.setStatus(Status.INTERNAL_SERVER_ERROR);
                res.complete();
            }
        });
    };

    private static void writeBack(dev.sluice.core.Response res, byte[] content) {
        res.headers().set("Content-Length", Integer.toString(content.length * 8));
        NonBlockingOutput out = res.nonBlockingBody();
        OutputStream body = res.body();
        out.awaitWritable(new IoCallback() {
            private int sent;

            @Override
            public void onReady() {
                try {
                    while (out.isReady()) {
                        if (sent == 8) {
                            res.complete();
                            return;
                        }
                        body.write(content);
                        sent++;
                    }
                    out.awaitWritable(this);
                } catch (IOException e) {
                    onError(e);
                }
            }

            @Override
            public void onError(Throwable failure) {
                res.complete();
            }
        });
    }

    @Test
    void upgradedConnectionEchoesOverTlsIncludingBytesDecryptedWithTheHead() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        connector = HttpConnector.builder().host("127.0.0.1").port(0)
                .https(0, TlsConfig.builder(TlsCertificate.pkcs12(store, TestPki.PASSWORD)).build())
                .handler((req, res) -> {
                    res.setStatus(Status.SWITCHING_PROTOCOLS);
                    res.upgrade(conn -> UpgradeEcho.start(conn, closed));
                }).build();
        connector.start();
        try (SSLSocket s = (SSLSocket) TestPki.clientContext(null, cert).getSocketFactory()
                .createSocket("localhost", connector.httpsAddress().getPort())) {
            s.setSoTimeout(30_000);
            RawClient c = new RawClient(s);
            // the new protocol's first bytes travel in the same TLS record as the request head
            c.send("GET /ws HTTP/1.1\r\nHost: t\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\nping");
            assertEquals("HTTP/1.1 101 Switching Protocols", c.read().statusLine());
            assertEquals("ping", c.readExactly(4));
            String big = "x".repeat(100_000); // several records each way
            c.send(big);
            assertEquals(big, c.readExactly(big.length()));
        }
        assertTrue(closed.await(30, TimeUnit.SECONDS), "onClose after the client closed");
    }

    @Test
    void suspendedExchangeReadsAndWritesWithoutBlockingOverTls() throws Exception {
        connector = HttpConnector.builder().host("127.0.0.1").port(0)
                .https(0, TlsConfig.builder(TlsCertificate.pkcs12(store, TestPki.PASSWORD)).build())
                .handler(ECHO_TIMES_EIGHT).build();
        connector.start();
        byte[] content = new byte[300_001];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i % 251);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(TestPki.clientContext(null, cert)).build();
        URI uri = URI.create("https://localhost:" + connector.httpsAddress().getPort() + "/echo");
        for (int round = 0; round < 3; round++) { // keep-alive after each suspended exchange
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(uri)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(content)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, r.statusCode());
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            for (int i = 0; i < 8; i++) {
                expected.write(content);
            }
            assertArrayEquals(expected.toByteArray(), r.body());
        }
        assertEquals(1, connector.metrics().tlsHandshakesCompleted());
    }
}
