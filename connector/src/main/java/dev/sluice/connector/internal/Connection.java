package dev.sluice.connector.internal;

import dev.sluice.core.RequestHead;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;

/**
 * One client connection. At any time it is owned by exactly one party: its selector loop (waiting for a head,
 * writing a canned response, lingering) or one worker (running an exchange). Ownership passes only through the
 * {@link ConnectionOwner} hand-offs and the request queue, which publish the fields safely. While a connection waits
 * in the queue its loop may take it back out to read what the client sent meanwhile ({@link QueuedReads}); the
 * queue's lock publishes that too.
 */
final class Connection implements Runnable {
    /**
     * Where the selector loop is with this connection; read and written by the selector thread only. A TLS
     * connection starts in HANDSHAKE (see {@link TlsHandshaker}), a plain one in READ_HEAD.
     */
    enum Phase { HANDSHAKE, READ_HEAD, QUEUED, RUNNING, WORKER_WAIT, WRITE_CANNED, LINGER, CLOSED }

    final long id;
    final Transport transport;
    final RequestHeadParser parser;
    final ConnectionOwner owner;

    /** Unread bytes in read mode (pipelined requests, body), or null: idle connections hold no buffer. */
    ByteBuffer in;
    /** Requests started on this connection so far. */
    int requests;
    /** The head waiting for a worker. */
    RequestHead pendingHead;
    /** When the pending head was queued, on the connector clock and in nanoTime (for the histogram). */
    long queuedAtMillis;
    long queuedAtNanos;
    /** The worker pool's admission of this connection's latest queued run, or null (see WorkerPool). */
    volatile WorkerPool.Admission admission;
    /** The exchange running the head, for the queue task. */
    Runnable task;

    // selector-side state
    SelectionKey key;
    Phase phase = Phase.READ_HEAD;
    long deadline;
    ByteBuffer cannedOut;
    long discarded;
    boolean idle = true;
    /** Set by the loop when it stopped watching a worker-owned connection; then a hand-back must wake it. */
    volatile boolean interestCleared;
    /**
     * Who waits for this connection to become readable or writable: a worker blocked in {@link NioTransport}, or
     * a non-blocking {@link AsyncWaiter}. Selector thread only; see {@link SelectorLoop#await}.
     */
    Waiter readWaiter;
    Waiter writeWaiter;
    /** Run once on the pool when the connection closes (an upgraded connection's owner); or null. */
    volatile Runnable onClose;
    /** The HTTPS listener's TLS side, for a connection accepted by it; null for plain HTTP. Selector thread. */
    TlsContext tls;
    /** Reads the PROXY protocol header until it is complete, then null; null from the start without one. */
    ProxyHeaderParser proxyHeader;
    /** The client's address from the PROXY protocol header, or null: then the socket's peer. */
    java.net.InetSocketAddress proxiedSource;

    /** The peer as requests see it: the PROXY protocol header's source, else the socket's. */
    java.net.InetSocketAddress remoteAddress() {
        java.net.InetSocketAddress source = proxiedSource;
        return source != null ? source : transport.remoteAddress();
    }

    /** Whether this connection counts against maxConnections (false for one accepted only to be refused). */
    boolean holdsSlot;

    Connection(long id, Transport transport, RequestHeadParser parser, ConnectionOwner owner) {
        this.id = id;
        this.transport = transport;
        this.parser = parser;
        this.owner = owner;
    }

    /**
     * Responses held back while more pipelined requests are already read (write mode), so that a batch of
     * pipelined responses leaves in one write; null when not corking. Owned like {@link #in}.
     */
    ByteBuffer corked;

    /** Starts holding responses back. */
    void cork(BufferPool buffers) {
        if (corked == null) {
            corked = buffers.acquire();
        }
    }

    /** Writes what was held back and stops holding; a no-op when not corking. */
    void uncork(BufferPool buffers) throws java.io.IOException {
        ByteBuffer b = corked;
        if (b == null) {
            return;
        }
        corked = null;
        try {
            b.flip();
            if (b.hasRemaining()) {
                transport.write(new ByteBuffer[] {b}, 0, 1);
            }
        } finally {
            buffers.release(b);
        }
    }

    /** Drops what was held back (the connection is being closed anyway). */
    void discardCork(BufferPool buffers) {
        buffers.release(corked);
        corked = null;
    }

    /** Counts the connection as idle (waiting for a request, nothing of it received) or not. Selector thread. */
    void setIdle(ConnectorStats stats, boolean now) {
        if (idle != now) {
            idle = now;
            if (now) {
                stats.idle.incrementAndGet();
            } else {
                stats.idle.decrementAndGet();
            }
        }
    }

    /** Runs the queued head on the calling worker thread. */
    @Override
    public void run() {
        try {
            task.run();
        } catch (Throwable t) {
            owner.close(this); // never lose a connection (or its slot) to an unexpected error
            throw t;
        }
    }

    @Override
    public String toString() {
        return "connection " + id + " " + phase;
    }
}
