package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.TlsCertificate;
import dev.sluice.connector.TlsConfig;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.TabularData;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded server with HTTPS: a webapp whose pages need CONFIDENTIAL transport is redirected from the HTTP port
 * to the HTTPS one the connector bound (port 0: known only after start), and served there with HSTS.
 */
class SluiceServerHttpsTest {
    @TempDir
    Path dir;

    @Test
    void confidentialPagesRedirectToTheBoundHttpsPortAndAreServedThere() throws Exception {
        Path store = dir.resolve("tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "s", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit").redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0);
        Path app = Files.createDirectories(dir.resolve("webapps/app/WEB-INF"));
        Files.writeString(app.resolve("web.xml"), """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1">
                  <security-constraint>
                    <web-resource-collection><web-resource-name>all</web-resource-name>
                      <url-pattern>/*</url-pattern></web-resource-collection>
                    <user-data-constraint><transport-guarantee>CONFIDENTIAL</transport-guarantee></user-data-constraint>
                  </security-constraint>
                </web-app>
                """);
        Files.writeString(app.resolveSibling("index.html"), "over https only\n");
        try (SluiceServer server = SluiceServer.builder().host("127.0.0.1").port(0).webapps(dir.resolve("webapps"))
                .https(0, TlsConfig.builder(TlsCertificate.pkcs12(store, "changeit")).build()).hsts(600)
                .workDir(dir.resolve("work")).start()) {
            int https = server.httpsAddress().getPort();
            HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + server.localAddress().getPort() + "/app/index.html")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(302, plain.statusCode());
            assertEquals(Optional.of("https://localhost:" + https + "/app/index.html"),
                    plain.headers().firstValue("Location"));
            assertEquals(Optional.empty(), plain.headers().firstValue("Strict-Transport-Security"));

            HttpClient client = HttpClient.newBuilder().sslContext(trusting(store))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<String> followed = client.send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + server.localAddress().getPort() + "/app/index.html")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, followed.statusCode());
            assertEquals("over https only\n", followed.body());
            assertEquals("https", followed.uri().getScheme());
            assertEquals(Optional.of("max-age=600"), followed.headers().firstValue("Strict-Transport-Security"));
        }
    }

    @Test
    void tlsRefusalsReachTheHttpErrLogAndHandshakeFiguresReachJmx() throws Exception {
        Path store = keyStore();
        Path logs = Files.createDirectories(dir.resolve("logs"));
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        SluiceServer server = SluiceServer.builder().host("127.0.0.1").port(0).accessLog(logs, null)
                .https(0, TlsConfig.builder(TlsCertificate.pkcs12(store, "changeit")).build())
                .workDir(dir.resolve("work")).start();
        try {
            try (Socket s = new Socket("127.0.0.1", server.httpsAddress().getPort())) {
                s.setSoTimeout(30_000);
                s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertTrue(answer.startsWith("HTTP/1.1 400 Bad Request\r\n"), answer);
            }
            SSLContext client = trusting(store);
            for (int i = 0; i < 2; i++) { // the second connection resumes the first one's TLS 1.3 session
                try (SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket("localhost",
                        server.httpsAddress().getPort())) {
                    s.setSoTimeout(30_000);
                    s.getOutputStream().write("GET /sluice/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    s.getInputStream().readAllBytes();
                }
            }
            MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName("dev.sluice:type=Server");
            TabularData handshakes = (TabularData) jmx.getAttribute(name, "TlsHandshakes");
            assertEquals(2L, handshakes.get(new Object[] {"completed"}).get("value"));
            assertEquals(1L, handshakes.get(new Object[] {"resumed"}).get("value"));
            assertEquals(1L, handshakes.get(new Object[] {"plaintext_refused"}).get("value"));
            TabularData negotiated = (TabularData) jmx.getAttribute(name, "TlsNegotiated");
            assertEquals(2L, negotiated.get(new Object[] {"TLSv1.3 TLS_AES_128_GCM_SHA256"}).get("value"));
        } finally {
            server.close(); // writes what is queued
        }
        Path file = logs.resolve("httperr." + day + ".log");
        if (!Files.exists(file)) { // the test straddled midnight UTC
            file = logs.resolve("httperr." + day.plusDays(1) + ".log");
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(3).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} 127\\.0\\.0\\.1 \\d+ 400 "
                + "TLS_PLAINTEXT - Plain\\+HTTP\\+request\\+was\\+sent\\+to\\+the\\+HTTPS\\+port"), lines.get(3));
    }

    private Path keyStore() throws Exception {
        Path store = dir.resolve("tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "s", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost", "-validity", "2", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit").redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0);
        return store;
    }

    private static SSLContext trusting(Path store) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("s", keys.getCertificate("s"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
