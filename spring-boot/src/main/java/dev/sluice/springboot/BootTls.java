package dev.sluice.springboot;

import dev.sluice.connector.TlsCertificate;
import dev.sluice.connector.TlsConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerException;

/**
 * Boot's TLS settings ({@code server.ssl.*} or an SSL bundle, already loaded by Boot into key stores whatever
 * their format: PKCS12, JKS, PEM) as a Sluice {@link TlsConfig}. Sluice reads certificates from files, so the key
 * entry is written to a private PKCS12 file with a random password, and trusted client CAs to a PEM file, both
 * in a folder only this user can read, deleted when the JVM exits. Boot reloads bundles itself; Sluice's own file
 * watching sees these copies only.
 */
final class BootTls {
    private final SslBundle bundle;
    private final Map<String, SslBundle> serverNames;
    private final Ssl.ClientAuth clientAuth;

    BootTls(SslBundle bundle, Map<String, SslBundle> serverNames, Ssl.ClientAuth clientAuth) {
        this.bundle = bundle;
        this.serverNames = serverNames;
        this.clientAuth = clientAuth;
    }

    TlsConfig config() {
        try {
            Path dir = Files.createTempDirectory("sluice-tls",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            dir.toFile().deleteOnExit();
            TlsConfig.Builder b = TlsConfig.builder(certificate(bundle, dir, "default"));
            int n = 0;
            for (Map.Entry<String, SslBundle> e : serverNames.entrySet()) {
                b.certificate(e.getKey(), certificate(e.getValue(), dir, "sni-" + n++));
            }
            String[] protocols = bundle.getOptions().getEnabledProtocols();
            if (protocols != null && protocols.length > 0) {
                b.protocols(List.of(protocols));
            }
            String[] ciphers = bundle.getOptions().getCiphers();
            if (ciphers != null && ciphers.length > 0) {
                b.cipherSuites(List.of(ciphers));
            }
            TlsConfig.ClientAuth auth = Ssl.ClientAuth.map(clientAuth, TlsConfig.ClientAuth.NONE,
                    TlsConfig.ClientAuth.WANT, TlsConfig.ClientAuth.NEED);
            if (auth != TlsConfig.ClientAuth.NONE) {
                b.clientAuth(auth).trustedCertificates(trustedPem(bundle, dir));
            }
            return b.build();
        } catch (IOException | GeneralSecurityException e) {
            throw new WebServerException("Unable to read the TLS key store: " + e.getMessage(), e);
        }
    }

    /** The bundle's key entry (its alias, or the store's only key entry) as a new PKCS12 file. */
    private static TlsCertificate certificate(SslBundle bundle, Path dir, String name)
            throws IOException, GeneralSecurityException {
        KeyStore source = bundle.getStores().getKeyStore();
        if (source == null) {
            throw new WebServerException("TLS is enabled but no key store is configured (server.ssl.key-store, "
                    + "server.ssl.certificate or server.ssl.bundle)", null);
        }
        String alias = bundle.getKey().getAlias() != null ? bundle.getKey().getAlias() : keyAlias(source);
        String keyPassword = bundle.getKey().getPassword() != null ? bundle.getKey().getPassword()
                : bundle.getStores().getKeyStorePassword();
        Key key = source.getKey(alias, keyPassword == null ? new char[0] : keyPassword.toCharArray());
        Certificate[] chain = source.getCertificateChain(alias);
        if (key == null || chain == null) {
            throw new WebServerException("The TLS key store has no key entry '" + alias + "'", null);
        }
        char[] password = randomPassword();
        KeyStore copy = KeyStore.getInstance("PKCS12");
        copy.load(null, null);
        copy.setKeyEntry("server", key, password, chain);
        Path file = dir.resolve(name + ".p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            copy.store(out, password);
        }
        file.toFile().deleteOnExit();
        return TlsCertificate.pkcs12(file, new String(password));
    }

    private static String keyAlias(KeyStore store) throws GeneralSecurityException {
        List<String> keys = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keys.add(alias);
            }
        }
        if (keys.size() != 1) {
            throw new WebServerException("The TLS key store holds " + keys.size()
                    + " key entries; name one with server.ssl.key-alias", null);
        }
        return keys.get(0);
    }

    /** The trust store's certificates as a PEM bundle (Sluice's trustedCertificates). */
    private static Path trustedPem(SslBundle bundle, Path dir) throws IOException, GeneralSecurityException {
        KeyStore trust = bundle.getStores().getTrustStore();
        if (trust == null) {
            throw new WebServerException("server.ssl.client-auth needs a trust store (server.ssl.trust-store or "
                    + "server.ssl.trust-certificate)", null);
        }
        StringBuilder pem = new StringBuilder();
        Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (String alias : Collections.list(trust.aliases())) {
            Certificate c = trust.getCertificate(alias);
            if (c != null) {
                pem.append("-----BEGIN CERTIFICATE-----\n").append(base64.encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
        }
        Path file = dir.resolve("trusted.pem");
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        file.toFile().deleteOnExit();
        return file;
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).toCharArray();
    }
}
