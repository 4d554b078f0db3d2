package dev.sluice.core;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * What a request's TLS connection agreed on, fixed when its handshake completed. The servlet adapter turns it into
 * {@code isSecure()}, the scheme {@code https} and the cipher, key size, session and certificate attributes.
 *
 * @param protocol            {@code TLSv1.3} or {@code TLSv1.2}
 * @param cipherSuite         the IANA name, e.g. {@code TLS_AES_128_GCM_SHA256}
 * @param keySize             bits of the bulk cipher's key (128 or 256), as the Servlet specification's
 *                            {@code key_size} attribute means it
 * @param sessionId           the TLS session identifier in lower-case hex; empty when the session has none
 * @param applicationProtocol the ALPN result ({@code http/1.1}), or empty when the client sent no ALPN
 * @param serverName          the SNI host name the client asked for, or empty
 * @param peerCertificates    the client's certificate chain, its own first; empty when it sent none
 */
public record TlsDetails(String protocol, String cipherSuite, int keySize, String sessionId,
                         String applicationProtocol, String serverName, List<X509Certificate> peerCertificates) {
    public TlsDetails {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(cipherSuite, "cipherSuite");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(applicationProtocol, "applicationProtocol");
        Objects.requireNonNull(serverName, "serverName");
        peerCertificates = List.copyOf(peerCertificates);
    }

    /**
     * The bulk cipher's key size in bits for an IANA cipher suite name: 256 for AES-256 and ChaCha20, 128 for
     * AES-128, 0 when the name says neither.
     */
    public static int keySizeOf(String cipherSuite) {
        if (cipherSuite.contains("AES_256") || cipherSuite.contains("CHACHA20")) {
            return 256;
        }
        if (cipherSuite.contains("AES_128")) {
            return 128;
        }
        return 0;
    }
}
