package dev.sluice.connector.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Blocking reads and writes for a worker over a non-blocking socket channel. The worker tries the channel first;
 * only when it would block does it ask the selector loop to watch for readiness and park until signalled or until
 * the deadline on the connector clock passes (checked at least every {@link #POLL_MILLIS}, so an injected clock
 * works too).
 */
final class NioTransport implements Transport, Waiter {
    static final long POLL_MILLIS = 50;

    private final Wire wire;
    private final SelectorLoop loop;
    private final Clock clock;
    private final long writeTimeoutMillis;
    private final long maxWriteBacklog;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    Connection connection;
    private volatile Thread waiter;
    private volatile boolean ready;
    private volatile boolean closed;
    /** Non-null in non-blocking write mode: writes never wait, what the socket does not take is held here. */
    private volatile WriteBacklog backlog;

    NioTransport(Wire wire, SelectorLoop loop, Clock clock, long writeTimeoutMillis) throws IOException {
        this(wire, loop, clock, writeTimeoutMillis, Long.MAX_VALUE);
    }

    /** @param maxWriteBacklog the connector's maxWriteBacklog, for non-blocking write mode */
    NioTransport(Wire wire, SelectorLoop loop, Clock clock, long writeTimeoutMillis, long maxWriteBacklog)
            throws IOException {
        this.maxWriteBacklog = maxWriteBacklog;
        this.wire = wire;
        SocketChannel channel = wire.channel();
        this.loop = loop;
        this.clock = clock;
        this.writeTimeoutMillis = writeTimeoutMillis;
        this.local = (InetSocketAddress) channel.getLocalAddress();
        this.remote = (InetSocketAddress) channel.getRemoteAddress();
    }

    SocketChannel channel() {
        return wire.channel();
    }

    /** The byte stream under HTTP: plain TCP or TLS. */
    Wire wire() {
        return wire;
    }

    @Override
    public dev.sluice.core.TlsDetails tls() {
        return wire.tls();
    }

    @Override
    public int read(ByteBuffer dst, long deadlineMillis) throws IOException {
        while (true) {
            int n = wire.read(dst);
            if (n != 0) {
                if (n > 0) {
                    loop.stats().bytesIn.add(n);
                }
                return n;
            }
            await(SelectionKey.OP_READ, deadlineMillis);
        }
    }

    @Override
    public int readNow(ByteBuffer dst) throws IOException {
        int n = wire.read(dst);
        if (n > 0) {
            loop.stats().bytesIn.add(n);
        }
        return n;
    }

    @Override
    public void write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        WriteBacklog held = backlog;
        if (held != null) {
            if (closed) {
                throw new ClosedChannelException();
            }
            held.write(wire, srcs, offset, length);
            return;
        }
        long deadline = -1;
        while (true) {
            long n = wire.write(srcs, offset, length);
            if (!srcs[offset + length - 1].hasRemaining() && wire.flush()) {
                return; // taken and, through TLS, sent too
            }
            if (n > 0 || deadline < 0) {
                deadline = clock.millis() + writeTimeoutMillis; // the timeout runs from the last progress
            }
            await(SelectionKey.OP_WRITE, deadline);
        }
    }

    /** Parks until the selector signals readiness for {@code op}, or the deadline passes. */
    private void await(int op, long deadlineMillis) throws IOException {
        ready = false;
        waiter = Thread.currentThread();
        try {
            loop.await(connection, op, this);
            while (!ready) {
                if (closed) {
                    throw new ClosedChannelException();
                }
                long left = deadlineMillis - clock.millis();
                if (left <= 0) {
                    throw new SocketTimeoutException(op == SelectionKey.OP_READ ? "Read timed out"
                            : "Write timed out: the client stopped reading");
                }
                if (Thread.interrupted()) {
                    throw new java.io.InterruptedIOException("Interrupted while waiting for the client");
                }
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(Math.min(left, POLL_MILLIS)));
            }
        } finally {
            waiter = null;
        }
    }

    @Override
    public void awaitAsync(int op, long deadlineMillis, dev.sluice.core.IoCallback callback,
                           java.util.function.Supplier<? extends Throwable> timeout, Runnable before) {
        if (op == SelectionKey.OP_READ && wire.hasBufferedInput()) {
            AsyncWaiter.readyNow(loop.pool(), callback, before); // TLS decrypted it already: no readiness will come
            return;
        }
        loop.await(connection, op, new AsyncWaiter(loop.pool(), callback, deadlineMillis, timeout, before));
    }

    @Override
    public void runOnPool(Runnable task) {
        loop.pool().executeCallback(task);
    }

    @Override
    public void nonBlockingWrites(boolean on) {
        backlog = on ? (backlog == null ? new WriteBacklog(maxWriteBacklog) : backlog) : null;
    }

    @Override
    public boolean flushHeld() throws IOException {
        WriteBacklog held = backlog;
        if (held == null) {
            return true;
        }
        if (closed) {
            throw new ClosedChannelException();
        }
        return held.flush(wire);
    }

    // Waiter: a worker parked in await

    @Override
    public void ready() {
        signal();
    }

    @Override
    public void expired() {
        signal(); // not used: the worker watches its own deadline
    }

    @Override
    public long deadline() {
        return Long.MAX_VALUE;
    }

    /** From the selector thread: the awaited readiness happened. */
    void signal() {
        ready = true;
        Thread t = waiter;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** From the selector thread: the channel is closed; a waiting worker fails at once. */
    @Override
    public void closed() {
        closed = true;
        signal();
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }
}
