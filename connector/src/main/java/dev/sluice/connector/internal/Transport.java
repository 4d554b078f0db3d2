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

    InetSocketAddress remoteAddress();
}
