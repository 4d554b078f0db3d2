package dev.sluice.connector.internal;

import dev.sluice.core.TlsDetails;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;

/**
 * TLS records over a non-blocking socket, through the JDK's {@link SSLEngine}. The record layer streams: a write
 * is wrapped one record at a time into a pooled buffer and sent before the next is made, so a large response is
 * never copied whole; a read unwraps straight into the caller's buffer when it has room for a record. Each
 * buffer (received records, decrypted bytes, records to send) is taken from the pool only while it holds
 * something, so an idle TLS connection holds none.
 *
 * <p>The handshake ({@link #handshake}) is driven by the selector thread and never waits. Renegotiation
 * (TLS 1.2; TLS 1.3 has none) is refused by closing the connection. Post-handshake messages of TLS 1.3
 * (KeyUpdate) are answered.
 *
 * <p><b>Threading.</b> Reads hold {@code inLock}, writes {@code outLock}: one reader and one writer may run at
 * once, as {@link Wire} allows.
 */
final class TlsWire implements Wire {
    /** Where a handshake step stopped. */
    enum Step { NEED_READ, NEED_WRITE, DONE, PLAINTEXT }

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    /** A TLS record header: type, version (2), length (2). RFC 8446 section 5.1. */
    private static final int RECORD_HEADER = 5;
    private static final int HANDSHAKE_RECORD = 22;

    private final SocketChannel channel;
    private final SSLEngine engine;
    private final BufferPool buffers;
    private final ReentrantLock inLock = new ReentrantLock();
    private final ReentrantLock outLock = new ReentrantLock();
    /** Received bytes not yet unwrapped, in read mode; null when none. Under inLock. */
    private ByteBuffer netIn;
    /** Decrypted bytes not yet read, in read mode; null when none. Under inLock. */
    private ByteBuffer appIn;
    /** Wrapped records not yet sent, in read mode; null when none. Under outLock. */
    private ByteBuffer netOut;
    private boolean inboundClosed;
    /** Whether any byte has arrived yet (the first ones tell TLS from plain HTTP). Under inLock. */
    private boolean anyReceived;
    private volatile boolean handshakeDone;
    private volatile boolean closed;
    /** After plain HTTP arrived on the TLS port: the refusal goes out unencrypted. */
    private volatile boolean plaintext;
    private volatile TlsDetails details;

    TlsWire(SocketChannel channel, SSLEngine engine, BufferPool buffers) throws SSLException {
        this.channel = channel;
        this.engine = engine;
        this.buffers = buffers;
        engine.beginHandshake();
    }

    /**
     * Moves the handshake on as far as it goes without waiting. Selector thread only, before any other use.
     *
     * @return what it waits for, DONE when complete, or PLAINTEXT when the client spoke plain HTTP
     * @throws IOException when the handshake failed or the client closed
     */
    Step handshake() throws IOException {
        inLock.lock();
        outLock.lock();
        try {
            while (true) {
                if (!sendNetOut()) {
                    return Step.NEED_WRITE;
                }
                HandshakeStatus hs = engine.getHandshakeStatus();
                // not done at FINISHED: a TLS 1.3 server then still sends its session ticket (NEED_WRAP), which
                // must leave now for a client that closes at once to resume later (RFC 8446 section 4.6.1)
                if (hs == HandshakeStatus.NOT_HANDSHAKING) {
                    handshakeDone = true;
                    details = TlsFacts.of(engine);
                    return Step.DONE;
                }
                switch (hs) {
                    case NEED_TASK -> runTasks();
                    case NEED_WRAP -> wrapInto(new ByteBuffer[] {EMPTY}, 0, 1);
                    default -> { // NEED_UNWRAP
                        SSLEngineResult r = null;
                        if (netIn != null) {
                            r = unwrapInto(appInForWrite());
                            flipAppIn();
                        }
                        if (r != null && r.getStatus() == SSLEngineResult.Status.CLOSED) {
                            throw new EOFException("The client closed during the handshake");
                        }
                        if (r == null || r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                            boolean first = !anyReceived;
                            int n = fill();
                            if (n < 0) {
                                throw new EOFException("The client closed during the handshake");
                            }
                            if (n == 0) {
                                return Step.NEED_READ;
                            }
                            if (first && looksLikePlainHttp(netIn)) {
                                return Step.PLAINTEXT;
                            }
                        }
                    }
                }
            }
        } catch (SSLException e) {
            sendAlert();
            throw e;
        } finally {
            outLock.unlock();
            inLock.unlock();
        }
    }

    /**
     * After the engine failed, sends the fatal alert it made (handshake_failure, certificate_required,
     * no_application_protocol...), so the client learns why instead of seeing a bare close. Best effort.
     */
    private void sendAlert() {
        if (plaintext || !outLock.tryLock()) {
            return;
        }
        try {
            // a delegated task's failure comes out of the next wrap; the wraps after it send what was queued
            // (a ServerHello, then the alert), a few records at most
            for (int attempt = 0; attempt < 4; attempt++) {
                try {
                    if (!sendNetOut()) {
                        return;
                    }
                    SSLEngineResult r = wrapInto(new ByteBuffer[] {EMPTY}, 0, 1);
                    if (!sendNetOut() || r.bytesProduced() == 0
                            || engine.getHandshakeStatus() != HandshakeStatus.NEED_WRAP) {
                        return;
                    }
                } catch (SSLException thrownByTask) {
                    // try again: the alert is still queued
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // the connection is being closed anyway
        } finally {
            outLock.unlock();
        }
    }

    /** An HTTP request line starts with a method token in capitals; a TLS connection with record type 22. */
    private static boolean looksLikePlainHttp(ByteBuffer received) {
        byte b = received.get(received.position());
        return b != HANDSHAKE_RECORD && b >= 'A' && b <= 'Z';
    }

    /** From now on writes go out unencrypted: only for refusing plain HTTP that arrived on the TLS port. */
    void refusePlaintext() {
        plaintext = true;
        inLock.lock();
        try {
            buffers.release(netIn);
            netIn = null;
        } finally {
            inLock.unlock();
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        inLock.lock();
        try {
            while (true) {
                if (appIn != null) {
                    int n = transfer(appIn, dst);
                    if (!appIn.hasRemaining()) {
                        buffers.release(appIn);
                        appIn = null;
                    }
                    if (n > 0 || !dst.hasRemaining()) {
                        return n;
                    }
                }
                if (inboundClosed) {
                    return -1;
                }
                if (netIn != null) {
                    boolean direct = dst.remaining() >= engine.getSession().getApplicationBufferSize();
                    int before = dst.position();
                    SSLEngineResult r = unwrapInto(direct ? dst : appInForWrite());
                    if (!direct) {
                        flipAppIn();
                    }
                    if (r.getStatus() == SSLEngineResult.Status.CLOSED) {
                        inboundClosed = true; // close_notify: end of stream once the decrypted bytes are read
                        continue;
                    }
                    if (r.getStatus() == SSLEngineResult.Status.OK) {
                        afterHandshakeMessage(r);
                        if (dst.position() > before) {
                            return dst.position() - before;
                        }
                        continue;
                    }
                    // BUFFER_UNDERFLOW: the rest of a record is still on its way
                }
                int n = fill();
                if (n <= 0) {
                    if (n < 0) {
                        inboundClosed = true; // without close_notify: a truncation, seen as end of stream
                    }
                    return n;
                }
            }
        } catch (SSLException e) {
            sendAlert(); // e.g. the handshake_failure refusing a TLS 1.2 renegotiation
            throw e;
        } finally {
            inLock.unlock();
        }
    }

    /**
     * After the handshake, a handshake message is a TLS 1.3 KeyUpdate (answered) or a TLS 1.2 renegotiation
     * (refused: it lets a client make the server redo expensive work, and Sluice has no use for it).
     */
    private void afterHandshakeMessage(SSLEngineResult r) throws IOException {
        HandshakeStatus hs = r.getHandshakeStatus();
        if (hs == HandshakeStatus.NOT_HANDSHAKING || hs == HandshakeStatus.FINISHED) {
            return;
        }
        while (hs == HandshakeStatus.NEED_TASK) {
            runTasks(); // a TLS 1.2 ClientHello is refused here by the engine (see TlsContext)
            hs = engine.getHandshakeStatus();
        }
        if (!"TLSv1.3".equals(engine.getSession().getProtocol())) {
            throw new SSLException("TLS renegotiation is refused"); // read's caller sends the engine's alert
        }
        if (hs == HandshakeStatus.NEED_WRAP) {
            outLock.lock();
            try {
                if (sendNetOut()) {
                    wrapInto(new ByteBuffer[] {EMPTY}, 0, 1);
                    sendNetOut(); // what the socket does not take goes with the next write or flush
                }
            } finally {
                outLock.unlock();
            }
        }
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        if (plaintext) {
            return channel.write(srcs, offset, length);
        }
        outLock.lock();
        try {
            long taken = 0;
            while (sendNetOut() && remaining(srcs, offset, length)) {
                SSLEngineResult r = wrapInto(srcs, offset, length);
                taken += r.bytesConsumed();
            }
            return taken;
        } finally {
            outLock.unlock();
        }
    }

    @Override
    public boolean flush() throws IOException {
        if (plaintext) {
            return true;
        }
        outLock.lock();
        try {
            return sendNetOut();
        } finally {
            outLock.unlock();
        }
    }

    @Override
    public boolean hasBufferedInput() {
        inLock.lock();
        try {
            if (appIn != null) {
                return true;
            }
            if (netIn == null || netIn.remaining() < RECORD_HEADER) {
                return false;
            }
            int p = netIn.position();
            int length = ((netIn.get(p + 3) & 0xFF) << 8) | (netIn.get(p + 4) & 0xFF);
            return netIn.remaining() >= RECORD_HEADER + length; // a whole record is here
        } finally {
            inLock.unlock();
        }
    }

    @Override
    public void shutdownOutput() throws IOException {
        if (!plaintext) {
            outLock.lock();
            try {
                sendCloseNotify();
            } finally {
                outLock.unlock();
            }
        }
        channel.shutdownOutput();
    }

    /** Queues close_notify and sends what the socket takes now. Under outLock. */
    private void sendCloseNotify() throws IOException {
        engine.closeOutbound();
        if (!handshakeDone || !sendNetOut()) {
            return;
        }
        while (!engine.isOutboundDone()) {
            SSLEngineResult r = wrapInto(new ByteBuffer[] {EMPTY}, 0, 1);
            if (r.bytesProduced() == 0) {
                break;
            }
        }
        sendNetOut();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // buffers go back to the pool only when no reader or writer is using them; otherwise to the collector
        if (outLock.tryLock()) {
            try {
                if (!plaintext && !engine.isOutboundDone()) {
                    sendCloseNotify(); // best effort: the socket takes it now or never
                }
            } catch (IOException | RuntimeException ignored) {
                // closing anyway
            } finally {
                buffers.release(netOut);
                netOut = null;
                outLock.unlock();
            }
        }
        ConnectionCloser.closeChannel(channel);
        if (inLock.tryLock()) {
            try {
                buffers.release(netIn);
                buffers.release(appIn);
                netIn = null;
                appIn = null;
            } finally {
                inLock.unlock();
            }
        }
    }

    @Override
    public SocketChannel channel() {
        return channel;
    }

    @Override
    public TlsDetails tls() {
        return details;
    }

    /** The engine, for tests and the HTTP/2 hook (its negotiated application protocol). */
    SSLEngine engine() {
        return engine;
    }

    // buffers: each is in read mode between calls and null when empty

    /** Reads from the socket into netIn. Under inLock. */
    private int fill() throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
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

    /** Unwraps one record from netIn into {@code dst} (write mode). Under inLock. */
    private SSLEngineResult unwrapInto(ByteBuffer dst) throws SSLException {
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

    /** appIn in write mode (acquired if needed), for unwrapping into. Under inLock. */
    private ByteBuffer appInForWrite() {
        if (appIn == null) {
            appIn = buffers.acquire();
        } else {
            appIn.compact();
        }
        return appIn;
    }

    /** Back to read mode after {@link #appInForWrite}; released when empty. */
    private void flipAppIn() {
        if (appIn != null) {
            appIn.flip();
            if (!appIn.hasRemaining()) {
                buffers.release(appIn);
                appIn = null;
            }
        }
    }

    /** Wraps into netOut, which must be empty. Under outLock. */
    private SSLEngineResult wrapInto(ByteBuffer[] srcs, int offset, int length) throws IOException {
        netOut = buffers.acquire();
        SSLEngineResult r;
        try {
            r = engine.wrap(srcs, offset, length, netOut);
        } finally {
            netOut.flip();
        }
        if (r.getStatus() == SSLEngineResult.Status.CLOSED && r.bytesProduced() == 0 && r.bytesConsumed() == 0
                && remaining(srcs, offset, length)) {
            throw new ClosedChannelException();
        }
        if (r.getStatus() == SSLEngineResult.Status.BUFFER_OVERFLOW) {
            throw new SSLException("TLS record larger than the buffer");
        }
        return r;
    }

    /** Sends netOut. Under outLock. @return whether nothing is left in it */
    private boolean sendNetOut() throws IOException {
        if (netOut == null) {
            return true;
        }
        if (netOut.hasRemaining()) {
            channel.write(netOut);
        }
        if (netOut.hasRemaining()) {
            return false;
        }
        buffers.release(netOut);
        netOut = null;
        return true;
    }

    private void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run(); // on the calling thread: with EC keys a signature costs well under a millisecond
        }
    }

    private static int transfer(ByteBuffer from, ByteBuffer to) {
        int n = Math.min(from.remaining(), to.remaining());
        if (n > 0) {
            int limit = from.limit();
            from.limit(from.position() + n);
            to.put(from);
            from.limit(limit);
        }
        return n;
    }

    private static boolean remaining(ByteBuffer[] srcs, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (srcs[i].hasRemaining()) {
                return true;
            }
        }
        return false;
    }
}
