package dev.sluice.connector.internal;

import dev.sluice.core.HttpException;
import dev.sluice.core.Method;
import dev.sluice.core.RequestHead;
import dev.sluice.core.Status;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One selector thread and the connections registered with it. It owns every connection that is not running on
 * a worker: it reads and parses heads, queues complete ones, answers the connector's own responses (errors, 503)
 * and enforces the header, keep-alive and linger deadlines. It never runs application code.
 *
 * <pre>
 *  accept ─► READ_HEAD ──(head complete)──► QUEUED ──(worker free)──► RUNNING ◄──► WORKER_WAIT
 *   (slot)    │  ▲  idle keep-alive: no buffer, no thread     │  pool busy and        │  a Waiter per direction:
 *             │  │  header / keep-alive deadline              │  queue full: 503      │  a parked worker, or an
 *             │  │                                             ▼                      │  async callback (no thread;
 *             │  │                                                                    │  run on the pool when ready,
 *             │  │                                                                    │  failed at its deadline)
 *             │  └──────────── resume (keep-alive, no pipelined head left) ◄──────────┤
 *             │ bad head (4xx/505), header timeout (408),                              │ not persistent,
 *             │ draining or over a limit (503)                                         │ error response
 *             ▼                                                                       ▼
 *        WRITE_CANNED ─────────────────────────────────────────────────────────────► LINGER ──► CLOSED
 *                     shut down output, read and discard briefly, so the client       (EOF, linger deadline
 *                     reads the response instead of a reset                            or byte cap; slot freed)
 *  idle past keepAliveTimeout, nothing sent before headerTimeout, client EOF, I/O error ──────────► CLOSED
 *  QUEUED and the client closes or resets before a worker takes it: out of the queue, counted ───────► CLOSED
 *
 *  HTTPS accept ─► HANDSHAKE ──(done)──► READ_HEAD          (TlsHandshaker: no worker, no buffer once sent)
 *                    │ plain HTTP: 400 ──► WRITE_CANNED
 *                    │ over maxHandshakes, past the handshake timeout, handshake failed ──► CLOSED
 * </pre>
 *
 * On a listener with the PROXY protocol, READ_HEAD first reads the balancer's header ({@link ProxyPreface}): an
 * invalid one closes the connection at once, without a response.
 *
 * Workers talk to the loop only through {@link #execute} commands (resume, dispatch, linger, close, await
 * readiness), which run on this thread; every phase change therefore happens here and needs no lock.
 */
final class SelectorLoop implements ConnectionOwner, Runnable {
    private static final System.Logger LOG = System.getLogger(SelectorLoop.class.getName());
    /** How often deadlines are checked. */
    static final long SWEEP_MILLIS = 100;

    private final ConnectorContext ctx;
    private final Http1Processor processor;
    private final WorkerPool pool;
    private final ConnectionSlots slots;
    private final ConnectionCloser closer;
    private final TlsHandshaker handshaker;
    private final QueuedReads queueWatch;
    private final DeadlineSweep deadlines;
    private final Selector selector;
    private final Queue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final ByteBuffer scratch = ByteBuffer.allocate(16 * 1024);
    private final Thread thread;
    private volatile boolean running = true;
    private long lastSweep;

    SelectorLoop(String name, ConnectorContext ctx, Http1Processor processor, WorkerPool pool,
                 ConnectionSlots slots) throws IOException {
        this.ctx = ctx;
        this.slots = slots;
        this.processor = processor;
        this.pool = pool;
        this.selector = Selector.open();
        this.closer = new ConnectionCloser(ctx, slots, scratch, pool);
        this.handshaker = new TlsHandshaker(ctx, closer, this, scratch, this::established);
        this.queueWatch = new QueuedReads(ctx, pool, closer);
        this.deadlines = new DeadlineSweep(ctx, pool, closer, handshaker);
        this.thread = new Thread(this, name);
    }

    ConnectorStats stats() {
        return ctx.stats;
    }

    void start() {
        thread.start();
    }

    /** Runs {@code command} on the selector thread soon. Thread-safe. */
    void execute(Runnable command) {
        commands.add(command);
        wakeup();
    }

    private void wakeup() {
        if (Thread.currentThread() != thread && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /**
     * Takes over a newly accepted channel; {@code holdsSlot} false means it is over maxConnections. With
     * {@code tls} (an HTTPS listener) the connection starts with its handshake.
     */
    void register(SocketChannel channel, long id, boolean holdsSlot, TlsContext tls) {
        execute(() -> {
            try {
                Wire wire = tls == null ? new PlainWire(channel) : tls.newWire(channel);
                NioTransport transport = new NioTransport(wire, this, ctx.clock,
                        ctx.limits.writeTimeout().toMillis(), ctx.limits.maxWriteBacklog());
                Connection c = new Connection(id, transport, ctx.newParser(), this);
                c.holdsSlot = holdsSlot;
                c.proxyHeader = ctx.proxyProtocol ? new ProxyHeaderParser() : null;
                transport.connection = c;
                c.task = () -> processor.runQueued(c);
                c.key = channel.register(selector, SelectionKey.OP_READ, c);
                c.deadline = ctx.clock.millis() + ctx.limits.headerTimeout().toMillis();
                ctx.stats.idle.incrementAndGet();
                if (tls != null && !holdsSlot) {
                    // a 503 would need a handshake first: at the connection limit that work is not spent
                    ctx.reject(c, ConnectorStats.Rejection.CONNECTION_LIMIT, "Too many open connections");
                    closer.closeNow(c);
                } else if (tls != null) {
                    handshaker.begin(c, tls);
                } else if (!holdsSlot) {
                    ctx.reject(c, ConnectorStats.Rejection.CONNECTION_LIMIT, "Too many open connections");
                    closer.sendCanned(c, Status.SERVICE_UNAVAILABLE, "Too many open connections",
                            ctx.limits.retryAfterSeconds(), true);
                }
            } catch (IOException e) {
                ConnectionCloser.closeChannel(channel);
                if (holdsSlot) {
                    slots.release(); // before open-- is published, as in ConnectionCloser.closeNow
                }
                ctx.stats.open.decrementAndGet();
            }
        });
    }

    @Override
    public void run() {
        while (running) {
            try {
                if (commands.isEmpty()) {
                    selector.select(SWEEP_MILLIS);
                } else {
                    selector.selectNow(); // a command that came without a wakeup (see resume) runs now
                }
                wakeupPending.set(false);
                Runnable command;
                while ((command = commands.poll()) != null) {
                    command.run();
                }
                Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                while (it.hasNext()) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (key.isValid()) {
                        ready((Connection) key.attachment(), key);
                    }
                }
                long now = ctx.clock.millis();
                if (now - lastSweep >= SWEEP_MILLIS || now < lastSweep) {
                    lastSweep = now;
                    deadlines.sweep(selector.keys(), now);
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Selector loop error", e);
            }
        }
        for (SelectionKey key : selector.keys()) {
            closer.closeNow((Connection) key.attachment());
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    /** Stops the loop and closes every connection it holds; waits for the thread to end. */
    void stop() throws InterruptedException {
        running = false;
        selector.wakeup();
        thread.join(5_000);
    }

    private void ready(Connection c, SelectionKey key) {
        switch (c.phase) {
            case HANDSHAKE -> handshaker.step(c);
            case READ_HEAD -> readHead(c);
            case WORKER_WAIT -> ReadinessWaits.fire(c, key.readyOps());
            case WRITE_CANNED -> closer.writeCanned(c);
            case LINGER -> closer.discard(c);
            case QUEUED -> queueWatch.readWhileQueued(c);
            case HTTP2 -> c.http2.ready(key.readyOps());
            default -> stopWatching(c);
        }
    }

    /** A TLS handshake finished: wait for the first request, or the HTTP/2 preface when ALPN chose {@code h2}. */
    private void established(Connection c) {
        dev.sluice.core.TlsDetails tls = c.transport.tls();
        if (tls != null && "h2".equals(tls.applicationProtocol())) {
            startHttp2(c, null, false);
            return;
        }
        c.deadline = ctx.clock.millis() + ctx.limits.headerTimeout().toMillis();
        c.setIdle(ctx.stats, true);
        c.key.interestOps(SelectionKey.OP_READ);
        readBuffered(c);
    }

    /** Reads on at once when TLS already decrypted input: the socket will not signal those bytes again. */
    private void readBuffered(Connection c) {
        if (c.phase == Connection.Phase.READ_HEAD && ((NioTransport) c.transport).wire().hasBufferedInput()) {
            readHead(c);
        }
    }

    /** Bytes (or EOF) while a worker owns the connection: stop watching until it comes back. */
    static void stopWatching(Connection c) {
        c.key.interestOps(0);
        c.interestCleared = true;
    }

    private void readHead(Connection c) {
        NioTransport t = (NioTransport) c.transport;
        scratch.clear();
        int n;
        try {
            n = t.wire().read(scratch);
        } catch (IOException e) {
            closer.closeNow(c);
            return;
        }
        if (n < 0) {
            closer.closeNow(c); // the client closed between requests, or gave up on a partial head
            return;
        }
        if (n == 0) {
            return;
        }
        scratch.flip();
        if (c.proxyHeader != null && !ProxyPreface.read(ctx, c, scratch, closer)) {
            return;
        }
        RequestHead head;
        try {
            head = c.parser.parse(scratch);
        } catch (HttpException e) {
            ctx.stats.bytesIn.add(n);
            c.setIdle(ctx.stats, false);
            Refusals.badRequest(ctx, c, e.status().code(), e.getMessage());
            closer.sendCanned(c, e.status(), e.getMessage(), -1, true);
            return;
        }
        if (c.idle && c.parser.hasStarted()) {
            c.deadline = ctx.clock.millis() + ctx.limits.headerTimeout().toMillis();
            c.setIdle(ctx.stats, false);
        }
        ctx.stats.bytesIn.add(n); // after the deadline: a reader of the figures sees both (tests rely on it)
        if (head == null) {
            return;
        }
        c.setIdle(ctx.stats, false);
        if (head == RequestHeadParser.HTTP2_PREFACE) {
            startHttp2(c, scratch, true); // h2c by prior knowledge (RFC 9113 section 3.3)
            return;
        }
        dev.sluice.connector.internal.http2.Frame h2Settings = c.transport.tls() == null && c.requests == 0
                && !Http2Upgrade.fromProxy(c, ctx.trustedProxies) ? Http2Upgrade.settingsOf(head) : null;
        if (h2Settings != null) {
            Http2Connection h = new Http2Connection(c, ctx, this, pool, closer, scratch);
            c.http2 = h;
            h.startUpgraded(h2Settings, Http2Upgrade.asStreamOne(head), scratch);
            return;
        }
        if (scratch.hasRemaining()) {
            c.in = ctx.buffers.acquire();
            c.in.put(scratch).flip();
        }
        c.pendingHead = head;
        admit(c);
    }

    /**
     * Hands the connection to HTTP/2 for good (selector thread).
     *
     * @param rest     bytes already read after what was consumed, or null
     * @param headRead whether the preface's "PRI * HTTP/2.0" part was read as a head
     */
    void startHttp2(Connection c, ByteBuffer rest, boolean headRead) {
        Http2Connection h = new Http2Connection(c, ctx, this, pool, closer, scratch);
        c.http2 = h;
        h.start(rest, headRead);
    }

    /** Queues a connection whose head is complete, or sheds it with 503 when no worker or slot is free. */
    private void admit(Connection c) {
        boolean withContent = !c.pendingHead.method().equals(Method.HEAD);
        if (ctx.draining) {
            ctx.reject(c, ConnectorStats.Rejection.DRAINING, "Server is shutting down");
            closer.sendCanned(c, Status.SERVICE_UNAVAILABLE, "Server is shutting down", ctx.limits.retryAfterSeconds(),
                    withContent);
            return;
        }
        // read interest stays on while a worker runs: clearing it now and setting it again after the response
        // would cost two system calls per request; it is cleared only if bytes arrive meanwhile (ready)
        c.phase = Connection.Phase.QUEUED;
        c.queuedAtMillis = ctx.clock.millis();
        c.queuedAtNanos = System.nanoTime();
        if (!pool.tryExecute(c)) {
            ctx.reject(c, ConnectorStats.Rejection.QUEUE_FULL, "Server busy, try again later");
            closer.sendCanned(c, Status.SERVICE_UNAVAILABLE, "Server busy, try again later",
                    ctx.limits.retryAfterSeconds(), withContent);
        }
    }

    // ConnectionOwner: called by workers; each becomes a command on this thread.

    /**
     * Keep-alive hand-back, the hot path: no wakeup while read interest is still on, since the next request's
     * bytes wake the loop anyway and queued commands run before ready keys are handled. Only when the loop has
     * cleared the interest must it be woken. (The flag is written before the loop reads the queue and read after
     * the worker wrote it, so one of the two always sees the other.)
     */
    @Override
    public void resume(Connection c) {
        pool.release(c);
        commands.add(() -> {
            if (c.phase == Connection.Phase.CLOSED) {
                return;
            }
            ReadinessWaits.clear(c); // a finished exchange's non-blocking waits end with it
            c.phase = Connection.Phase.READ_HEAD;
            c.deadline = ctx.clock.millis() + (c.parser.hasStarted() ? ctx.limits.headerTimeout()
                    : ctx.limits.keepAliveTimeout()).toMillis();
            c.setIdle(ctx.stats, !c.parser.hasStarted());
            c.interestCleared = false;
            c.key.interestOps(SelectionKey.OP_READ);
            readBuffered(c);
        });
        if (c.interestCleared) {
            wakeup();
        }
    }

    @Override
    public void dispatch(Connection c) {
        pool.release(c);
        execute(() -> {
            if (c.phase != Connection.Phase.CLOSED) {
                ReadinessWaits.clear(c);
                admit(c);
            }
        });
    }

    @Override
    public void linger(Connection c) {
        pool.release(c);
        execute(() -> {
            if (c.phase != Connection.Phase.CLOSED) {
                closer.startLinger(c);
            }
        });
    }

    @Override
    public void close(Connection c) {
        pool.release(c);
        execute(() -> closer.closeNow(c));
    }

    WorkerPool pool() {
        return pool;
    }

    /**
     * Registers {@code w} to be told when {@code c} is ready for {@code op} (one of OP_READ, OP_WRITE), replacing
     * an earlier waiter for that direction. From a worker or an application thread, while a worker or a suspended
     * exchange or an upgraded connection owns {@code c}.
     */
    void await(Connection c, int op, Waiter w) {
        execute(() -> {
            if (c.phase != Connection.Phase.RUNNING && c.phase != Connection.Phase.WORKER_WAIT
                    && c.phase != Connection.Phase.QUEUED) {
                w.closed(); // closed, or already handed back: nothing will come for this waiter
                return;
            }
            ReadinessWaits.register(c, op, w);
        });
    }
}
