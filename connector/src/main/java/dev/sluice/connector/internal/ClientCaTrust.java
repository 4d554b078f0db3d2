package dev.sluice.connector.internal;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The CAs client certificates must chain to, replaceable while running (the CA file changed): the JDK's PKIX
 * trust manager for the current file does the checking. A handshake uses either the old CAs or the new ones.
 * Thread-safe.
 */
final class ClientCaTrust extends X509ExtendedTrustManager {
    private volatile X509ExtendedTrustManager current;

    ClientCaTrust(X509ExtendedTrustManager first) {
        this.current = first;
    }

    void replace(X509ExtendedTrustManager next) {
        this.current = next;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        current.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        current.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        current.checkClientTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("A server does not check server certificates");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("A server does not check server certificates");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("A server does not check server certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return current.getAcceptedIssuers(); // sent in the CertificateRequest (RFC 8446 section 4.2.4)
    }
}
