package dev.sluice.connector.internal;

import dev.sluice.connector.Refusal;
import dev.sluice.connector.RefusalListener;
import dev.sluice.connector.TlsConfig;
import dev.sluice.core.Limits;
import java.time.Duration;

/**
 * Builds the {@link Refusal} of a response the connector writes itself, naming the limit that was hit, and
 * hands it to the connector's {@link RefusalListener}. A listener that throws is logged and ignored: a log must
 * never change what the client gets.
 */
final class Refusals {
    private static final System.Logger LOG = System.getLogger(Refusals.class.getName());

    private Refusals() {
    }

    /** A 503 of one of the connector's limits. */
    static void tell(ConnectorContext ctx, Connection c, ConnectorStats.Rejection why, String message) {
        RefusalListener listener = ctx.refusals;
        if (listener != null) {
            Limits l = ctx.limits;
            String limit = switch (why) {
                case QUEUE_FULL -> "acceptQueue=" + l.acceptQueue();
                case QUEUE_TIMEOUT -> "queueTimeout=" + text(l.queueTimeout());
                case CONNECTION_LIMIT -> "maxConnections=" + l.maxConnections();
                case DRAINING -> "draining";
            };
            send(listener, ctx, c, 503, Refusal.Reason.valueOf(why.name()), limit, message);
        }
    }

    /** The 408 of a head not received within {@code headerTimeout}. */
    static void headerTimeout(ConnectorContext ctx, Connection c, String message) {
        if (ctx.refusals != null) {
            send(ctx.refusals, ctx, c, 408, Refusal.Reason.HEADER_TIMEOUT,
                    "headerTimeout=" + text(ctx.limits.headerTimeout()), message);
        }
    }

    /** A canned error for a head the connector refused (parser or gate): the limit for 413, 414 and 431. */
    static void badRequest(ConnectorContext ctx, Connection c, int status, String message) {
        if (ctx.refusals == null) {
            return;
        }
        Limits l = ctx.limits;
        String limit = switch (status) {
            case 413 -> "maxBodyBytes=" + l.maxBodyBytes();
            case 414 -> "maxRequestLine=" + l.maxRequestLine();
            // the parser's two 431s: "More than N header fields" and "Header fields larger than N bytes"
            case 431 -> message.startsWith("More than") ? "maxHeaderCount=" + l.maxHeaderCount()
                    : message.startsWith("Header field ") ? "maxHeaderValueBytes=" + l.maxHeaderValueBytes()
                    : "maxHeaderBytes=" + l.maxHeaderBytes();
            default -> "-";
        };
        send(ctx.refusals, ctx, c, status, Refusal.Reason.BAD_REQUEST, limit, message);
    }

    /** Plain HTTP on the HTTPS port, answered 400 in plain text. */
    static void plaintext(ConnectorContext ctx, Connection c, String message) {
        if (ctx.refusals != null) {
            send(ctx.refusals, ctx, c, 400, Refusal.Reason.TLS_PLAINTEXT, "-", message);
        }
    }

    /** A TLS handshake that failed with {@code failure}; no HTTP response was sent. */
    static void handshakeFailed(ConnectorContext ctx, Connection c, TlsConfig config, Throwable failure) {
        if (ctx.refusals == null) {
            return;
        }
        boolean certificate = config.clientAuth() == TlsConfig.ClientAuth.NEED
                && TlsFailures.isClientCertificate(failure);
        send(ctx.refusals, ctx, c, 0,
                certificate ? Refusal.Reason.TLS_CLIENT_CERTIFICATE : Refusal.Reason.TLS_HANDSHAKE_FAILED,
                certificate ? "tlsClientAuth=need" : "-", TlsFailures.message(failure));
    }

    /** A TLS handshake not finished within the handshake timeout. */
    static void handshakeTimeout(ConnectorContext ctx, Connection c, TlsConfig config) {
        if (ctx.refusals != null) {
            send(ctx.refusals, ctx, c, 0, Refusal.Reason.TLS_HANDSHAKE_TIMEOUT,
                    "tlsHandshakeTimeout=" + text(config.handshakeTimeout()), "TLS handshake not finished in time");
        }
    }

    /** A TLS connection closed at accept, {@code maxHandshakes} being in progress. */
    static void handshakeLimit(ConnectorContext ctx, Connection c, TlsConfig config) {
        if (ctx.refusals != null) {
            send(ctx.refusals, ctx, c, 0, Refusal.Reason.TLS_HANDSHAKE_LIMIT,
                    "maxHandshakes=" + config.maxHandshakes(), "Too many TLS handshakes in progress");
        }
    }

    private static void send(RefusalListener listener, ConnectorContext ctx, Connection c, int status,
                             Refusal.Reason reason, String limit, String message) {
        try {
            listener.refused(new Refusal(ctx.clock.instant(), c.remoteAddress(), status, reason, limit,
                    message));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Refusal listener failed", e);
        }
    }

    /** {@code 20s} or {@code 1500ms}, as the settings are written. */
    private static String text(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
