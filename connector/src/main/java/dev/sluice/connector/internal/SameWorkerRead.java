package dev.sluice.connector.internal;

import dev.sluice.core.HttpException;
import dev.sluice.core.RequestHead;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Same-worker keep-alive: after a response, the worker that wrote it may read the connection's next request head
 * itself and run it, instead of handing the connection back to its selector loop, which would read the head,
 * queue it and wake another worker (a hand-off between threads that costs more than a small request does).
 *
 * <p>It does so only when all of these hold, so that limits keep their meaning:
 * <ul>
 *   <li>the connection's owner saw the client's next bytes arrive while the worker was busy
 *       ({@link ConnectionOwner#nextBytesWaiting}): no read is tried speculatively, which would cost a system call
 *       per request for nothing;</li>
 *   <li>no other connection's request waits in the queue for a worker (same method): queued requests are never
 *       passed over;</li>
 *   <li>fewer than {@value #MAX_IN_ROW} requests of the connection ran this way in a row: then it goes back
 *       through the loop and the queue like any other, so one busy client cannot keep a worker to itself.</li>
 * </ul>
 * A request run this way was admitted with its worker's admission, still held (a busy worker is one admission,
 * as for a pipelined request), and is counted in the queue-time histogram with zero queue time and in
 * {@code sameWorkerRuns}. Its header timeout is the head's own: a head not complete in what was read goes back to
 * the loop, which waits for the rest under {@code headerTimeout}.
 */
final class SameWorkerRead {
    /** Requests of one connection run one after another on a worker without going through the queue. */
    static final int MAX_IN_ROW = 16;

    private SameWorkerRead() {
    }

    /** Whether the worker may try to read {@code c}'s next request, having run {@code inRow} such in a row. */
    static boolean allowed(ConnectorContext ctx, Connection c, int inRow) {
        return inRow < MAX_IN_ROW && !ctx.draining && c.owner.nextBytesWaiting(c);
    }

    /**
     * Reads what the client sent and parses it.
     *
     * @return the next head, counted as admitted with zero queue time (bytes after it stay in {@link Connection#in});
     *     null when no whole head is there yet (what was read is kept by the parser)
     * @throws EOFException when the client closed the connection
     * @throws IOException when the connection broke
     * @throws HttpException when the head is bad (the caller answers it)
     */
    static RequestHead read(ConnectorContext ctx, Connection c) throws IOException {
        ByteBuffer buffer = ctx.buffers.acquire();
        boolean keep = false;
        try {
            int n = c.transport.readNow(buffer);
            if (n < 0) {
                throw new EOFException("client closed the connection");
            }
            if (n == 0) {
                return null;
            }
            ctx.stats.bytesIn.add(n);
            buffer.flip();
            RequestHead head = c.parser.parse(buffer);
            if (head == null) {
                return null;
            }
            if (buffer.hasRemaining()) {
                c.in = buffer; // a body or a pipelined head: read on by this worker
                keep = true;
            }
            ctx.stats.queued(0);
            ctx.stats.sameWorkerRuns.increment();
            return head;
        } finally {
            if (!keep) {
                ctx.buffers.release(buffer);
            }
        }
    }
}
