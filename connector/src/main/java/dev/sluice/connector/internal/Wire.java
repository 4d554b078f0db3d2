package dev.sluice.connector.internal;

import dev.sluice.core.TlsDetails;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The bytes of one connection below HTTP: plain TCP ({@link PlainWire}) or TLS records over it ({@link TlsWire}).
 * Every call is non-blocking; waiting for readiness is the caller's business (the selector loop, or a worker
 * through {@link NioTransport}).
 *
 * <p><b>Threading.</b> One reader and one writer may use a wire at the same time (an upgraded connection reads on
 * one thread while another writes); the selector thread uses it only while it owns the connection.
 */
interface Wire {
    /** Reads what is available into {@code dst}: bytes read, 0 when nothing is, -1 at end of stream. */
    int read(ByteBuffer dst) throws IOException;

    /**
     * Takes as much of {@code srcs} as can go without waiting. A TLS wire may take bytes it could not send yet;
     * {@link #flush} sends them.
     *
     * @return bytes of {@code srcs} taken
     */
    long write(ByteBuffer[] srcs, int offset, int length) throws IOException;

    /** Sends what was taken and not yet sent. @return whether nothing is left to send */
    boolean flush() throws IOException;

    /** Whether input was read from the socket and is ready for {@link #read} without the socket being readable. */
    boolean hasBufferedInput();

    /** Ends output: a TLS wire sends close_notify (RFC 8446 section 6.1) first, then the TCP FIN. */
    void shutdownOutput() throws IOException;

    /** Closes at once, releasing any buffer. Idempotent. */
    void close();

    /** The socket under the wire (for registration, lingering reads and addresses). */
    SocketChannel channel();

    /** The facts of the TLS connection once its handshake is done; null for plain TCP. */
    TlsDetails tls();
}
