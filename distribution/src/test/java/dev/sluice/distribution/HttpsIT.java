package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS as a person sets it up: {@code bin/sluice cert localhost} writes a development certificate, {@code bin/sluice
 * run --httpsPort} serves the samples over it, clients trusting the printed certificate file get them.
 */
class HttpsIT {
    private static final Path SLUICE = Paths.get("target/sluice/bin/sluice").toAbsolutePath();
    private static final Pattern READY = Pattern.compile(
            "^Sluice listening on (http://[^ ]+:\\d+) and https://[^ ]+:(\\d+)$");

    @TempDir
    Path dir;

    @Test
    void certThenRunServesTheSamplesOverHttpsWithHsts() throws Exception {
        Path store = dir.resolve("tls.p12");
        Process cert = new ProcessBuilder(SLUICE.toString(), "cert", "--keyStore", store.toString(), "localhost",
                "127.0.0.1").redirectErrorStream(true).start();
        String printed = new String(cert.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(cert.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, cert.exitValue(), printed);
        Path crt = dir.resolve("tls.crt");
        assertTrue(printed.contains("curl --cacert " + crt), printed);

        Process server = new ProcessBuilder(SLUICE.toString(), "run", "--port", "0", "--host", "127.0.0.1",
                "--httpsPort", "0", "--tlsKeyStore", store.toString(), "--hstsMaxAge", "1d", "--hotDeploy", "false")
                .redirectErrorStream(true).start();
        try {
            Matcher ready = awaitReady(server);
            String https = "https://localhost:" + ready.group(2);
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(crt))
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> hello = client.send(HttpRequest.newBuilder(URI.create(https + "/hello/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, hello.statusCode());
            // ALPN chooses h2 for the JDK client (and for curl below): HTTP/2 is on by default over HTTPS
            assertEquals("Hello from Sluice\nmethod: GET\npath: /hello/\nprotocol: HTTP/2.0\n", hello.body());
            assertEquals(Optional.of("max-age=86400"), hello.headers().firstValue("Strict-Transport-Security"));

            HttpResponse<String> plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(ready.group(1) + "/hello/")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, plain.statusCode());
            assertEquals(Optional.empty(), plain.headers().firstValue("Strict-Transport-Security"),
                    "RFC 6797 section 7.2: never over plain HTTP");

            // curl where installed (CI installs it: there it must be)
            if (Files.isExecutable(Paths.get("/usr/bin/curl")) || "true".equals(System.getenv("CI"))) {
                Process curl = new ProcessBuilder("curl", "-sS", "--cacert", crt.toString(), https + "/hello/")
                        .redirectErrorStream(true).start();
                String body = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(curl.waitFor(60, TimeUnit.SECONDS));
                assertEquals("Hello from Sluice\nmethod: GET\npath: /hello/\nprotocol: HTTP/2.0\n", body);
            }
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(ready.group(1) + "/sluice/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(metrics.body().contains("sluice_tls_handshakes{state=\"completed\"} "), metrics.body());
        } finally {
            server.destroy();
            server.waitFor(60, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
    }

    private static SSLContext trusting(Path crt) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(crt)) {
            trust.setCertificateEntry("dev", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static Matcher awaitReady(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = READY.matcher(line);
            if (m.matches()) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (java.io.IOException e) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return m;
            }
            seen.append(line).append('\n');
        }
        throw new AssertionError("server ended without its ready line:\n" + seen);
    }
}
