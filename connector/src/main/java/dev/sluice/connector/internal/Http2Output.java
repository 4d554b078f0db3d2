package dev.sluice.connector.internal;

import dev.sluice.connector.internal.http2.FrameWriter;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.util.ArrayDeque;

/**
 * The outbound side of one HTTP/2 connection: a queue of encoded frames that any thread adds to and that is
 * written without ever blocking; what the socket does not take at once waits for the selector to report the
 * socket writable. It also keeps the send flow-control windows (RFC 9113 section 6.9): a worker writing DATA waits
 * here for window and for the queue to drain below {@link #HIGH_WATER}, so a slow reader holds at most that much
 * of our memory, and a client that never opens its window (a zero-window stall) costs the worker at most the
 * write timeout.
 *
 * <p><b>Threading.</b> Every method is thread-safe; all state is guarded by this object's monitor, on which
 * writers wait. The wire is written only under that monitor (one writer at a time), while the selector thread
 * reads it (one reader), as {@link Wire} allows.
 */
final class Http2Output {
    /** Queued bytes past which DATA writers wait (control frames are always queued). */
    static final int HIGH_WATER = 64 * 1024;
    /** Queued bytes past which the peer is considered to be flooding us with frames to answer. */
    static final int FLOOD_LIMIT = 1024 * 1024;

    private final Wire wire;
    private final SelectorLoop loop;
    private final Connection connection;
    private final ConnectorStats stats;
    private final java.time.Clock clock;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private long queued;
    private boolean writeInterest;
    private boolean closed;
    /** The connection-level send window (section 6.9.1). */
    private long connectionWindow = dev.sluice.connector.internal.http2.Settings.DEFAULT_WINDOW;
    private int maxFrameSize = dev.sluice.connector.internal.http2.Frame.DEFAULT_MAX_FRAME_SIZE;
    /** Non-blocking writers to tell (on the pool) when window or queue room appears, with their deadlines. */
    private final java.util.List<Waiting> waiting = new java.util.ArrayList<>();
    private final WorkerPool pool;

    private record Waiting(Runnable task, long deadline) {
    }

    Http2Output(Wire wire, SelectorLoop loop, Connection connection, ConnectorStats stats, java.time.Clock clock) {
        this.pool = loop.pool();
        this.wire = wire;
        this.loop = loop;
        this.connection = connection;
        this.stats = stats;
        this.clock = clock;
    }

    /** Queues frames and writes what the socket takes now; never waits. */
    synchronized void send(ByteBuffer... frames) {
        if (closed) {
            return;
        }
        for (ByteBuffer f : frames) {
            queue.add(f);
            queued += f.remaining();
        }
        flushLocked();
    }

    /** Queues the last frame of {@code s} (HEADERS with END_STREAM): its concurrency slot is free from now. */
    synchronized void sendLast(Http2Stream s, ByteBuffer frame) {
        s.connection.streams.release(s);
        send(frame);
    }

    /** Whether the peer left more than {@link #FLOOD_LIMIT} unread: it sends frames faster than it reads answers. */
    synchronized boolean backedUp() {
        return queued > FLOOD_LIMIT;
    }

    /** Whether everything queued has been written. */
    synchronized boolean isEmpty() {
        return queue.isEmpty();
    }

    /** From the selector thread: the socket is writable. */
    synchronized void writable() {
        flushLocked();
    }

    private void flushLocked() {
        try {
            while (!queue.isEmpty()) {
                ByteBuffer[] batch = queue.toArray(new ByteBuffer[0]);
                long n = wire.write(batch, 0, batch.length);
                stats.bytesOut.add(n);
                queued -= n;
                while (!queue.isEmpty() && !queue.peek().hasRemaining()) {
                    queue.poll();
                }
                if (n == 0) {
                    break;
                }
            }
            boolean pending = !queue.isEmpty() || !wire.flush();
            if (pending != writeInterest) {
                // watch for writability only while something waits; the commands run in order on the loop
                writeInterest = pending;
                int ops = pending ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
                loop.execute(() -> {
                    if (connection.phase == Connection.Phase.HTTP2 && connection.key.isValid()) {
                        connection.key.interestOps(ops);
                    }
                });
            }
            if (queued <= HIGH_WATER) {
                notifyAll(); // writers waiting for room
                progress();
            }
        } catch (IOException e) {
            closedLocked();
        }
    }

    /**
     * Sends {@code len} bytes of content as DATA frames on {@code s}, waiting for flow-control window and queue
     * room; at most {@code writeTimeoutMillis} without progress.
     *
     * @throws IOException when the stream was reset, the connection closed, or the client stopped reading or
     *                     granting window for the write timeout
     */
    synchronized void sendData(Http2Stream s, byte[] b, int off, int len, boolean endStream, long writeTimeoutMillis)
            throws IOException {
        long deadline = clock.millis() + writeTimeoutMillis;
        do {
            while (true) {
                if (closed) {
                    throw new ClosedChannelException();
                }
                String failure = s.failure();
                if (failure != null) {
                    throw new IOException("Stream " + s.id + " ended: " + failure);
                }
                if (len == 0 || (s.sendWindow > 0 && connectionWindow > 0 && queued <= HIGH_WATER)) {
                    break;
                }
                long left = deadline - clock.millis();
                if (left <= 0) {
                    throw new SocketTimeoutException("Write timed out: the client stopped reading or granting window");
                }
                try {
                    wait(Math.min(left, NioTransport.POLL_MILLIS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("Interrupted while writing");
                }
            }
            int n = (int) Math.min(Math.min(len, maxFrameSize), Math.min(s.sendWindow, connectionWindow));
            s.sendWindow -= n;
            connectionWindow -= n;
            boolean last = endStream && n == len;
            if (last) {
                s.connection.streams.release(s); // before the client can see the end and open another
            }
            queue.add(FrameWriter.data(s.id, b, off, n, last));
            queued += n + 9;
            off += n;
            len -= n;
            deadline = clock.millis() + writeTimeoutMillis; // the timeout runs from the last progress
            flushLocked();
        } while (len > 0);
    }

    /**
     * A WINDOW_UPDATE for the connection (stream null) or a stream.
     *
     * @return false when the window would pass 2^31-1 (FLOW_CONTROL_ERROR, section 6.9.1)
     */
    synchronized boolean grow(Http2Stream s, long increment) {
        long now = (s == null ? connectionWindow : s.sendWindow) + increment;
        if (now > Integer.MAX_VALUE) {
            return false;
        }
        if (s == null) {
            connectionWindow = now;
        } else {
            s.sendWindow = now;
        }
        notifyAll();
        progress();
        return true;
    }

    /** SETTINGS_INITIAL_WINDOW_SIZE changed by {@code delta}: every open stream's window moves (section 6.9.2). */
    synchronized boolean shiftStreams(Iterable<Http2Stream> streams, int delta) {
        for (Http2Stream s : streams) {
            if (s.sendWindow + delta > Integer.MAX_VALUE) {
                return false;
            }
            s.sendWindow += delta;
        }
        notifyAll();
        return true;
    }

    synchronized void maxFrameSize(int size) {
        maxFrameSize = size;
    }

    synchronized int maxFrameSize() {
        return maxFrameSize;
    }

    /** Wakes writers waiting on a stream that was reset. */
    synchronized void wake() {
        notifyAll();
    }

    /**
     * Sends {@code b} as one DATA frame with END_STREAM if the windows allow it now (a canned response); never
     * waits. @return false when they do not: the caller ends the stream without content
     */
    synchronized boolean trySendData(Http2Stream s, byte[] b) {
        if (closed || b.length > s.sendWindow || b.length > connectionWindow || b.length > maxFrameSize) {
            return false;
        }
        s.sendWindow -= b.length;
        connectionWindow -= b.length;
        s.connection.streams.release(s);
        queue.add(FrameWriter.data(s.id, b, 0, b.length, true));
        queued += b.length + 9;
        flushLocked();
        return true;
    }

    /**
     * Closes the output for a last frame (GOAWAY): returns what must still go out, the rest of a frame already
     * partly written (cutting it would corrupt the framing) and then {@code last}; frames not begun are dropped.
     */
    synchronized ByteBuffer closeWith(ByteBuffer last) {
        ByteBuffer head = queue.peek();
        ByteBuffer result;
        if (head != null && head.position() > 0 && head.hasRemaining()) {
            result = ByteBuffer.allocate(head.remaining() + last.remaining()).put(head).put(last).flip();
        } else {
            result = last;
        }
        closedLocked();
        return result;
    }

    /** The connection is closing: nothing more is written and every waiting writer fails. */
    synchronized void close() {
        closedLocked();
    }

    private void closedLocked() {
        closed = true;
        queue.clear();
        queued = 0;
        notifyAll();
        progress(); // waiting non-blocking writers learn it from their next pump
    }

    /**
     * Sends as much of {@code len} bytes as the windows and queue allow now, never waiting (non-blocking writes).
     *
     * @return bytes taken; the last frame carries END_STREAM when {@code endStream} and all were taken
     */
    synchronized int sendDataNow(Http2Stream s, byte[] b, int off, int len, boolean endStream) throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        String failure = s.failure();
        if (failure != null) {
            throw new IOException("Stream " + s.id + " ended: " + failure);
        }
        int taken = 0;
        while (taken < len && s.sendWindow > 0 && connectionWindow > 0 && queued <= HIGH_WATER) {
            int n = (int) Math.min(Math.min(len - taken, maxFrameSize), Math.min(s.sendWindow, connectionWindow));
            s.sendWindow -= n;
            connectionWindow -= n;
            boolean last = endStream && taken + n == len;
            if (last) {
                s.connection.streams.release(s);
            }
            queue.add(FrameWriter.data(s.id, b, off + taken, n, last));
            queued += n + 9;
            taken += n;
        }
        if (len == 0 && endStream) {
            s.connection.streams.release(s);
            queue.add(FrameWriter.data(s.id, b, off, 0, true));
            queued += 9;
        }
        flushLocked();
        return taken;
    }

    /** Runs {@code task} on the pool at the next window growth or queue progress, or once {@code deadline} passed. */
    synchronized void onProgress(Http2Stream s, Runnable task, long deadline) {
        waiting.add(new Waiting(task, deadline));
    }

    /** From the sweep: tasks past their deadline run now (they fail their callback). */
    synchronized void expire(long now) {
        if (waiting.isEmpty()) {
            return;
        }
        java.util.Iterator<Waiting> it = waiting.iterator();
        while (it.hasNext()) {
            Waiting w = it.next();
            if (now >= w.deadline()) {
                it.remove();
                pool.executeCallback(w.task());
            }
        }
    }

    private void progress() {
        if (waiting.isEmpty()) {
            return;
        }
        for (Waiting w : waiting) {
            pool.executeCallback(w.task());
        }
        waiting.clear();
    }
}
