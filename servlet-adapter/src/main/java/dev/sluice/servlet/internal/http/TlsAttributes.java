package dev.sluice.servlet.internal.http;

import dev.sluice.core.TlsDetails;
import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * The request attributes of a request that came over TLS (Servlet 6.1 section 3.10, "SSL Attributes"), from the
 * connection's {@link TlsDetails}. Set when the request is made, so the webapp may also replace or remove them.
 */
public final class TlsAttributes {
    public static final String CIPHER_SUITE = "jakarta.servlet.request.cipher_suite";
    public static final String KEY_SIZE = "jakarta.servlet.request.key_size";
    public static final String SESSION_ID = "jakarta.servlet.request.ssl_session_id";
    public static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private TlsAttributes() {
    }

    /** Puts the attributes of {@code tls} into {@code attributes}; nothing over plain HTTP (null). */
    public static void put(TlsDetails tls, Map<String, Object> attributes) {
        if (tls == null) {
            return;
        }
        attributes.put(CIPHER_SUITE, tls.cipherSuite());
        attributes.put(KEY_SIZE, tls.keySize()); // an Integer, as the specification says
        if (!tls.sessionId().isEmpty()) {
            attributes.put(SESSION_ID, tls.sessionId());
        }
        if (!tls.peerCertificates().isEmpty()) {
            // the client's chain, its own certificate first
            attributes.put(CERTIFICATES, tls.peerCertificates().toArray(new X509Certificate[0]));
        }
    }
}
