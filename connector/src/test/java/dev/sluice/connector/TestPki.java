package dev.sluice.connector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Test certificates made at test time with the JDK's keytool into a temporary folder (no key is committed):
 * self-signed server certificates for given names, and a CA with a client certificate it signed.
 */
final class TestPki {
    static final String PASSWORD = "changeit";

    private final Path dir;

    TestPki(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** A self-signed EC P-256 server certificate for {@code cn} valid for {@code names} (DNS names) and 127.0.0.1. */
    Path server(String file, String cn, String... names) throws Exception {
        Path store = dir.resolve(file + ".p12");
        StringBuilder san = new StringBuilder("SAN=ip:127.0.0.1");
        for (String n : names) {
            san.append(",dns:").append(n);
        }
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + cn, "-ext", san.toString(), "-validity", "30",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        return store;
    }

    /** A self-signed RSA 2048 server certificate for {@code cn} (DNS name {@code cn} and 127.0.0.1). */
    Path rsaServer(String file, String cn) throws Exception {
        Path store = dir.resolve(file + ".p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + cn,
                "-ext", "SAN=ip:127.0.0.1,dns:" + cn, "-validity", "30", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        return store;
    }

    /** A CA ({@code ca.p12}, {@code ca.pem}) and a client certificate it signed ({@code client.p12}). */
    void clientCa(String clientCn) throws Exception {
        Path ca = dir.resolve("ca.p12");
        Path client = dir.resolve("client.p12");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Test CA",
                "-ext", "bc:c", "-validity", "30", "-keystore", ca.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD,
                "-file", dir.resolve("ca.pem").toString());
        keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + clientCn, "-validity", "30", "-keystore", client.toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        Path csr = dir.resolve("client.csr");
        Path signed = dir.resolve("client.pem");
        keytool("-certreq", "-alias", "client", "-keystore", client.toString(), "-storepass", PASSWORD,
                "-file", csr.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD,
                "-infile", csr.toString(), "-outfile", signed.toString(), "-rfc", "-validity", "30");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", client.toString(), "-storepass", PASSWORD,
                "-file", dir.resolve("ca.pem").toString());
        keytool("-importcert", "-alias", "client", "-keystore", client.toString(), "-storepass", PASSWORD,
                "-file", signed.toString());
    }

    /** Writes the key and chain of a PKCS12 store as PEM files ({@code name}.crt, {@code name}.key). */
    Path[] toPem(Path p12, String name) throws Exception {
        KeyStore store = load(p12);
        PrivateKey key = (PrivateKey) store.getKey("server", PASSWORD.toCharArray());
        StringBuilder chain = new StringBuilder();
        for (Certificate c : store.getCertificateChain("server")) {
            chain.append(pem("CERTIFICATE", c.getEncoded()));
        }
        Path crt = dir.resolve(name + ".crt");
        Path keyFile = dir.resolve(name + ".key");
        Files.writeString(crt, chain, StandardCharsets.US_ASCII);
        Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
        return new Path[] {crt, keyFile};
    }

    /** The server certificate of a store. */
    X509Certificate certificate(Path p12) throws Exception {
        return (X509Certificate) load(p12).getCertificate("server");
    }

    /** A client context trusting the certificates of {@code stores}, with {@code clientStore}'s key (or none). */
    static SSLContext clientContext(Path clientStore, X509Certificate... trusted) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (int i = 0; i < trusted.length; i++) {
            trust.setCertificateEntry("t" + i, trusted[i]);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (clientStore != null) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(clientStore), PASSWORD.toCharArray());
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    static KeyStore load(Path p12) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
