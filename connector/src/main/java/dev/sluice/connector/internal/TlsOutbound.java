package dev.sluice.connector.internal;

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
 * The sending half of a {@link TlsWire}: wraps one record at a time into a pooled buffer and sends it before the
 * next is made, so output is never copied whole and the client's reading paces the wrapping. The buffer is held
 * only while a record waits for the socket. Thread-safe: every method takes the half's own lock.
 */
final class TlsOutbound {
    private static final ByteBuffer[] NOTHING = {ByteBuffer.allocate(0)};

    private final SocketChannel channel;
    private final SSLEngine engine;
    private final BufferPool buffers;
    private final ReentrantLock lock = new ReentrantLock();
    /** A wrapped record not yet sent, in read mode; null when none. */
    private ByteBuffer netOut;

    TlsOutbound(SocketChannel channel, SSLEngine engine, BufferPool buffers) {
        this.channel = channel;
        this.engine = engine;
        this.buffers = buffers;
    }

    /** Wraps and sends {@code srcs} as far as the socket takes it. @return bytes of {@code srcs} taken */
    long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        lock.lock();
        try {
            long taken = 0;
            while (send() && remaining(srcs, offset, length)) {
                SSLEngineResult r = wrap(srcs, offset, length);
                if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                    // the engine waits for the peer (a handshake message) before it sends data: never spin
                    throw new SSLException("TLS engine cannot send now (" + r.getHandshakeStatus() + ")");
                }
                taken += r.bytesConsumed();
            }
            return taken;
        } finally {
            lock.unlock();
        }
    }

    /** Sends the record waiting, if any. @return whether nothing waits any more */
    boolean send() throws IOException {
        lock.lock();
        try {
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
        } finally {
            lock.unlock();
        }
    }

    /** Wraps what the engine has to send by itself (a handshake message, a KeyUpdate) and sends what goes. */
    SSLEngineResult wrapOwnMessage() throws IOException {
        lock.lock();
        try {
            SSLEngineResult r = send() ? wrap(NOTHING, 0, 1) : null;
            send(); // what the socket does not take goes with the next write or flush
            return r;
        } finally {
            lock.unlock();
        }
    }

    /** Queues close_notify (RFC 8446 section 6.1) and sends what the socket takes now. */
    void closeNotify(boolean handshakeDone) throws IOException {
        lock.lock();
        try {
            engine.closeOutbound();
            if (!handshakeDone || !send()) {
                return;
            }
            while (!engine.isOutboundDone()) {
                if (wrap(NOTHING, 0, 1).bytesProduced() == 0) {
                    break;
                }
            }
            send();
        } finally {
            lock.unlock();
        }
    }

    /**
     * After the engine failed, sends what it queued up to its fatal alert (handshake_failure,
     * certificate_required, no_application_protocol...), so the client learns why instead of seeing a bare close.
     * Best effort, never waits.
     */
    void sendAlert() {
        if (!lock.tryLock()) {
            return;
        }
        try {
            // a delegated task's failure comes out of the next wrap; the wraps after it send what was queued
            // (a ServerHello, then the alert): a few records at most
            for (int attempt = 0; attempt < 4; attempt++) {
                try {
                    if (!send()) {
                        return;
                    }
                    SSLEngineResult r = wrap(NOTHING, 0, 1);
                    if (!send() || r.bytesProduced() == 0
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
            lock.unlock();
        }
    }

    /** At close: a best-effort close_notify, then the buffer back to the pool unless a writer is using it. */
    void close(boolean handshakeDone) {
        if (!lock.tryLock()) {
            return; // a writer holds the buffer: it goes to the garbage collector instead
        }
        try {
            if (!engine.isOutboundDone()) {
                closeNotify(handshakeDone);
            }
        } catch (IOException | RuntimeException ignored) {
            // closing anyway
        } finally {
            buffers.release(netOut);
            netOut = null;
            lock.unlock();
        }
    }

    /** Wraps into netOut, which must be empty. Under the lock. */
    private SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length) throws IOException {
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

    private static boolean remaining(ByteBuffer[] srcs, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (srcs[i].hasRemaining()) {
                return true;
            }
        }
        return false;
    }
}
