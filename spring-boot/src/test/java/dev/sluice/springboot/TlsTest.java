package dev.sluice.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.springboot.demo.DemoApplication;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code server.ssl.*}: the application is served over HTTPS on server.port, with no plain HTTP port. */
class TlsTest {
    @TempDir
    static Path dir;
    static Path store;

    @BeforeAll
    static void certificate() throws Exception {
        store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "san=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "secret1")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0 || !Files.exists(store)) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    @Test
    void servesHttpsWithTheKeyStoreOfServerSsl() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(DemoApplication.class).properties(
                "server.port=0", "server.address=127.0.0.1",
                "server.ssl.key-store=file:" + store, "server.ssl.key-store-password=secret1",
                "server.ssl.key-store-type=PKCS12", "server.ssl.key-alias=server").run();
        try {
            SluiceWebServer server = (SluiceWebServer) ((WebServerApplicationContext) app).getWebServer();
            int port = server.getPort();
            assertEquals(port, server.getConnector().httpsAddress().getPort());
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(store)).build();
            HttpResponse<String> res = client.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + port + "/hello")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, res.statusCode());
            assertEquals("Hello from Sluice", res.body());
            IllegalStateException noHttp = assertThrows(IllegalStateException.class,
                    () -> server.getConnector().localAddress());
            assertEquals("No HTTP listener (HTTPS only)", noHttp.getMessage());
        } finally {
            app.close();
        }
    }

    private static SSLContext trusting(Path p12) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, "secret1".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
