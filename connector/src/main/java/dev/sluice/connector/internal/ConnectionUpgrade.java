package dev.sluice.connector.internal;

import dev.sluice.core.Headers;
import dev.sluice.core.RequestHead;
import dev.sluice.core.Status;
import dev.sluice.core.UpgradeHandler;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Switching protocols (RFC 9110 sections 7.8 and 15.2.2): after a handler asked for an upgrade and returned,
 * sends the 101 head with the handler's fields, ends the exchange, and hands the raw connection to the
 * {@link UpgradeHandler}. From then on the connection is no part of HTTP processing: no head is parsed, no
 * keep-alive or header deadline applies, nobody resumes it; it ends when the new protocol closes it (or at stop).
 */
final class ConnectionUpgrade {
    private static final System.Logger LOG = System.getLogger(ConnectionUpgrade.class.getName());

    private final ConnectorContext ctx;
    private final Http1Processor processor;

    ConnectionUpgrade(ConnectorContext ctx, Http1Processor processor) {
        this.ctx = ctx;
        this.processor = processor;
    }

    /**
     * Takes the connection over when the exchange still asks for 101 and nothing is committed.
     *
     * @return false when the upgrade is off (the handler failed or answered otherwise): the caller finishes the
     *         exchange as usual, and the connection then closes
     */
    boolean takeOver(Connection c, HttpExchange exchange) {
        UpgradeHandler handler = exchange.upgradeHandler();
        if (exchange.isSuspended() || exchange.isCommitted()
                || exchange.status().code() != Status.SWITCHING_PROTOCOLS.code()) {
            exchange.closeAfterResponse(); // the client may have sent bytes of the new protocol already
            return false;
        }
        ResponseBody out = exchange.responseBody();
        // content of the upgrade request comes before the new protocol's bytes (RFC 9110 section 7.8)
        if (!exchange.requestBody().drain()) {
            processor.ended(exchange, out);
            c.owner.close(c);
            return true;
        }
        ByteBuffer head = ctx.buffers.acquire();
        try {
            ByteBuffer encoded = encode(head, exchange.head(), exchange.headers());
            int bytes = encoded.remaining();
            c.uncork(ctx.buffers);
            c.transport.write(new ByteBuffer[] {encoded}, 0, 1);
            ctx.stats.bytesOut.add(bytes);
        } catch (IOException | RuntimeException e) {
            processor.ended(exchange, out);
            c.owner.close(c);
            return true;
        } finally {
            ctx.buffers.release(head);
        }
        processor.ended(exchange, out);
        ctx.stats.upgraded.increment();
        UpgradedChannel channel = new UpgradedChannel(c, ctx);
        try {
            handler.upgraded(channel);
        } catch (RuntimeException | Error e) {
            LOG.log(System.Logger.Level.WARNING, "Upgrade handler failed for " + exchange.head(), e);
            channel.close();
        }
        return true;
    }

    /** The 101 head: the handler's fields, with Upgrade and Connection: upgrade as RFC 9110 requires. */
    private ByteBuffer encode(ByteBuffer buffer, RequestHead request, Headers headers) {
        HeadEncoder enc = new HeadEncoder(buffer).statusLine(Status.SWITCHING_PROTOCOLS);
        if (!headers.contains("Date")) {
            enc.field("Date", ctx.date.now());
        }
        if (ctx.serverName != null && !headers.contains("Server")) {
            enc.field("Server", ctx.serverName);
        }
        enc.fields(headers, "Content-Length", "Transfer-Encoding", "Keep-Alive");
        if (!headers.contains("Upgrade")) {
            enc.field("Upgrade", request.headers().get("Upgrade")); // section 15.2.2: the 101 names the protocol
        }
        if (!headers.containsToken("Connection", "upgrade")) {
            enc.field("Connection", "Upgrade"); // section 7.8: Upgrade is a connection option
        }
        return enc.finish();
    }
}
