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
 * buffer (received records, {@link TlsReceived}; decrypted bytes; records to send, {@link TlsOutbound}) is taken
 * from the pool only while it holds something, so an idle TLS connection holds none.
 *
 * <p>The handshake ({@link #handshake}) is driven by the selector thread and never waits. Renegotiation
 * (TLS 1.2; TLS 1.3 has none) is refused with a fatal alert. Post-handshake messages of TLS 1.3
 * (KeyUpdate) are answered.
 *
 * <p><b>Threading.</b> Reads hold {@code inLock}, writes the lock of {@link TlsOutbound}: one reader and one
 * writer may run at once, as {@link Wire} allows.
 */
final class TlsWire implements Wire {
    /** Where a handshake step stopped. */
    enum Step { NEED_READ, NEED_WRITE, NEED_TASKS, DONE, PLAINTEXT }

    private final SocketChannel channel;
    private final SSLEngine engine;
    private final BufferPool buffers;
    private final ReentrantLock inLock = new ReentrantLock();
    private final TlsOutbound out;
    /** Received bytes not yet unwrapped. Under inLock. */
    private final TlsReceived received;
    /** Decrypted bytes not yet read, in read mode; null when none. Under inLock. */
    private ByteBuffer appIn;
    private boolean inboundClosed;
    private volatile boolean handshakeDone;
    private volatile boolean closed;
    /** After plain HTTP arrived on the TLS port: the refusal goes out unencrypted. */
    private volatile boolean plaintext;
    private volatile TlsDetails details;
    /** Wall-clock time of accept, on the clock SSLSession creation times use. */
    private final long startedMillis = System.currentTimeMillis();
    /** Whether the finished handshake resumed an earlier session. Selector thread. */
    private boolean resumed;

    TlsWire(SocketChannel channel, SSLEngine engine, BufferPool buffers) throws SSLException {
        this.channel = channel;
        this.engine = engine;
        this.buffers = buffers;
        this.out = new TlsOutbound(channel, engine, buffers);
        this.received = new TlsReceived(channel, engine, buffers);
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
        try {
            while (true) {
                if (!out.send()) {
                    return Step.NEED_WRITE;
                }
                HandshakeStatus hs = engine.getHandshakeStatus();
                // not done at FINISHED: a TLS 1.3 server then still sends its session ticket (NEED_WRAP), which
                // must leave now for a client that closes at once to resume later (RFC 8446 section 4.6.1)
                if (hs == HandshakeStatus.NOT_HANDSHAKING) {
                    handshakeDone = true;
                    details = TlsFacts.of(engine);
                    // a resumed session keeps the creation time of the handshake that made it (TLS 1.2 by id or
                    // ticket, TLS 1.3 by PSK ticket), which is earlier than this connection
                    resumed = engine.getSession().getCreationTime() < startedMillis;
                    return Step.DONE;
                }
                switch (hs) {
                    case NEED_TASK -> {
                        return Step.NEED_TASKS; // the caller runs them off the selector thread
                    }
                    case NEED_WRAP -> out.wrapOwnMessage();
                    default -> { // NEED_UNWRAP
                        SSLEngineResult r = null;
                        if (!received.isEmpty()) {
                            r = received.unwrapInto(appInForWrite());
                            flipAppIn();
                        }
                        if (r != null && r.getStatus() == SSLEngineResult.Status.CLOSED) {
                            throw new EOFException("The client closed during the handshake");
                        }
                        if (r == null || r.getStatus() == SSLEngineResult.Status.BUFFER_UNDERFLOW) {
                            boolean first = !received.anyReceived();
                            int n = fill();
                            if (n < 0) {
                                throw new EOFException("The client closed during the handshake");
                            }
                            if (n == 0) {
                                return Step.NEED_READ;
                            }
                            if (first && received.looksLikePlainHttp()) {
                                return Step.PLAINTEXT;
                            }
                        }
                    }
                }
            }
        } catch (SSLException e) {
            out.sendAlert();
            throw e;
        } finally {
            inLock.unlock();
        }
    }

    /**
     * Bytes read from the socket before the handshake by someone else (what followed a PROXY protocol header): the
     * start of the TLS stream. Selector thread, before {@link #handshake}.
     */
    void received(ByteBuffer bytes) {
        inLock.lock();
        try {
            received.prepend(bytes);
        } finally {
            inLock.unlock();
        }
    }

    /** From now on writes go out unencrypted: only for refusing plain HTTP that arrived on the TLS port. */
    void refusePlaintext() {
        plaintext = true;
        inLock.lock();
        try {
            received.discard();
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
                if (!received.isEmpty()) {
                    boolean direct = dst.remaining() >= engine.getSession().getApplicationBufferSize();
                    int before = dst.position();
                    SSLEngineResult r = received.unwrapInto(direct ? dst : appInForWrite());
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
            if (!plaintext) {
                out.sendAlert(); // e.g. the handshake_failure refusing a TLS 1.2 renegotiation
            }
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
            out.wrapOwnMessage();
        }
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return plaintext ? channel.write(srcs, offset, length) : out.write(srcs, offset, length);
    }

    @Override
    public boolean flush() throws IOException {
        return plaintext || out.send();
    }

    @Override
    public boolean hasBufferedInput() {
        inLock.lock();
        try {
            return appIn != null || received.hasWholeRecord();
        } finally {
            inLock.unlock();
        }
    }

    @Override
    public void shutdownOutput() throws IOException {
        if (!plaintext) {
            out.closeNotify(handshakeDone);
        }
        channel.shutdownOutput();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (!plaintext) {
            out.close(handshakeDone);
        }
        ConnectionCloser.closeChannel(channel);
        if (inLock.tryLock()) { // buffers go back to the pool only when no reader is using them
            try {
                received.discard();
                buffers.release(appIn);
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

    /** After {@link Step#DONE}: whether the handshake resumed an earlier session instead of making a new one. */
    boolean resumed() {
        return resumed;
    }

    /** Whether the client sent any byte yet (a connection closed before any is a probe, not a failed handshake). */
    boolean anyReceived() {
        inLock.lock();
        try {
            return received.anyReceived();
        } finally {
            inLock.unlock();
        }
    }

    // appIn is in read mode between calls and null when empty

    /** Reads from the socket into the received records. Under inLock. */
    private int fill() throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        return received.fill();
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

    /**
     * Runs the engine's delegated tasks (the handshake's signature and key agreement) on the calling thread. Any
     * thread; the handshake goes on with {@link #handshake} afterwards.
     */
    void runTasks() {
        Runnable task;
        while ((task = engine.getDelegatedTask()) != null) {
            task.run();
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
}
