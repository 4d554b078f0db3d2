package dev.sluice.connector.internal;

import java.io.EOFException;
import java.security.cert.CertificateException;

/** What a failed TLS handshake says in the HTTPERR log: its reason, and whether the client certificate caused it. */
final class TlsFailures {
    /** Longest message kept: the engine's reasons are short; a longer one is cut, never split over lines. */
    static final int MAX_MESSAGE = 200;

    private TlsFailures() {
    }

    /**
     * Whether the handshake failed on the client's certificate: none sent where one is required (the JDK's
     * "Empty client certificate chain", RFC 8446 section 4.4.2.4), or one the trust manager refused (a
     * {@link CertificateException} in the causes; on a server only the client-certificate check throws one).
     */
    static boolean isClientCertificate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return true;
            }
            String m = t.getMessage();
            if (m != null && m.contains("client certificate")) {
                return true;
            }
        }
        return false;
    }

    /** One printable line: the engine's message (the alert it sent or got), or the failure's type without one. */
    static String message(Throwable failure) {
        if (failure instanceof EOFException) {
            return "The client closed during the TLS handshake";
        }
        String m = failure.getMessage();
        if (m == null || m.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        StringBuilder sb = new StringBuilder(Math.min(m.length(), MAX_MESSAGE));
        for (int i = 0; i < m.length() && sb.length() < MAX_MESSAGE; i++) {
            char ch = m.charAt(i);
            sb.append(ch < ' ' || ch > '~' ? ' ' : ch); // the engine may quote what the client sent
        }
        return sb.toString();
    }
}
