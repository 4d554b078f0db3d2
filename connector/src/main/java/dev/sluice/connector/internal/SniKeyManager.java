package dev.sluice.connector.internal;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Picks the server certificate by the host name the client sent in SNI (RFC 6066 section 3): an exact name, then
 * a {@code *.} wildcard one label up, then the default. The certificates can be replaced while running (a reload);
 * a handshake sees either the old set or the new one. Thread-safe.
 */
final class SniKeyManager extends X509ExtendedKeyManager {
    /**
     * The certificates by alias, the alias for each lower-case host name, and the default's alias. Aliases are
     * unique across reloads, so that a handshake that chose an alias just before a reload still finds its key.
     */
    record Certificates(Map<String, KeyFiles.Identity> byAlias, Map<String, String> aliasByHost,
                        String defaultAlias) {
    }

    private volatile Certificates current;
    private volatile Certificates previous;

    SniKeyManager(Certificates certificates) {
        this.current = certificates;
        this.previous = certificates;
    }

    void replace(Certificates certificates) {
        this.previous = current;
        this.current = certificates;
    }

    private KeyFiles.Identity identity(String alias) {
        KeyFiles.Identity identity = current.byAlias().get(alias);
        return identity != null ? identity : previous.byAlias().get(alias);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        Certificates certs = current;
        String host = requestedHost(engine.getHandshakeSession());
        if (host != null) {
            String alias = certs.aliasByHost().get(host);
            int dot = host.indexOf('.');
            if (alias == null && dot > 0) {
                alias = certs.aliasByHost().get("*" + host.substring(dot));
            }
            if (alias != null && fits(certs.byAlias().get(alias), keyType)) {
                return alias;
            }
        }
        return fits(certs.byAlias().get(certs.defaultAlias()), keyType) ? certs.defaultAlias() : null;
    }

    private static String requestedHost(SSLSession handshake) {
        if (handshake instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name instanceof SNIHostName host) {
                    return host.getAsciiName().toLowerCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    /**
     * Whether the key is of the type the handshake asks for: "EC", "RSA" (also for TLS 1.3's rsa_pss_rsae
     * signatures), "RSASSA-PSS" (a PSS-only key), "EdDSA".
     */
    private static boolean fits(KeyFiles.Identity identity, String keyType) {
        return identity != null && identity.key().getAlgorithm().equalsIgnoreCase(keyType);
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        KeyFiles.Identity identity = identity(alias);
        return identity == null ? null : identity.chain().clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        KeyFiles.Identity identity = identity(alias);
        return identity == null ? null : identity.key();
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null; // engines only
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return current.byAlias().keySet().toArray(new String[0]);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
