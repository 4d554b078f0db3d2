package dev.sluice.core;

import java.io.InputStream;
import java.net.InetSocketAddress;

/**
 * One request as the connector hands it to a {@link Handler}. Used by one thread at a time: the worker running
 * the handler, or whichever thread the handler passes the exchange to after {@link Response#suspend()}.
 */
public interface Request {
    RequestHead head();

    /**
     * The request content, with transfer coding removed. Reading blocks the calling thread until bytes arrive
     * or the body's deadline passes. The first read of a request that sent {@code Expect: 100-continue} sends
     * the interim 100 response (RFC 9110 section 10.1.1); a handler that never reads does not trigger it.
     * Returns end of stream at once for a request without content.
     */
    InputStream body();

    /**
     * The declared content length: the Content-Length, 0 for a request without content, or -1 when the length
     * is not known in advance (chunked).
     */
    long contentLength();

    /** Trailer fields of a chunked body; empty until the body has been read to its end. */
    Headers trailers();

    InetSocketAddress localAddress();

    /** The peer of the connection: the client, or the nearest proxy (the PROXY protocol's source when used). */
    InetSocketAddress remoteAddress();

    /**
     * The client as trusted proxies reported it in Forwarded or X-Forwarded-* fields (see {@link ForwardedClient}),
     * or null when the request came from an untrusted peer or without such fields: then the connection's own
     * facts stand.
     */
    default ClientView client() {
        return null;
    }

    /** Identifies the connection this request arrived on, unique for the life of the server. */
    long connectionId();

    /** This request's number on its connection, starting at 1. */
    int requestNumber();

    /**
     * The TLS facts of the connection this request arrived on, or null when it came over plain TCP. The same
     * value for every request of a connection.
     */
    default TlsDetails tls() {
        return null;
    }

    /**
     * Switches this request's content to non-blocking reading. Only on a suspended exchange (see
     * {@link Response#suspend()}); afterwards {@link #body()} must not be used for reading. Returns the same
     * object on every call.
     *
     * @throws IllegalStateException when the exchange is not suspended
     * @throws UnsupportedOperationException when the connector does not support non-blocking I/O
     */
    default NonBlockingInput nonBlockingBody() {
        throw new UnsupportedOperationException("Non-blocking reading is not supported here");
    }
}
