package dev.sluice.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS with curl (OpenSSL or GnuTLS underneath, not the JDK) trusting the test certificate through
 * {@code --cacert}. Skipped where curl is not installed, except in CI ({@code CI=true}), which installs it.
 */
class TlsCurlTest {
    @TempDir
    static Path dir;
    static Path caFile;
    static Path store;
    HttpConnector connector;

    @BeforeAll
    static void certificate() throws Exception {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/curl"));
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(installed, "curl is not installed (apt-get install curl)");
        }
        org.junit.jupiter.api.Assertions.assertTrue(installed, "CI must install curl");
        TestPki pki = new TestPki(dir);
        store = pki.server("server", "localhost", "localhost");
        caFile = pki.toPem(store, "server")[0];
    }

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
    }

    @Test
    void curlFetchesTwoUrlsOverOneVerifiedConnection() throws Exception {
        connector = HttpConnector.builder().host("127.0.0.1").port(0)
                .https(0, TlsConfig.builder(TlsCertificate.pkcs12(store, TestPki.PASSWORD)).build())
                .handler(TlsSocketTest.DESCRIBE).build();
        connector.start();
        String base = "https://localhost:" + connector.httpsAddress().getPort();
        String out = curl("--http1.1", "--cacert", caFile.toString(), "-w", "|%{http_code}|%{http_version}\\n",
                base + "/a", base + "/b");
        String[] lines = out.trim().split("\n");
        assertEquals(2, lines.length, out);
        String[] a = lines[0].split("\\|");
        String[] b = lines[1].split("\\|");
        assertEquals("200", a[1]);
        assertEquals("1.1", a[2]);
        String[] first = a[0].split(" ");
        String[] second = b[0].split(" ");
        assertEquals(first[0], second[0], "one connection: " + out);
        assertEquals("2", second[1]);
        assertTrue(first[2].startsWith("TLSv1."), out);
        assertEquals("http/1.1", first[3], "curl offers ALPN");
        assertEquals("localhost", first[4]);
    }

    @Test
    void curlWithoutTheCaRefusesTheSelfSignedCertificate() throws Exception {
        connector = HttpConnector.builder().host("127.0.0.1").port(0)
                .https(0, TlsConfig.builder(TlsCertificate.pkcs12(store, TestPki.PASSWORD)).build())
                .handler(TlsSocketTest.DESCRIBE).build();
        connector.start();
        Process p = new ProcessBuilder("curl", "-sS", "--http1.1",
                "https://localhost:" + connector.httpsAddress().getPort() + "/").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(60, p.exitValue(), "curl exit 60: peer certificate cannot be authenticated; " + out);
    }

    private static String curl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "30"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
