package dev.sluice.connector.internal;

import dev.sluice.connector.internal.http2.Frame;
import dev.sluice.connector.internal.http2.FrameReader;
import dev.sluice.connector.internal.http2.FrameWriter;
import dev.sluice.connector.internal.http2.HpackEncoder;
import dev.sluice.connector.internal.http2.Http2Error;
import dev.sluice.connector.internal.http2.Http2Exception;
import dev.sluice.connector.internal.http2.Settings;
import dev.sluice.core.RequestHead;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One connection speaking HTTP/2 (RFC 9113), reached by prior knowledge, by {@code Upgrade: h2c} or by ALPN
 * {@code h2}. The selector thread reads and handles every frame here, so no worker is held by an idle connection or
 * a stream still sending its head; a stream whose head is complete is admitted through the connector's worker
 * pool and request queue like an HTTP/1.1 request ({@link Http2Streams}). Workers write through {@link Http2Output}.
 *
 * <pre>
 *  preface ("SM" part, then SETTINGS) ─► OPEN ──(GOAWAY sent: drain, idle, peer's GOAWAY)──► CLOSING ──► CLOSED
 *     │ wrong preface, connection error: GOAWAY with its code, then the lingering close of HTTP/1.1 ──────► CLOSED
 *     └ EOF or I/O error: every stream fails at once ──────────────────────────────────────────────────► CLOSED
 * </pre>
 *
 * <p><b>Threading.</b> Frame handling and the stream table belong to the selector thread; {@link #consumed},
 * {@link #streamEnded} and {@link #resetFromWorker} may be called from any thread and only queue frames or
 * commands for the loop.
 */
final class Http2Connection {
    /** Our stream window (SETTINGS_INITIAL_WINDOW_SIZE) and connection window, which bound unread request content. */
    static final int STREAM_WINDOW = 65_535;
    static final int CONNECTION_WINDOW = 256 * 1024;
    /** The client connection preface (section 3.4). */
    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    final Connection c;
    final ConnectorContext ctx;
    final SelectorLoop loop;
    final Http2Output out;
    final HpackEncoder encoder = new HpackEncoder();
    final Settings peer = new Settings();
    final Http2Streams streams;
    private final ConnectionCloser closer;
    private final ByteBuffer scratch;
    private final FrameReader reader = new FrameReader(Frame.DEFAULT_MAX_FRAME_SIZE);
    final Http2Defences defences;
    private final Http2ControlFrames control;
    /** Connection-level receive window, and bytes removed from stream buffers not yet given back. */
    final AtomicInteger receiveWindow = new AtomicInteger(CONNECTION_WINDOW);
    private final AtomicInteger unacknowledged = new AtomicInteger();
    private int prefaceLeft;
    private boolean settingsSeen;
    private boolean goAwaySent;
    private boolean closed;
    private final java.util.concurrent.atomic.AtomicBoolean counted = new java.util.concurrent.atomic.AtomicBoolean(true);

    Http2Connection(Connection c, ConnectorContext ctx, SelectorLoop loop, WorkerPool pool, ConnectionCloser closer,
                    ByteBuffer scratch) {
        this.c = c;
        this.ctx = ctx;
        this.loop = loop;
        this.closer = closer;
        this.scratch = scratch;
        NioTransport t = (NioTransport) c.transport;
        this.out = new Http2Output(t.wire(), loop, c, ctx.stats, ctx.clock);
        this.defences = new Http2Defences(ctx.limits.maxHeaderBytes());
        this.streams = new Http2Streams(this, pool);
        this.control = new Http2ControlFrames(this);
    }

    /**
     * Takes over the connection (selector thread): our SETTINGS and the connection window go out first (section
     * 3.4), then whatever the client already sent is handled.
     *
     * @param headRead whether the preface's first part was read as an HTTP/1.1 head (prior knowledge); with ALPN
     *                 and Upgrade the whole preface is still to come
     */
    void start(ByteBuffer rest, boolean headRead) {
        begin(headRead);
        proceed(rest);
    }

    /**
     * Takes over after {@code Upgrade: h2c} (selector thread): 101, our SETTINGS, the client's settings from its
     * HTTP2-Settings field (acknowledged by the 101 itself), and the request as stream 1, half-closed.
     */
    void startUpgraded(Frame clientSettings, RequestHead head, ByteBuffer rest) {
        out.send(ByteBuffer.wrap(Http2Upgrade.SWITCHING));
        begin(false);
        try {
            peer.apply(clientSettings);
            out.maxFrameSize(peer.maxFrameSize());
            streams.openUpgraded(head);
        } catch (Http2Exception e) {
            goAwayAndClose(e.error(), e.getMessage());
            return;
        }
        proceed(rest);
    }

    private void begin(boolean headRead) {
        c.phase = Connection.Phase.HTTP2;
        c.setIdle(ctx.stats, false);
        c.onClose = this::closedOnPool;
        ctx.stats.http2Connections.incrementAndGet();
        prefaceLeft = headRead ? PREFACE.length - 18 : PREFACE.length; // 18: "PRI * HTTP/2.0\r\n\r\n"
        idleDeadline();
        out.send(FrameWriter.settings(Settings.MAX_CONCURRENT_STREAMS, ctx.limits.maxConcurrentStreams(),
                Settings.INITIAL_WINDOW_SIZE, STREAM_WINDOW, Settings.MAX_FRAME_SIZE, Frame.DEFAULT_MAX_FRAME_SIZE,
                Settings.MAX_HEADER_LIST_SIZE, ctx.limits.maxHeaderBytes(), Settings.ENABLE_PUSH, 0),
                FrameWriter.windowUpdate(0, CONNECTION_WINDOW - Settings.DEFAULT_WINDOW));
        c.key.interestOps(SelectionKey.OP_READ);
    }

    private void proceed(ByteBuffer rest) {
        if (rest != null && rest.hasRemaining()) {
            consume(rest);
        }
        admitPending();
        if (!closed && c.phase == Connection.Phase.HTTP2) {
            readable(); // TLS may hold decrypted bytes the socket will not signal again
        }
    }

    /** Selector thread: the key is ready. */
    void ready(int readyOps) {
        if ((readyOps & SelectionKey.OP_WRITE) != 0) {
            out.writable();
        }
        if ((readyOps & SelectionKey.OP_READ) != 0) {
            readable();
        }
    }

    /**
     * Reads what is there (bounded per wake-up, for fairness between connections) and handles its frames; the
     * streams they completed are admitted once the socket has nothing more, so that a burst of streams is counted
     * whole against the concurrency limit before any of them can end.
     */
    private void readable() {
        Wire wire = ((NioTransport) c.transport).wire();
        int budget = 256 * 1024;
        while (budget > 0 && c.phase == Connection.Phase.HTTP2 && !closed) {
            scratch.clear();
            int n;
            try {
                n = wire.read(scratch);
            } catch (IOException e) {
                closeNow();
                return;
            }
            if (n < 0) {
                closeNow(); // the client closed; any stream still running fails
                return;
            }
            if (n == 0) {
                break;
            }
            budget -= n;
            ctx.stats.bytesIn.add(n);
            scratch.flip();
            consume(scratch);
        }
        admitPending();
        if (budget <= 0 && wire.hasBufferedInput()) {
            // TLS holds decrypted bytes the socket will not signal again: go on after the other connections
            loop.execute(() -> {
                if (!closed && c.phase == Connection.Phase.HTTP2) {
                    readable();
                }
            });
        }
    }

    private void admitPending() {
        if (closed || c.phase != Connection.Phase.HTTP2) {
            return;
        }
        try {
            streams.admission.admitPending();
        } catch (Http2Exception e) {
            goAwayAndClose(e.error(), e.getMessage());
        }
    }

    private void consume(ByteBuffer in) {
        try {
            while (prefaceLeft > 0 && in.hasRemaining()) {
                if (in.get() != PREFACE[PREFACE.length - prefaceLeft--]) {
                    throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, "Invalid connection preface");
                }
            }
            while (c.phase == Connection.Phase.HTTP2 && !closed) {
                Frame f = reader.next(in);
                if (f == null) {
                    return;
                }
                try {
                    handle(f);
                } catch (Http2Exception e) {
                    if (e.isConnectionError()) {
                        throw e;
                    }
                    streams.reset(e.streamId(), e.error());
                }
            }
        } catch (Http2Exception e) {
            goAwayAndClose(e.error(), e.getMessage());
        }
    }

    private void handle(Frame f) throws Http2Exception {
        if (!settingsSeen) {
            if (f.type() != Frame.SETTINGS || f.has(Frame.FLAG_ACK)) {
                throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, "The preface must end with SETTINGS");
            }
            settingsSeen = true;
        }
        if (streams.inHeaderBlock() && f.type() != Frame.CONTINUATION) {
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, "Frame inside a header block"); // 4.3
        }
        defences.frame(f);
        switch (f.type()) {
            case Frame.DATA -> streams.data(f);
            case Frame.HEADERS -> streams.headers(f);
            case Frame.CONTINUATION -> streams.continuation(f);
            case Frame.PRIORITY -> streams.priority(f);
            case Frame.RST_STREAM -> streams.rstStream(f);
            case Frame.SETTINGS -> control.settings(f);
            case Frame.PUSH_PROMISE -> throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR,
                    "A client cannot push"); // section 8.4
            case Frame.PING -> control.ping(f);
            case Frame.GOAWAY -> control.goAway(f);
            case Frame.WINDOW_UPDATE -> control.windowUpdate(f);
            default -> { } // unknown frame types are ignored (section 5.5)
        }
        if (defences.exceeded() != null) {
            throw Http2Exception.connection(Http2Error.ENHANCE_YOUR_CALM, defences.exceeded());
        }
    }

    /** Queues a frame the protocol makes us answer; a peer that does not read the answers is flooding us. */
    void sendControl(ByteBuffer frame) throws Http2Exception {
        if (out.backedUp()) {
            throw Http2Exception.connection(Http2Error.ENHANCE_YOUR_CALM, "Peer does not read what it asks for");
        }
        out.send(frame);
    }

    /**
     * From any thread, after a reader took {@code n} bytes of {@code s}'s content: gives window back once half of
     * it is used, so a slow reader stops the client rather than filling our memory.
     */
    void consumed(Http2Stream s, int n) {
        int stream = s.takeConsumed(STREAM_WINDOW / 2);
        if (stream > 0) {
            s.receiveWindow.addAndGet(stream);
            out.send(FrameWriter.windowUpdate(s.id, stream));
        }
        giveBack(n);
    }

    /** Gives {@code n} bytes back to the connection window (content read, discarded or padding). Any thread. */
    void giveBack(int n) {
        if (n <= 0) {
            return;
        }
        int pending = unacknowledged.addAndGet(n);
        if (pending >= CONNECTION_WINDOW / 4 && unacknowledged.compareAndSet(pending, 0)) {
            receiveWindow.addAndGet(pending);
            out.send(FrameWriter.windowUpdate(0, pending));
        }
    }

    /** From a worker: the response's last frame is queued. The stream leaves the table on the selector thread. */
    void streamEnded(Http2Stream s) {
        s.localEnded = true;
        loop.execute(() -> streams.localEnd(s));
    }

    /** From a worker: the exchange failed after commit; the client learns it from RST_STREAM. */
    void resetFromWorker(Http2Stream s, Http2Error error) {
        loop.execute(() -> {
            if (closed) {
                return;
            }
            try {
                streams.reset(s.id, error);
            } catch (Http2Exception e) {
                goAwayAndClose(e.error(), e.getMessage());
            }
        });
    }

    /** Selector thread: sets the idle deadline (keepAliveTimeout) while no stream is active. */
    void idleDeadline() {
        c.deadline = ctx.clock.millis() + ctx.limits.keepAliveTimeout().toMillis();
    }

    /** Selector thread, from the deadline sweep: idle too long, or draining: say GOAWAY and close once done. */
    void sweep(long now) {
        if (closed) {
            return;
        }
        out.expire(now);
        if (ctx.draining && !goAwaySent) {
            goAwaySent = true;
            streams.refuseNew();
            out.send(FrameWriter.goAway(streams.lastStreamId(), Http2Error.NO_ERROR, "Server is shutting down"));
        }
        if (streams.count() == 0 && now >= c.deadline) {
            goAwayAndClose(Http2Error.NO_ERROR, ctx.draining ? "Server is shutting down" : "Idle timeout");
            return;
        }
        closeIfDone();
    }

    /** Closes once the peer or we said GOAWAY and no stream is left. Selector thread. */
    void closeIfDone() {
        if (streams.refusesNew() && streams.count() == 0 && !closed) {
            goAwayAndClose(Http2Error.NO_ERROR, "Done");
        }
    }

    /**
     * A connection error (section 5.4.1), or the end: GOAWAY with the last stream we took and the code, then the
     * lingering close of an HTTP/1.1 error, so the client reads the GOAWAY instead of a reset.
     */
    void goAwayAndClose(Http2Error error, String why) {
        if (closed) {
            return;
        }
        closed = true;
        streams.failAll("Connection closed: " + why);
        ByteBuffer goAway = FrameWriter.goAway(streams.lastStreamId(), error, why);
        c.cannedOut = out.closeWith(goAway);
        c.phase = Connection.Phase.WRITE_CANNED;
        c.deadline = ctx.clock.millis() + ctx.limits.writeTimeout().toMillis();
        ended();
        closer.writeCanned(c);
    }

    /** Closes at once (EOF, I/O error). Selector thread. */
    private void closeNow() {
        if (!closed) {
            closed = true;
            streams.failAll("Connection closed by the client");
            out.close();
            ended();
        }
        closer.closeNow(c);
    }

    private void ended() {
        c.onClose = null;
        if (counted.compareAndSet(true, false)) {
            ctx.stats.http2Connections.decrementAndGet();
        }
    }

    /**
     * On the pool, when the connector closed the connection by another path (stop, a write timeout of the
     * lingering close): streams fail and queued ones give their permits back. Thread-safe parts only.
     */
    private void closedOnPool() {
        streams.failAll("Connection closed");
        out.close();
        if (counted.compareAndSet(true, false)) {
            ctx.stats.http2Connections.decrementAndGet();
        }
    }
}
