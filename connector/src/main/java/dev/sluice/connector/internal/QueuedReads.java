package dev.sluice.connector.internal;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * What the selector does when a connection whose request waits in the queue becomes readable. Either the client
 * sent more (request content, pipelined requests), which is kept for the worker, or it closed or reset the
 * connection: then the request leaves the queue at once and is counted ({@code abandonedInQueue}) instead of
 * holding a queue place, which live clients would be refused for, until a worker finds the client gone. An EOF
 * counts as gone too, as nginx treats a client that closes while its request waits ("499 client closed
 * request"). Used only by the owning {@link SelectorLoop}'s thread.
 */
final class QueuedReads {
    private final ConnectorContext ctx;
    private final WorkerPool pool;
    private final ConnectionCloser closer;

    QueuedReads(ConnectorContext ctx, WorkerPool pool, ConnectionCloser closer) {
        this.ctx = ctx;
        this.pool = pool;
        this.closer = closer;
    }

    /** {@code c} is QUEUED and its channel is readable. */
    void readWhileQueued(Connection c) {
        if (!pool.takeBack(c)) {
            SelectorLoop.stopWatching(c); // a worker already runs it: it reads for itself
            return;
        }
        // out of the queue, with its admission kept: this thread owns the connection until putBack
        ByteBuffer in = c.in;
        if (in == null) {
            in = ctx.buffers.acquire();
            in.flip(); // read mode, empty
        }
        int n;
        in.compact();
        try {
            n = in.hasRemaining() ? ((NioTransport) c.transport).wire().read(in) : 0;
        } catch (IOException e) {
            n = -1; // reset
        }
        in.flip();
        if (n < 0) {
            pool.release(c);
            ctx.buffers.release(in);
            c.in = null;
            ctx.stats.abandonedInQueue.increment();
            closer.closeNow(c);
            return;
        }
        ctx.stats.bytesIn.add(n);
        if (in.limit() == in.capacity()) {
            SelectorLoop.stopWatching(c); // nowhere to put more: the worker reads the rest
        }
        if (in.hasRemaining()) {
            c.in = in;
        } else {
            ctx.buffers.release(in);
            c.in = null;
        }
        pool.putBack(c);
    }
}
