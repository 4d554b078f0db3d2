package dev.sluice.arquillian;

import dev.sluice.connector.TlsCertificate;
import dev.sluice.connector.TlsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The HTTPS listener of the {@code bindHttpsPort}, {@code keyStore}, {@code keyStorePassword},
 * {@code clientAuth} and {@code trustedCertificates} properties, checked once and turned into the connector's
 * {@link TlsConfig}. Errors name the property, never a password. Immutable.
 *
 * @param port                the HTTPS port (0: a free one)
 * @param keyStore            PKCS12 store with the server's key and chain
 * @param keyStorePassword    its password, or null
 * @param clientAuth          whether clients are asked for a certificate
 * @param trustedCertificates CAs (or the self-signed certificates themselves) client certificates must chain to:
 *                            a PEM or DER file, or a PKCS12 store ({@code .p12}); null without client certificates
 */
record HttpsSettings(int port, Path keyStore, String keyStorePassword, TlsConfig.ClientAuth clientAuth,
                     Path trustedCertificates) {

    /**
     * The listener the properties describe, or null when {@code bindHttpsPort} is not set.
     *
     * @throws IllegalArgumentException naming the property that is missing or wrong
     */
    static HttpsSettings of(Integer port, String keyStore, String keyStorePassword, String clientAuth,
                            String trustedCertificates) {
        if (port == null) {
            if (keyStore != null || clientAuth != null || trustedCertificates != null) {
                throw new IllegalArgumentException(
                        "keyStore, clientAuth and trustedCertificates need bindHttpsPort (0 for a free port)");
            }
            return null;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("bindHttpsPort must be 0-65535, was " + port);
        }
        if (keyStore == null || keyStore.isBlank()) {
            throw new IllegalArgumentException("bindHttpsPort needs keyStore (a PKCS12 file with the server key)");
        }
        Path store = readable("keyStore", keyStore);
        TlsConfig.ClientAuth auth = clientAuth(clientAuth);
        Path cas = trustedCertificates == null || trustedCertificates.isBlank()
                ? null : readable("trustedCertificates", trustedCertificates);
        if (auth != TlsConfig.ClientAuth.NONE && cas == null) {
            throw new IllegalArgumentException("clientAuth " + auth.name().toLowerCase(Locale.ROOT)
                    + " needs trustedCertificates (the CAs client certificates must chain to)");
        }
        return new HttpsSettings(port, store, keyStorePassword, auth, cas);
    }

    /** The connector's TLS settings: Sluice's defaults (protocols, ciphers, timeouts) with these files. */
    TlsConfig toTlsConfig() {
        TlsConfig.Builder builder = TlsConfig.builder(TlsCertificate.pkcs12(keyStore, keyStorePassword))
                .clientAuth(clientAuth);
        if (trustedCertificates != null) {
            builder.trustedCertificates(trustedCertificates);
        }
        return builder.build();
    }

    private static TlsConfig.ClientAuth clientAuth(String value) {
        if (value == null || value.isBlank()) {
            return TlsConfig.ClientAuth.NONE;
        }
        try {
            return TlsConfig.ClientAuth.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("clientAuth must be none, want or need, was " + value.strip(), e);
        }
    }

    private static Path readable(String property, String file) {
        Path path = Path.of(file.strip());
        if (!Files.isReadable(path)) {
            throw new IllegalArgumentException(property + ": cannot read " + path.toAbsolutePath());
        }
        return path;
    }
}
