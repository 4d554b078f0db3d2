package dev.sluice.connector.internal;

import dev.sluice.core.TlsDetails;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/** Reads a finished handshake's facts from the JDK engine into the core's {@link TlsDetails}. */
final class TlsFacts {
    private TlsFacts() {
    }

    /** The facts a request carries, read from the session once the handshake is done. */
    static TlsDetails of(SSLEngine engine) {
        SSLSession session = engine.getSession();
        List<X509Certificate> peer = new ArrayList<>();
        try {
            for (Certificate c : session.getPeerCertificates()) {
                if (c instanceof X509Certificate x) {
                    peer.add(x);
                }
            }
        } catch (SSLPeerUnverifiedException none) {
            // the client sent no certificate
        }
        String serverName = "";
        if (session instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name instanceof SNIHostName host) {
                    serverName = host.getAsciiName();
                }
            }
        }
        String alpn = engine.getApplicationProtocol();
        String suite = session.getCipherSuite();
        return new TlsDetails(session.getProtocol(), suite, TlsDetails.keySizeOf(suite),
                HexFormat.of().formatHex(session.getId()), alpn == null ? "" : alpn, serverName, peer);
    }
}
