package dev.sluice.servlet.internal.http;

import dev.sluice.core.Request;
import dev.sluice.core.TlsDetails;
import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * The request attributes that describe a request's connection: Sluice's connection id and the request's number on
 * it, and over TLS the attributes of Servlet 6.1 section 3.10 ("SSL Attributes") from the connection's
 * {@link TlsDetails}. Set when the request is made, so the webapp may also replace or remove them.
 */
public final class ConnectionAttributes {
    public static final String CONNECTION_ID = "dev.sluice.connection.id";
    public static final String REQUEST_NUMBER = "dev.sluice.connection.requestNumber";
    public static final String CIPHER_SUITE = "jakarta.servlet.request.cipher_suite";
    public static final String KEY_SIZE = "jakarta.servlet.request.key_size";
    public static final String SESSION_ID = "jakarta.servlet.request.ssl_session_id";
    public static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

    private ConnectionAttributes() {
    }

    /** Puts the attributes of {@code core}'s connection into {@code attributes}. */
    public static void put(Request core, Map<String, Object> attributes) {
        attributes.put(CONNECTION_ID, core.connectionId());
        attributes.put(REQUEST_NUMBER, core.requestNumber());
        TlsDetails tls = core.tls();
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
