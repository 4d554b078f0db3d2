package dev.sluice.distribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.TlsCertificate;
import dev.sluice.connector.TlsConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The HTTPS settings as the file and flags give them, and {@code sluice cert}. */
class TlsSettingsTest {
    @TempDir
    Path home;

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void httpsIsOffByDefault() {
        assertNull(TlsSettings.config(new Properties(), new Properties(), home));
        assertEquals(-1, TlsSettings.hstsMaxAgeSeconds(new Properties()));
    }

    @Test
    void httpsWithoutACertificateNamesTheFileAndTheCommand() {
        StartupException e = assertThrows(StartupException.class,
                () -> TlsSettings.config(props("httpsPort", "8443"), new Properties(), home));
        assertEquals("httpsPort needs a certificate: " + home.resolve("conf/tls.p12") + " not found (set"
                + " tlsKeyStore, or tlsCertificate and tlsKey; for development 'sluice cert localhost' writes one)",
                e.getMessage());
    }

    @Test
    void badValuesAreOneLineNamingTheSetting() {
        assertEquals("Invalid value for httpsPort: 'x' (0-65535 or off)", assertThrows(StartupException.class,
                () -> TlsSettings.httpsPort(props("httpsPort", "x"))).getMessage());
        assertEquals("Invalid value for hstsMaxAge: '1y' (e.g. 10s, 5m, 365d)", assertThrows(StartupException.class,
                () -> TlsSettings.hstsMaxAgeSeconds(props("hstsMaxAge", "1y"))).getMessage());
        assertEquals(365L * 24 * 3600, TlsSettings.hstsMaxAgeSeconds(props("hstsMaxAge", "365d")));
    }

    @Test
    void certCommandWritesAStoreTheSettingsThenUse() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        CertCommand command = new CertCommand();
        command.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Path store = home.resolve("conf/tls.p12");
        int exit = new CommandLine(command).execute("--keyStore", store.toString(), "localhost", "127.0.0.1",
                "dev.example");
        assertEquals(0, exit);
        assertTrue(Files.exists(home.resolve("conf/tls.crt")));
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("curl --cacert " + home.resolve("conf/tls.crt") + " https://localhost:8443/"), text);

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        X509Certificate cert = (X509Certificate) ks.getCertificate("sluice");
        assertEquals("CN=localhost", cert.getSubjectX500Principal().getName());
        assertEquals(List.of(List.of(2, "localhost"), List.of(7, "127.0.0.1"), List.of(2, "dev.example")),
                cert.getSubjectAlternativeNames().stream().toList());

        TlsConfig config = TlsSettings.config(props("httpsPort", "0", "tlsHandshakeTimeout", "3s",
                "maxHandshakes", "7", "tlsHostCertificates", "api.test=conf/tls.p12"), new Properties(), home);
        assertEquals(TlsCertificate.Format.PKCS12, config.defaultCertificate().format());
        assertEquals(store, config.defaultCertificate().file());
        assertEquals(store, config.hostCertificates().get("api.test").file());
        assertEquals(Duration.ofSeconds(3), config.handshakeTimeout());
        assertEquals(7, config.maxHandshakes());
        assertEquals(TlsConfig.DEFAULT_CIPHER_SUITES, config.cipherSuites());

        assertEquals(1, new CommandLine(new CertCommand()).setErr(new java.io.PrintWriter(
                java.io.Writer.nullWriter())).execute("--keyStore", store.toString(), "localhost"),
                "an existing store is kept without --force");
    }

    @Test
    void pemFilesMustExist() {
        StartupException e = assertThrows(StartupException.class, () -> TlsSettings.config(props("httpsPort", "0",
                "tlsCertificate", "a.crt", "tlsKey", "a.key"), new Properties(), home));
        assertEquals("tlsCertificate: file not found: " + home.resolve("a.crt"), e.getMessage());
    }
}
