package dev.sluice.connector.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The byte stream of one connection as a worker sees it: blocking reads and writes, each bounded by a deadline on
 * the connector's clock. Implemented over a non-blocking socket channel (waiting for readiness through the
 * selector) and, in tests, over memory.
 */
interface Transport {
    /**
     * Reads at least one byte into {@code dst}, waiting until {@code deadlineMillis} at most.
     *
     * @return bytes read, or -1 at end of stream
     * @throws java.net.SocketTimeoutException when the deadline passes first
     */
    int read(ByteBuffer dst, long deadlineMillis) throws IOException;

    /** Reads what is available without waiting; 0 when nothing is, -1 at end of stream. */
    int readNow(ByteBuffer dst) throws IOException;

    /**
     * Writes every remaining byte of {@code srcs}, waiting while the client does not read, for at most the write
     * timeout without progress.
     *
     * @throws java.net.SocketTimeoutException when the client stopped reading
     */
    void write(ByteBuffer[] srcs, int offset, int length) throws IOException;

    InetSocketAddress localAddress();

    /** The connection's TLS facts, or null over plain TCP. */
    default dev.sluice.core.TlsDetails tls() {
        return null;
    }

    InetSocketAddress remoteAddress();

    /**
     * Non-blocking wait: {@code callback} runs once on the worker pool when the connection is ready for
     * {@code op} (SelectionKey.OP_READ or OP_WRITE), or fails when it closes or {@code deadlineMillis} passes
     * ({@code timeout} supplies that failure). {@code before} runs on the pool thread first.
     */
    default void awaitAsync(int op, long deadlineMillis, dev.sluice.core.IoCallback callback,
                            java.util.function.Supplier<? extends Throwable> timeout, Runnable before) {
        throw new UnsupportedOperationException("Non-blocking I/O is not supported by this transport");
    }

    /** Runs {@code task} on the worker pool (a callback found ready at once). */
    default void runOnPool(Runnable task) {
        throw new UnsupportedOperationException("Non-blocking I/O is not supported by this transport");
    }

    /**
     * Switches non-blocking write mode on or off. While on, {@link #write} never waits: what the client does not
     * take at once is held and sent by {@link #flushHeld}. Switch off only when nothing is held.
     */
    default void nonBlockingWrites(boolean on) {
        throw new UnsupportedOperationException("Non-blocking I/O is not supported by this transport");
    }

    /** Sends what is held in non-blocking write mode; never waits. @return whether nothing is held any more */
    default boolean flushHeld() throws IOException {
        return true;
    }
}
