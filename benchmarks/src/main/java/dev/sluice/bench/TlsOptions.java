package dev.sluice.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The TLS flags of the HTTPS benchmark mains, taken out of the arguments before {@link ServerOptions} reads the
 * rest: {@code --keystore=FILE} (PKCS12, required) and {@code --keystore-password=PW} (default {@code changeit}).
 * All three servers get the same certificate, protocols and cipher suites, in the same order, with the server's
 * order honoured, so that they negotiate the same suite (TLS 1.3, AES-128-GCM with an EC P-256 key).
 *
 * @param keyStore the PKCS12 file with the server key and certificate
 * @param password its password
 * @param rest     the arguments for {@link ServerOptions#parse}
 */
public record TlsOptions(Path keyStore, String password, String[] rest) {
    /**
     * Sluice's defaults ({@code TlsConfig.DEFAULT_PROTOCOLS} and {@code DEFAULT_CIPHER_SUITES}), given to Tomcat and
     * Jetty too. Written out, not read from Sluice's class: the Tomcat and Jetty mains run without Sluice's jars
     * (TlsOptionsTest checks that the two lists stay equal).
     */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    public static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    public static TlsOptions parse(String[] args) {
        Path keyStore = null;
        String password = "changeit";
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--keystore=")) {
                keyStore = Path.of(arg.substring("--keystore=".length()));
            } else if (arg.startsWith("--keystore-password=")) {
                password = arg.substring("--keystore-password=".length());
            } else {
                rest.add(arg);
            }
        }
        if (keyStore == null) {
            throw new IllegalArgumentException("--keystore=FILE (PKCS12) is required");
        }
        return new TlsOptions(keyStore, password, rest.toArray(new String[0]));
    }
}
