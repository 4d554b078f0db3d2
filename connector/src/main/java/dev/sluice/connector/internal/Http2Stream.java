package dev.sluice.connector.internal;

import dev.sluice.core.Headers;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * One HTTP/2 stream (RFC 9113 section 5.1) as both sides see it: the selector thread delivers the request's DATA
 * and trailers into it; the worker running the exchange reads them and writes the response.
 *
 * <pre>
 *  HEADERS ─► OPEN ──(END_STREAM received)──► HALF_CLOSED_REMOTE ──(response END_STREAM sent)──► CLOSED
 *               │ (response END_STREAM sent first: the request body is not wanted, RST_STREAM NO_ERROR)
 *               └─ RST_STREAM either way, connection closed ───────────────────────────────────────► CLOSED
 * </pre>
 *
 * <p><b>Threading.</b> The inbound buffer, the remote end and the reset are guarded by this object's monitor,
 * which a blocked reader waits on. The send window is guarded by the connection's {@link Http2Output}.
 */
final class Http2Stream {
    final int id;
    final Http2Connection connection;
    /** Request trailers, filled by the selector thread before {@link #remoteClosed} is set. */
    final Headers requestTrailers = new Headers(2);
    /** What the peer lets us send on this stream; guarded by the connection's output. */
    long sendWindow;
    /** Bytes the peer may still send before a WINDOW_UPDATE of ours (section 6.9): taken by the selector thread
     * as DATA arrives, given back by the reader's updates. */
    final java.util.concurrent.atomic.AtomicInteger receiveWindow;
    /** Selector thread: DATA bytes received in all, against the declared content length. */
    long received;
    /** Selector thread: the declared content-length, or -1. */
    long declaredLength = -1;
    /** Selector thread: END_STREAM received. */
    boolean remoteEnded;
    /** The stream left the table of active streams (once, from whichever thread got there first). */
    final java.util.concurrent.atomic.AtomicBoolean retired = new java.util.concurrent.atomic.AtomicBoolean();
    /** Its place in the request queue, to take it back out when the client resets it first; or null. */
    volatile WorkerPool.Admission admission;

    private final ArrayDeque<byte[]> inbound = new ArrayDeque<>();
    private int inboundBytes;
    private int headOffset;
    private boolean inboundEnded;
    /** Why the stream ended early (a reset by either side, or the connection closing); null while it may go on. */
    private String failure;
    /** Bytes the reader consumed and not yet given back as WINDOW_UPDATE. */
    private int unacknowledged;
    /** Whether the stream still counts against SETTINGS_MAX_CONCURRENT_STREAMS. */
    final java.util.concurrent.atomic.AtomicBoolean counted = new java.util.concurrent.atomic.AtomicBoolean(true);
    /** A non-blocking reader waiting for content, its end or a failure; told once, on the pool. */
    private dev.sluice.core.IoCallback readCallback;
    /** Set by the worker once the response's last frame is queued. */
    volatile boolean localEnded;

    Http2Stream(int id, Http2Connection connection, int sendWindow, int receiveWindow) {
        this.id = id;
        this.connection = connection;
        this.sendWindow = sendWindow;
        this.receiveWindow = new java.util.concurrent.atomic.AtomicInteger(receiveWindow);
    }

    /** From the selector thread: a DATA payload (padding removed) arrived. */
    synchronized void deliver(byte[] data, int offset, int length) {
        if (length > 0 && failure == null) {
            byte[] copy = new byte[length];
            System.arraycopy(data, offset, copy, 0, length);
            inbound.add(copy);
            inboundBytes += length;
        }
        notifyAll();
        if (length > 0) {
            tellReader(null);
        }
    }

    /** From the selector thread: END_STREAM arrived (after any trailers were stored). */
    synchronized void endInbound() {
        inboundEnded = true;
        notifyAll();
        tellReader(null);
    }

    /** From any thread: the stream was reset or its connection closed; readers and writers fail from now on. */
    synchronized void fail(String why) {
        if (failure == null) {
            failure = why;
        }
        notifyAll();
        tellReader(why);
    }

    /**
     * Registers a non-blocking reader: told on the pool at once when a read would not wait, else when content,
     * the end or a failure arrives.
     */
    synchronized void awaitReadable(dev.sluice.core.IoCallback callback) {
        if (readCallback != null) {
            throw new IllegalStateException("A read registration is already outstanding");
        }
        readCallback = callback;
        if (!inbound.isEmpty() || inboundEnded || failure != null) {
            tellReader(failure);
        }
    }

    private void tellReader(String failed) {
        dev.sluice.core.IoCallback cb = readCallback;
        if (cb == null) {
            return;
        }
        readCallback = null;
        connection.loop.pool().executeCallback(() -> {
            if (failed != null) {
                cb.onError(new IOException("Stream " + id + " ended: " + failed));
            } else {
                cb.onReady();
            }
        });
    }

    synchronized String failure() {
        return failure;
    }

    /**
     * Reads request content, waiting until {@code deadlineMillis} on {@code clock}.
     *
     * @return bytes read, or -1 at the end of the content; 0 only when {@code wait} is false and nothing is here
     */
    synchronized int read(byte[] b, int off, int len, boolean wait, java.time.Clock clock, long deadlineMillis)
            throws IOException {
        while (inbound.isEmpty()) {
            if (failure != null) {
                throw new IOException("Stream " + id + " ended: " + failure);
            }
            if (inboundEnded) {
                return -1;
            }
            if (!wait) {
                return 0;
            }
            long left = deadlineMillis - clock.millis();
            if (left <= 0) {
                throw new java.net.SocketTimeoutException("Request content not received in time");
            }
            try {
                wait(Math.min(left, NioTransport.POLL_MILLIS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("Interrupted while reading request content");
            }
        }
        byte[] head = inbound.peek();
        int n = Math.min(len, head.length - headOffset);
        System.arraycopy(head, headOffset, b, off, n);
        headOffset += n;
        if (headOffset == head.length) {
            inbound.poll();
            headOffset = 0;
        }
        inboundBytes -= n;
        unacknowledged += n;
        return n;
    }

    /** Whether a read would not wait: content, its end, or a failure is here. */
    synchronized boolean readable() {
        return !inbound.isEmpty() || inboundEnded || failure != null;
    }

    /** Whether every byte of the request content was read. */
    synchronized boolean inboundFinished() {
        return inboundEnded && inbound.isEmpty();
    }

    /** Takes the count of consumed bytes to give back in a WINDOW_UPDATE once it is worth a frame. */
    synchronized int takeConsumed(int threshold) {
        if (unacknowledged < threshold || inboundEnded) {
            return 0; // after END_STREAM the peer sends nothing more on this stream: no update needed
        }
        int n = unacknowledged;
        unacknowledged = 0;
        return n;
    }

    /** Padding received: counted against the stream window like content, given back with the next update. */
    synchronized void refund(int n) {
        unacknowledged += n;
    }

    /** Drops unread content; returns how many bytes the connection window should get back for it. */
    synchronized int discardInbound() {
        int n = inboundBytes;
        inbound.clear();
        inboundBytes = 0;
        unacknowledged = 0;
        headOffset = 0;
        return n;
    }

    @Override
    public String toString() {
        return "stream " + id;
    }
}
