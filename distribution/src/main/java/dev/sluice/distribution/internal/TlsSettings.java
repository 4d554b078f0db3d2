package dev.sluice.distribution.internal;

import dev.sluice.connector.TlsCertificate;
import dev.sluice.connector.TlsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The HTTPS listener's settings, each declared once here with its default and the line {@code --help} shows; the
 * config file lists them with the same defaults. Paths in the file are against the server's home, paths given as
 * flags against the working folder (as for the realm).
 */
final class TlsSettings {

    static final FileSetting HTTPS_PORT = new FileSetting("httpsPort", "off",
            "HTTPS port beside the HTTP one, same workers and limits; 0 picks a free one");
    static final FileSetting KEY_STORE = new FileSetting("tlsKeyStore", "conf/tls.p12",
            "PKCS12 store with the server key and chain ('sluice cert' writes one); unless tlsCertificate is set");
    static final FileSetting KEY_STORE_PASSWORD = new FileSetting("tlsKeyStorePassword", "changeit",
            "Password of tlsKeyStore and of .p12 files in tlsHostCertificates");
    static final FileSetting CERTIFICATE = new FileSetting("tlsCertificate", "",
            "PEM certificate chain, server certificate first; with tlsKey, instead of tlsKeyStore");
    static final FileSetting KEY = new FileSetting("tlsKey", "", "PEM private key of tlsCertificate (PKCS#8, or PKCS#1 RSA)");
    static final FileSetting KEY_PASSWORD = new FileSetting("tlsKeyPassword", "", "Password of an encrypted tlsKey");
    static final FileSetting HOST_CERTIFICATES = new FileSetting("tlsHostCertificates", "",
            "Certificates by SNI host name: host=file.p12 or host=chain.pem+key.pem, separated by commas");
    static final FileSetting PROTOCOLS = new FileSetting("tlsProtocols", String.join(",", TlsConfig.DEFAULT_PROTOCOLS),
            "TLS versions, separated by commas");
    static final FileSetting CIPHER_SUITES = new FileSetting("tlsCipherSuites",
            String.join(",", TlsConfig.DEFAULT_CIPHER_SUITES), "Cipher suites in the server's order of preference");
    static final FileSetting CLIENT_AUTH = new FileSetting("tlsClientAuth", "none",
            "Client certificates: none, want (asked, optional) or need (required)");
    static final FileSetting CLIENT_CAS = new FileSetting("tlsClientCAs", "",
            "CA certificates client certificates must chain to (PEM bundle or .p12)");
    static final FileSetting HANDSHAKE_TIMEOUT = new FileSetting("tlsHandshakeTimeout", "10s",
            "Longest TLS handshake; a slower client is closed");
    static final FileSetting MAX_HANDSHAKES = new FileSetting("maxHandshakes", "500",
            "TLS handshakes in progress at once; past it new connections are closed");
    static final FileSetting HSTS_MAX_AGE = new FileSetting("hstsMaxAge", "off",
            "Strict-Transport-Security max-age on HTTPS responses, e.g. 365d; off sends none");

    static final List<FileSetting> ALL = List.of(HTTPS_PORT, KEY_STORE, KEY_STORE_PASSWORD, CERTIFICATE, KEY,
            KEY_PASSWORD, HOST_CERTIFICATES, PROTOCOLS, CIPHER_SUITES, CLIENT_AUTH, CLIENT_CAS, HANDSHAKE_TIMEOUT,
            MAX_HANDSHAKES, HSTS_MAX_AGE);

    private final Properties merged;
    private final Properties flags;
    private final Path home;

    private TlsSettings(Properties merged, Properties flags, Path home) {
        this.merged = merged;
        this.flags = flags;
        this.home = home;
    }

    /** The HTTPS port, or -1 when HTTPS is off. */
    static int httpsPort(Properties merged) {
        String value = merged.getProperty(HTTPS_PORT.key(), HTTPS_PORT.defaultValue()).trim();
        if (value.equalsIgnoreCase("off")) {
            return -1;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StartupException("Invalid value for httpsPort: '" + value + "' (0-65535 or off)");
    }

    /** Seconds of Strict-Transport-Security max-age, or -1 for none. */
    static long hstsMaxAgeSeconds(Properties merged) {
        String value = merged.getProperty(HSTS_MAX_AGE.key(), HSTS_MAX_AGE.defaultValue()).trim();
        return value.equalsIgnoreCase("off") ? -1 : duration(HSTS_MAX_AGE, value).toSeconds();
    }

    /**
     * The TLS configuration, or null when {@code httpsPort} is off.
     *
     * @throws StartupException naming the setting that is wrong or the file that is missing
     */
    static TlsConfig config(Properties merged, Properties flags, Path home) {
        if (httpsPort(merged) < 0) {
            return null;
        }
        return new TlsSettings(merged, flags, home).build();
    }

    private TlsConfig build() {
        TlsConfig.Builder b = TlsConfig.builder(defaultCertificate());
        for (String entry : list(HOST_CERTIFICATES)) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new StartupException("Invalid value for tlsHostCertificates: '" + entry
                        + "' (host=file.p12 or host=chain.pem+key.pem)");
            }
            b.certificate(entry.substring(0, eq).trim(), certificate(HOST_CERTIFICATES, entry.substring(eq + 1)));
        }
        try {
            b.protocols(list(PROTOCOLS)).cipherSuites(list(CIPHER_SUITES))
                    .handshakeTimeout(duration(HANDSHAKE_TIMEOUT, value(HANDSHAKE_TIMEOUT)))
                    .maxHandshakes(Integer.parseInt(value(MAX_HANDSHAKES)));
        } catch (IllegalArgumentException e) {
            throw new StartupException("Invalid TLS setting: " + e.getMessage());
        }
        String clientAuth = value(CLIENT_AUTH).toUpperCase(Locale.ROOT);
        try {
            b.clientAuth(TlsConfig.ClientAuth.valueOf(clientAuth));
        } catch (IllegalArgumentException e) {
            throw new StartupException("Invalid value for tlsClientAuth: '" + value(CLIENT_AUTH)
                    + "' (none, want or need)");
        }
        if (!value(CLIENT_CAS).isEmpty()) {
            b.trustedCertificates(existing(CLIENT_CAS, value(CLIENT_CAS)));
        } else if (!clientAuth.equals("NONE")) {
            throw new StartupException("tlsClientAuth=" + value(CLIENT_AUTH) + " needs tlsClientCAs");
        }
        return b.build();
    }

    private TlsCertificate defaultCertificate() {
        if (!value(CERTIFICATE).isEmpty() || !value(KEY).isEmpty()) {
            if (value(CERTIFICATE).isEmpty() || value(KEY).isEmpty()) {
                throw new StartupException("tlsCertificate and tlsKey go together");
            }
            return TlsCertificate.pem(existing(CERTIFICATE, value(CERTIFICATE)), existing(KEY, value(KEY)),
                    value(KEY_PASSWORD).isEmpty() ? null : value(KEY_PASSWORD));
        }
        Path store = path(KEY_STORE, value(KEY_STORE));
        if (!Files.exists(store)) {
            throw new StartupException("httpsPort needs a certificate: " + store + " not found (set tlsKeyStore, or"
                    + " tlsCertificate and tlsKey; for development 'sluice cert localhost' writes one)");
        }
        return TlsCertificate.pkcs12(store, value(KEY_STORE_PASSWORD));
    }

    /** {@code file.p12} or {@code chain.pem+key.pem}. */
    private TlsCertificate certificate(FileSetting setting, String spec) {
        String[] parts = spec.trim().split("\\+");
        if (parts.length == 2) {
            return TlsCertificate.pem(existing(setting, parts[0].trim()), existing(setting, parts[1].trim()), null);
        }
        return TlsCertificate.pkcs12(existing(setting, parts[0].trim()), value(KEY_STORE_PASSWORD));
    }

    private String value(FileSetting s) {
        return merged.getProperty(s.key(), s.defaultValue()).trim();
    }

    private List<String> list(FileSetting s) {
        return Arrays.stream(value(s).split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private Path path(FileSetting s, String value) {
        return flags.containsKey(s.key()) ? Paths.get(value).toAbsolutePath().normalize()
                : home.resolve(value).normalize();
    }

    private Path existing(FileSetting s, String value) {
        Path p = path(s, value);
        if (!Files.isRegularFile(p)) {
            throw new StartupException(s.key() + ": file not found: " + p);
        }
        return p;
    }

    /** {@code 500ms}, {@code 10s}, {@code 5m}, {@code 2h}, {@code 365d}; a bare number is seconds. */
    static Duration duration(FileSetting s, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            char unit = v.charAt(v.length() - 1);
            long n = Long.parseLong(Character.isDigit(unit) ? v : v.substring(0, v.length() - 1));
            return switch (unit) {
                case 'd' -> Duration.ofDays(n);
                case 'h' -> Duration.ofHours(n);
                case 'm' -> Duration.ofMinutes(n);
                case 's' -> Duration.ofSeconds(n);
                default -> {
                    if (!Character.isDigit(unit)) {
                        throw new NumberFormatException();
                    }
                    yield Duration.ofSeconds(n);
                }
            };
        } catch (RuntimeException e) {
            throw new StartupException("Invalid value for " + s.key() + ": '" + value + "' (e.g. 10s, 5m, 365d)");
        }
    }
}
