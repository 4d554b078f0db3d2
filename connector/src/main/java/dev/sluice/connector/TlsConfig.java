package dev.sluice.connector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How an HTTPS listener speaks TLS: its certificates (a default one, and one per SNI host name), protocols,
 * cipher suites, ALPN protocols, client certificates, and the handshake's bounds. Immutable.
 */
public final class TlsConfig {
    /** Whether clients are asked for a certificate. */
    public enum ClientAuth {
        /** Never asked. */
        NONE,
        /** Asked; a client without one is still served (the request carries no certificate). */
        WANT,
        /** Required: the handshake fails without a certificate signed by a trusted CA. */
        NEED
    }

    /** TLS 1.3 and 1.2 only: older versions have known weaknesses (RFC 8996 deprecates 1.0 and 1.1). */
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /**
     * Forward secrecy and AEAD only, strongest first for each key type (the server's order is used): the TLS 1.3
     * suites, then ECDHE with AES-GCM or ChaCha20-Poly1305 for TLS 1.2 (as Mozilla's "intermediate" profile,
     * without the finite-field DHE suites).
     */
    public static final List<String> DEFAULT_CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    /** ALPN (RFC 7301): HTTP/2 preferred (RFC 9113 section 3.2), HTTP/1.1 for clients that do not offer it. */
    public static final List<String> DEFAULT_APPLICATION_PROTOCOLS = List.of("h2", "http/1.1");

    private final TlsCertificate defaultCertificate;
    private final Map<String, TlsCertificate> hostCertificates;
    private final List<String> protocols;
    private final List<String> cipherSuites;
    private final List<String> applicationProtocols;
    private final ClientAuth clientAuth;
    private final Path trustedCertificates;
    private final Duration handshakeTimeout;
    private final int maxHandshakes;
    private final Duration reloadInterval;

    private TlsConfig(Builder b) {
        this.defaultCertificate = Objects.requireNonNull(b.defaultCertificate, "a default certificate is required");
        this.hostCertificates = Map.copyOf(b.hostCertificates);
        this.protocols = List.copyOf(b.protocols);
        this.cipherSuites = List.copyOf(b.cipherSuites);
        this.applicationProtocols = List.copyOf(b.applicationProtocols);
        this.clientAuth = b.clientAuth;
        this.trustedCertificates = b.trustedCertificates;
        this.handshakeTimeout = b.handshakeTimeout;
        this.maxHandshakes = b.maxHandshakes;
        this.reloadInterval = b.reloadInterval;
        if (clientAuth != ClientAuth.NONE && trustedCertificates == null) {
            throw new IllegalArgumentException(
                    "Client certificates need trusted CA certificates (trustedCertificates)");
        }
    }

    public static Builder builder(TlsCertificate defaultCertificate) {
        return new Builder().certificate(defaultCertificate);
    }

    /** Served when the client names no host (no SNI) or a host without its own certificate. */
    public TlsCertificate defaultCertificate() { return defaultCertificate; }

    /** Certificates by lower-case host name; a name may start with {@code *.} to match one label. */
    public Map<String, TlsCertificate> hostCertificates() { return hostCertificates; }

    public List<String> protocols() { return protocols; }

    public List<String> cipherSuites() { return cipherSuites; }

    /** ALPN protocols the server speaks, preferred first. */
    public List<String> applicationProtocols() { return applicationProtocols; }

    public ClientAuth clientAuth() { return clientAuth; }

    /** CA certificates that client certificates must chain to (PEM bundle or PKCS12 store), or null. */
    public Path trustedCertificates() { return trustedCertificates; }

    /** Longest time from accept to a finished handshake; then the connection is closed. */
    public Duration handshakeTimeout() { return handshakeTimeout; }

    /** Most handshakes in progress at once; a connection beyond it is closed at accept. */
    public int maxHandshakes() { return maxHandshakes; }

    /** How often certificate files are checked for changes; zero checks before every handshake. */
    public Duration reloadInterval() { return reloadInterval; }

    /**
     * Builds a {@link TlsConfig}. Defaults: the constants above, no client certificates, a 10 s handshake
     * timeout, 500 handshakes at once, certificate files checked for changes every 2 s.
     */
    public static final class Builder {
        private TlsCertificate defaultCertificate;
        private final Map<String, TlsCertificate> hostCertificates = new LinkedHashMap<>();
        private List<String> protocols = DEFAULT_PROTOCOLS;
        private List<String> cipherSuites = DEFAULT_CIPHER_SUITES;
        private List<String> applicationProtocols = DEFAULT_APPLICATION_PROTOCOLS;
        private ClientAuth clientAuth = ClientAuth.NONE;
        private Path trustedCertificates;
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private int maxHandshakes = 500;
        private Duration reloadInterval = Duration.ofSeconds(2);

        private Builder() {
        }

        public Builder certificate(TlsCertificate certificate) {
            this.defaultCertificate = Objects.requireNonNull(certificate);
            return this;
        }

        /** The certificate for SNI host name {@code host} (exact, or {@code *.example.com}). */
        public Builder certificate(String host, TlsCertificate certificate) {
            hostCertificates.put(host.toLowerCase(Locale.ROOT), Objects.requireNonNull(certificate));
            return this;
        }

        public Builder protocols(List<String> protocols) {
            this.protocols = nonEmpty(protocols, "protocols");
            return this;
        }

        public Builder cipherSuites(List<String> cipherSuites) {
            this.cipherSuites = nonEmpty(cipherSuites, "cipherSuites");
            return this;
        }

        public Builder applicationProtocols(List<String> protocols) {
            this.applicationProtocols = nonEmpty(protocols, "applicationProtocols");
            return this;
        }

        public Builder clientAuth(ClientAuth clientAuth) {
            this.clientAuth = Objects.requireNonNull(clientAuth);
            return this;
        }

        public Builder trustedCertificates(Path caFile) {
            this.trustedCertificates = caFile;
            return this;
        }

        public Builder handshakeTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("handshakeTimeout must be positive");
            }
            this.handshakeTimeout = timeout;
            return this;
        }

        public Builder maxHandshakes(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("maxHandshakes must be at least 1");
            }
            this.maxHandshakes = max;
            return this;
        }

        public Builder reloadInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("reloadInterval must not be negative");
            }
            this.reloadInterval = interval;
            return this;
        }

        public TlsConfig build() {
            return new TlsConfig(this);
        }

        private static List<String> nonEmpty(List<String> values, String name) {
            if (values.isEmpty()) {
                throw new IllegalArgumentException(name + " must not be empty");
            }
            return List.copyOf(values);
        }
    }
}
