package dev.sluice.connector.internal;

import java.nio.ByteBuffer;

/**
 * The PROXY protocol step of a connection on a listener that asks for it: before any HTTP byte, the selector
 * loop feeds what arrives to the connection's {@link ProxyHeaderParser}. A valid header's source becomes the
 * connection's remote address; anything else closes the connection without a response (there is no HTTP to
 * answer yet, and the peer is not the balancer the listener expects) and is counted. Selector thread only.
 *
 * <p>The header itself is believed from any peer, as haproxy's {@code accept-proxy} and nginx's
 * {@code proxy_protocol} do: only the balancer should be able to reach such a listener.
 */
final class ProxyPreface {
    private static final System.Logger LOG = System.getLogger(ProxyPreface.class.getName());

    private ProxyPreface() {
    }

    /**
     * Consumes header bytes from {@code in}.
     *
     * @return whether HTTP bytes follow in {@code in} to be parsed now; false when the header is not complete
     *         yet, when nothing follows it, or when the connection was closed
     */
    static boolean read(ConnectorContext ctx, Connection c, ByteBuffer in, ConnectionCloser closer) {
        ProxyHeader header;
        try {
            header = c.proxyHeader.parse(in);
        } catch (ProxyHeaderException e) {
            ctx.stats.proxyHeaderRefused.increment();
            LOG.log(System.Logger.Level.DEBUG, () -> "Closing " + c + " from " + c.transport.remoteAddress() + ": "
                    + e.getMessage());
            closer.closeNow(c);
            return false;
        }
        if (header == null) {
            return false;
        }
        c.proxyHeader = null;
        c.proxiedSource = header.source();
        c.proxiedSsl = header.ssl() && header.source() != null;
        return in.hasRemaining();
    }

    /**
     * The client as requests see it once the PROXY header said the client used TLS to reach the balancer: scheme
     * {@code https} (so isSecure() and redirects), unless trusted proxies further out reported a scheme of their own.
     *
     * @param client what the forwarded fields of trusted proxies said, or null
     */
    static dev.sluice.core.ClientView withProxiedTls(Connection c, dev.sluice.core.ClientView client) {
        if (!c.proxiedSsl || client != null && client.scheme() != null) {
            return client;
        }
        return client == null ? new dev.sluice.core.ClientView(c.remoteAddress(), "https", null, -1)
                : new dev.sluice.core.ClientView(client.address(), "https", client.host(), client.port());
    }

    /** Counts a connection closed at its header deadline while its PROXY header was still incomplete. */
    static void timedOut(ConnectorContext ctx, Connection c) {
        if (c.proxyHeader != null && c.proxyHeader.hasStarted()) {
            ctx.stats.proxyHeaderRefused.increment();
        }
    }
}
