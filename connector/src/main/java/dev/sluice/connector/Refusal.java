package dev.sluice.connector;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * One response the connector wrote itself, with no handler: a 503 of one of its limits or a canned error for a
 * request it could not accept; or, on the HTTPS listener, a connection it refused before any HTTP could be
 * spoken (a failed or timed-out TLS handshake, a missing client certificate). What IIS writes to its HTTPERR
 * log.
 *
 * @param time    when it was refused, on the connector's clock
 * @param client  the client's address and port
 * @param status  the status sent (503, 408, 400, 413, 414, 431, 417, 501, 505), or 0 when no HTTP response
 *                could be sent (the {@code TLS_*} reasons but {@link Reason#TLS_PLAINTEXT})
 * @param reason  which rule refused it
 * @param limit   the setting that was hit with its value ({@code acceptQueue=1000}), {@code draining}, or
 *                {@code -} when the request broke a protocol rule rather than a limit
 * @param message the one-line reason sent in the response's content; for a TLS refusal, the TLS engine's reason
 *                (the alert it sent or received)
 */
public record Refusal(Instant time, InetSocketAddress client, int status, Reason reason, String limit,
                      String message) {
    /** Which rule refused a request; the 503 ones match {@link ConnectorMetrics.RejectReason}. */
    public enum Reason {
        /** Every worker busy and {@code acceptQueue} full. */
        QUEUE_FULL,
        /** Waited longer than {@code queueTimeout} for a worker. */
        QUEUE_TIMEOUT,
        /** {@code maxConnections} open, with {@code connectionPolicy=reject}. */
        CONNECTION_LIMIT,
        /** The server is stopping. */
        DRAINING,
        /** A head started but not complete within {@code headerTimeout} (408). */
        HEADER_TIMEOUT,
        /** A head the connector refused before any handler ran: malformed, too large, unsupported (4xx, 5xx). */
        BAD_REQUEST,
        /** Plain HTTP on the HTTPS port (400, sent unencrypted). */
        TLS_PLAINTEXT,
        /**
         * A TLS handshake that failed: no common protocol, cipher suite or ALPN protocol, a malformed message, a
         * client that rejected the server's certificate or closed midway. No HTTP response.
         */
        TLS_HANDSHAKE_FAILED,
        /** {@code tlsClientAuth=need} and the client sent no certificate, or one that chains to no trusted CA. */
        TLS_CLIENT_CERTIFICATE,
        /** A TLS handshake not finished within {@code tlsHandshakeTimeout}. */
        TLS_HANDSHAKE_TIMEOUT,
        /** Closed at accept: {@code maxHandshakes} handshakes were already in progress. */
        TLS_HANDSHAKE_LIMIT
    }

    public Refusal {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(message, "message");
    }
}
