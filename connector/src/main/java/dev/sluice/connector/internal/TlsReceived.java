package dev.sluice.connector.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * What a TLS connection received and has not unwrapped yet: whole records and the start of the next (RFC 8446
 * section 5.1). The pooled buffer is held only while it holds something, so an idle connection holds none; it is
 * in read mode between calls.
 *
 * <p>Not thread safe: {@link TlsWire} calls it under its read lock only.
 */
final class TlsReceived {
    /** A TLS record header: type, version (2), length (2). */
    private static final int RECORD_HEADER = 5;
    private static final int HANDSHAKE_RECORD = 22;

    private final SocketChannel channel;
    private final SSLEngine engine;
    private final BufferPool buffers;
    private ByteBuffer netIn;
    /** Whether any byte has arrived yet (the first ones tell TLS from plain HTTP). */
    private boolean anyReceived;

    TlsReceived(SocketChannel channel, SSLEngine engine, BufferPool buffers) {
        this.channel = channel;
        this.engine = engine;
        this.buffers = buffers;
    }

    boolean isEmpty() {
        return netIn == null;
    }

    boolean anyReceived() {
        return anyReceived;
    }

    /** Bytes someone else read from the socket before the handshake (what followed a PROXY protocol header). */
    void prepend(ByteBuffer bytes) {
        if (bytes.hasRemaining()) {
            netIn = buffers.acquire();
            netIn.put(bytes).flip();
            anyReceived = true;
        }
    }

    /** An HTTP request line starts with a method token in capitals; a TLS connection with record type 22. */
    boolean looksLikePlainHttp() {
        byte b = netIn.get(netIn.position());
        return b != HANDSHAKE_RECORD && b >= 'A' && b <= 'Z';
    }

    /** Whether a whole record is here, ready to unwrap without reading the socket. */
    boolean hasWholeRecord() {
        if (netIn == null || netIn.remaining() < RECORD_HEADER) {
            return false;
        }
        int p = netIn.position();
        int length = ((netIn.get(p + 3) & 0xFF) << 8) | (netIn.get(p + 4) & 0xFF);
        return netIn.remaining() >= RECORD_HEADER + length;
    }

    /** Reads from the socket; returns what {@link SocketChannel#read} returned. */
    int fill() throws IOException {
        if (netIn == null) {
            netIn = buffers.acquire();
        } else {
            netIn.compact();
        }
        int n;
        try {
            n = channel.read(netIn);
            anyReceived |= n > 0;
        } finally {
            netIn.flip();
            if (!netIn.hasRemaining()) {
                buffers.release(netIn);
                netIn = null;
            }
        }
        if (n == 0 && netIn != null && netIn.limit() == netIn.capacity() && netIn.position() == 0) {
            throw new SSLException("TLS record larger than the largest allowed");
        }
        return n;
    }

    /** Unwraps one record into {@code dst} (write mode). Only when not {@link #isEmpty}. */
    SSLEngineResult unwrapInto(ByteBuffer dst) throws SSLException {
        SSLEngineResult r = engine.unwrap(netIn, dst);
        if (!netIn.hasRemaining()) {
            buffers.release(netIn);
            netIn = null;
        }
        if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            throw new SSLException("Decrypted record larger than the buffer");
        }
        return r;
    }

    /** Gives the buffer back to the pool, dropping what it held. */
    void discard() {
        buffers.release(netIn);
        netIn = null;
    }
}
