package dev.sluice.connector.internal;

import dev.sluice.core.Status;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * The end of a connection's life on its selector thread: writing the connector's own responses (errors, 503,
 * 408), the lingering close that follows them, and the final close that gives back the connection's slot, buffer
 * and counters exactly once. Used only by the owning {@link SelectorLoop}'s thread.
 */
final class ConnectionCloser {
    /** Longest lingering close, and most bytes discarded during it. */
    static final long LINGER_MILLIS = 2_000;
    static final long LINGER_MAX_BYTES = 1 << 20;

    private final ConnectorContext ctx;
    private final ConnectionSlots slots;
    private final ByteBuffer scratch;
    private final WorkerPool pool;

    ConnectionCloser(ConnectorContext ctx, ConnectionSlots slots, ByteBuffer scratch, WorkerPool pool) {
        this.pool = pool;
        this.ctx = ctx;
        this.slots = slots;
        this.scratch = scratch;
    }

    void sendCanned(Connection c, Status status, String message, int retryAfter, boolean withContent) {
        c.pendingHead = null;
        c.phase = Connection.Phase.WRITE_CANNED;
        c.cannedOut = CannedResponse.build(status, message, retryAfter, ctx.date.now(), ctx.serverName,
                withContent);
        c.deadline = ctx.clock.millis() + ctx.limits.writeTimeout().toMillis();
        writeCanned(c);
    }

    void writeCanned(Connection c) {
        boolean sent;
        try {
            Wire wire = ((NioTransport) c.transport).wire();
            long n = wire.write(new ByteBuffer[] {c.cannedOut}, 0, 1);
            ctx.stats.bytesOut.add(n);
            sent = wire.flush();
        } catch (IOException e) {
            closeNow(c);
            return;
        }
        if (c.cannedOut.hasRemaining() || !sent) {
            c.key.interestOps(SelectionKey.OP_WRITE);
        } else {
            c.cannedOut = null;
            startLinger(c);
        }
    }

    /** RFC 9112 section 9.6: close in stages so that data still arriving does not reset the response away. */
    void startLinger(Connection c) {
        releaseInput(c);
        c.setIdle(ctx.stats, false);
        try {
            ((NioTransport) c.transport).wire().shutdownOutput();
            c.key.interestOps(SelectionKey.OP_READ);
        } catch (IOException | RuntimeException e) {
            closeNow(c);
            return;
        }
        c.phase = Connection.Phase.LINGER;
        c.discarded = 0;
        c.deadline = ctx.clock.millis() + LINGER_MILLIS;
    }

    void discard(Connection c) {
        try {
            while (true) {
                scratch.clear();
                int n = ((NioTransport) c.transport).channel().read(scratch);
                if (n < 0 || (c.discarded += n) > LINGER_MAX_BYTES) {
                    closeNow(c);
                    return;
                }
                if (n == 0) {
                    return;
                }
            }
        } catch (IOException e) {
            closeNow(c);
        }
    }

    private void releaseInput(Connection c) {
        ctx.buffers.release(c.in);
        c.in = null;
    }

    /** Closes at once, releasing the slot and counters exactly once. */
    void closeNow(Connection c) {
        if (c.phase == Connection.Phase.CLOSED) {
            return;
        }
        if (c.phase == Connection.Phase.HANDSHAKE) {
            ctx.stats.handshaking.decrementAndGet(); // see TlsHandshaker
        }
        boolean workerOwned = c.phase == Connection.Phase.QUEUED || c.phase == Connection.Phase.RUNNING
                || c.phase == Connection.Phase.WORKER_WAIT;
        c.phase = Connection.Phase.CLOSED;
        c.setIdle(ctx.stats, false);
        if (!workerOwned) {
            releaseInput(c);
        }
        c.key.cancel();
        ((NioTransport) c.transport).wire().close();
        ((NioTransport) c.transport).closed();
        ReadinessWaits.closed(c);
        Runnable onClose = c.onClose;
        if (onClose != null) {
            c.onClose = null;
            pool.executeCallback(onClose);
        }
        // free the slot and record the figures before open-- is published (ConnectorStats.connectionClosed)
        if (c.holdsSlot) {
            slots.release();
        }
        ctx.stats.connectionClosed(c.requests);
    }

    static void closeChannel(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
