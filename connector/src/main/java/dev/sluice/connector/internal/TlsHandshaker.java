package dev.sluice.connector.internal;

import dev.sluice.core.Status;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.util.function.Consumer;

/**
 * Drives TLS handshakes on a selector thread: a connection in {@link Connection.Phase#HANDSHAKE} holds no worker,
 * and is closed when its handshake does not finish within the handshake timeout (a TLS slowloris holds nothing).
 * At most {@code maxHandshakes} run at once across the connector; a connection beyond that is closed at accept,
 * so a handshake flood cannot take the selector's time from established connections. Selector thread only.
 */
final class TlsHandshaker {
    private static final String PLAINTEXT_MESSAGE = "Plain HTTP request was sent to the HTTPS port";

    private final ConnectorContext ctx;
    private final ConnectionCloser closer;
    private final Consumer<Connection> established;
    private final SelectorLoop loop;
    /** The selector's scratch buffer, for a PROXY protocol header. */
    private final java.nio.ByteBuffer scratch;

    /** @param established continues with a connection whose handshake finished (phase set to READ_HEAD) */
    TlsHandshaker(ConnectorContext ctx, ConnectionCloser closer, SelectorLoop loop, java.nio.ByteBuffer scratch,
                  Consumer<Connection> established) {
        this.loop = loop;
        this.scratch = scratch;
        this.ctx = ctx;
        this.closer = closer;
        this.established = established;
    }

    /** Starts the handshake of a new connection, or closes it at once when too many are in progress. */
    void begin(Connection c, TlsContext tls) {
        c.tls = tls;
        int running = ctx.stats.handshaking.incrementAndGet();
        c.phase = Connection.Phase.HANDSHAKE;
        c.setIdle(ctx.stats, false);
        if (running > tls.config().maxHandshakes()) {
            ctx.stats.handshakesRefused.increment();
            Refusals.handshakeLimit(ctx, c, tls.config());
            closer.closeNow(c); // ends the handshake count too
            return;
        }
        tls.reloadIfChanged();
        c.deadline = ctx.clock.millis() + tls.config().handshakeTimeout().toMillis();
        step(c);
    }

    /** The socket is ready: goes on as far as possible. */
    void step(Connection c) {
        TlsWire wire = (TlsWire) ((NioTransport) c.transport).wire();
        if (c.proxyHeader != null && !proxyHeaderRead(c, wire)) {
            return;
        }
        TlsWire.Step step;
        try {
            step = wire.handshake();
        } catch (IOException | RuntimeException e) {
            ctx.stats.handshakesFailed.increment();
            if (wire.anyReceived()) { // a connection closed before its first byte is a probe: no log line
                Refusals.handshakeFailed(ctx, c, c.tls.config(), e);
            }
            closer.closeNow(c);
            return;
        }
        switch (step) {
            case NEED_READ -> c.key.interestOps(SelectionKey.OP_READ);
            case NEED_WRITE -> c.key.interestOps(SelectionKey.OP_WRITE);
            case NEED_TASKS -> {
                // the handshake's public-key work runs on the listener's TLS threads, all cores, so that this
                // loop goes on serving its other connections meanwhile; then the handshake goes on here
                c.key.interestOps(0);
                c.tls.runTasks(wire, () -> loop.execute(() -> {
                    if (c.phase == Connection.Phase.HANDSHAKE) {
                        step(c);
                    }
                }));
            }
            case DONE -> {
                end(c);
                ctx.stats.handshakesCompleted.increment();
                ctx.stats.negotiated(wire.tls().protocol(), wire.tls().cipherSuite(), wire.resumed());
                established.accept(c);
            }
            case PLAINTEXT -> {
                end(c);
                ctx.stats.plaintextRefused.increment();
                wire.refusePlaintext();
                // as nginx does: say why in plain HTTP, then close
                Refusals.plaintext(ctx, c, PLAINTEXT_MESSAGE);
                closer.sendCanned(c, Status.BAD_REQUEST, PLAINTEXT_MESSAGE, -1, true);
            }
        }
    }

    /**
     * On a PROXY protocol listener the balancer's header comes before the TLS handshake, in plain bytes; what
     * follows it is the start of the handshake.
     *
     * @return whether the header is complete and the handshake may go on
     */
    private boolean proxyHeaderRead(Connection c, TlsWire wire) {
        scratch.clear();
        int n;
        try {
            n = wire.channel().read(scratch);
        } catch (IOException e) {
            n = -1;
        }
        if (n < 0) {
            closer.closeNow(c);
            return false;
        }
        scratch.flip();
        if (n == 0 || !ProxyPreface.read(ctx, c, scratch, closer)) {
            return c.phase == Connection.Phase.HANDSHAKE && c.proxyHeader == null; // complete, nothing after it
        }
        wire.received(scratch);
        return true;
    }

    /** The handshake timeout passed. */
    void expire(Connection c) {
        ProxyPreface.timedOut(ctx, c);
        ctx.stats.handshakeTimeouts.increment();
        Refusals.handshakeTimeout(ctx, c, c.tls.config());
        closer.closeNow(c);
    }

    /** Leaves the handshake phase (counted out once: a close in the phase counts out in ConnectionCloser). */
    private void end(Connection c) {
        ctx.stats.handshaking.decrementAndGet();
        c.phase = Connection.Phase.READ_HEAD;
    }
}
