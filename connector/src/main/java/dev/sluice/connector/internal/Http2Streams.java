package dev.sluice.connector.internal;

import dev.sluice.connector.internal.http2.Frame;
import dev.sluice.connector.internal.http2.FrameWriter;
import dev.sluice.connector.internal.http2.HpackDecoder;
import dev.sluice.connector.internal.http2.Http2Error;
import dev.sluice.connector.internal.http2.Http2Exception;
import dev.sluice.connector.internal.http2.RequestFields;
import dev.sluice.core.HttpException;
import dev.sluice.core.RequestHead;
import dev.sluice.core.Status;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The streams of one HTTP/2 connection as frames open, feed and end them (RFC 9113 sections 5.1, 6.1, 6.2, 6.3,
 * 6.4, 6.10): header blocks gathered across CONTINUATION frames ({@link Http2HeaderBlock}) are decoded, a complete
 * request head is admitted through the worker pool ({@link Http2StreamTask}), DATA is checked against flow
 * control and the declared length and handed to the stream; late frames on closed streams are told apart by
 * {@link Http2ClosedStreams}.
 *
 * <p><b>Threading.</b> Selector thread, except {@link #failAll}, which the pool may run when the connector closes
 * the connection; the table is concurrent for that reason.
 */
final class Http2Streams {
    private final Http2Connection h;
    private final ConnectorContext ctx;
    private final WorkerPool pool;
    /** Streams with a complete head go here: to the worker pool, or a response the connector gives itself. */
    final Http2Admission admission;
    private final HpackDecoder decoder;
    private final Map<Integer, Http2Stream> active = new ConcurrentHashMap<>();
    /**
     * Streams counted against SETTINGS_MAX_CONCURRENT_STREAMS: active ones whose last frame is not queued yet. A
     * worker frees the slot as it queues the end, not later on the loop, so a client that opens a new stream as
     * soon as it reads the end is never over the limit in our count.
     */
    private final java.util.concurrent.atomic.AtomicInteger concurrent = new java.util.concurrent.atomic.AtomicInteger();
    private int lastStreamId;
    private final Http2ClosedStreams closed = new Http2ClosedStreams();
    private final Http2HeaderBlock block;
    private boolean refuseNew;

    Http2Streams(Http2Connection h, WorkerPool pool) {
        this.h = h;
        this.ctx = h.ctx;
        this.pool = pool;
        this.decoder = new HpackDecoder(4096, ctx.limits.maxHeaderBytes());
        this.admission = new Http2Admission(h, this, pool);
        this.block = new Http2HeaderBlock(h.defences.maxBlockBytes);
    }

    boolean inHeaderBlock() {
        return block.open();
    }

    Iterable<Http2Stream> active() {
        return active.values();
    }

    int count() {
        return active.size();
    }

    int lastStreamId() {
        return lastStreamId;
    }

    /** After a GOAWAY either way: no new stream is processed. */
    void refuseNew() {
        refuseNew = true;
    }

    boolean refusesNew() {
        return refuseNew;
    }

    void headers(Frame f) throws Http2Exception {
        Http2HeaderBlock.Complete b = block.headers(f);
        if (b != null) {
            endBlock(b);
        }
    }

    void continuation(Frame f) throws Http2Exception {
        Http2HeaderBlock.Complete b = block.continuation(f);
        if (b != null) {
            endBlock(b);
        }
    }

    private void endBlock(Http2HeaderBlock.Complete b) throws Http2Exception {
        int id = b.streamId();
        RequestFields fields = new RequestFields(id, ctx.limits.maxHeaderCount());
        HpackDecoder.Result decoded = decoder.decode(b.bytes(), fields); // always: the table must stay in step
        if (id <= lastStreamId) {
            trailers(id, fields, b.endStream());
            return;
        }
        if (id % 2 == 0) {
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, "Client stream id not odd"); // 5.1.1
        }
        lastStreamId = id;
        if (refuseNew) {
            return; // after GOAWAY: ignored, the client retries it elsewhere (section 6.8)
        }
        if (b.selfDependent()) { // section 5.3.1 of RFC 7540: a stream error, after decoding
            throw Http2Exception.stream(id, Http2Error.PROTOCOL_ERROR, "Stream depends on itself");
        }
        if (concurrent.get() >= ctx.limits.maxConcurrentStreams()) {
            ctx.stats.refusedStreams.increment();
            throw Http2Exception.stream(id, Http2Error.REFUSED_STREAM, "Over SETTINGS_MAX_CONCURRENT_STREAMS");
        }
        Http2Stream s = new Http2Stream(id, h, h.peer.initialWindowSize(), Http2Connection.STREAM_WINDOW);
        RequestHead head = null;
        Status refusal = null;
        String reason = null;
        if (decoded.oversized()) {
            refusal = Status.REQUEST_HEADER_FIELDS_TOO_LARGE; // the HPACK bomb ends here, with its memory bounded
            reason = "Header fields larger than " + ctx.limits.maxHeaderBytes() + " bytes";
        } else {
            try {
                head = fields.head();
                s.declaredLength = head.headers().contains("content-length") ? head.headers().contentLength() : -1;
            } catch (HttpException e) {
                refusal = e.status();
                reason = e.getMessage();
            }
        }
        active.put(id, s);
        concurrent.incrementAndGet();
        ctx.stats.activeStreams.incrementAndGet();
        ctx.stats.http2Streams.increment();
        h.c.requests++;
        if (b.endStream()) {
            remoteEnd(s);
        }
        if (refusal != null) {
            admission.respond(s, refusal, reason, -1);
        } else {
            admission.admit(s, head);
        }
    }

    /** Stream 1 of an upgraded connection: the HTTP/1.1 request, whole, half-closed (RFC 7540 section 3.2). */
    void openUpgraded(RequestHead head) throws Http2Exception {
        lastStreamId = 1;
        Http2Stream s = new Http2Stream(1, h, h.peer.initialWindowSize(), Http2Connection.STREAM_WINDOW);
        s.declaredLength = 0;
        active.put(1, s);
        concurrent.incrementAndGet();
        ctx.stats.activeStreams.incrementAndGet();
        ctx.stats.http2Streams.increment();
        h.c.requests++;
        remoteEnd(s);
        admission.admit(s, head);
    }

    private void trailers(int id, RequestFields fields, boolean endStream) throws Http2Exception {
        Http2Stream s = active.get(id);
        if (s != null && s.remoteEnded && !s.counted.get()) {
            // both ends sent END_STREAM: closed, though the worker's note has not reached this thread yet
            throw Http2Exception.connection(Http2Error.STREAM_CLOSED, "HEADERS on a closed stream"); // 5.1
        }
        if (s == null) {
            if (closed.recentlyClosed(id)) {
                throw Http2Exception.connection(Http2Error.STREAM_CLOSED, "HEADERS on a closed stream"); // 5.1
            }
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, "Stream id not above the last one");
        }
        if (s.remoteEnded) {
            throw Http2Exception.stream(id, Http2Error.STREAM_CLOSED, "HEADERS after END_STREAM");
        }
        if (!endStream) {
            throw Http2Exception.stream(id, Http2Error.PROTOCOL_ERROR, "Trailers without END_STREAM"); // 8.1
        }
        dev.sluice.core.Headers t = fields.trailers();
        for (int i = 0; i < t.size(); i++) {
            s.requestTrailers.add(t.name(i), t.value(i));
        }
        remoteEnd(s);
    }

    void data(Frame f) throws Http2Exception {
        int id = f.streamId();
        if (id == 0) {
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, "DATA on stream 0");
        }
        byte[] p = f.payload();
        int total = p.length;
        int off = 0;
        int end = total;
        if (f.has(Frame.FLAG_PADDED)) {
            if (total < 1) {
                throw Http2Exception.connection(Http2Error.FRAME_SIZE_ERROR, "DATA too short for padding");
            }
            off = 1;
            if ((p[0] & 0xff) > total - 1) {
                throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, "Padding longer than the payload");
            }
            end = total - (p[0] & 0xff);
        }
        if (total > h.receiveWindow.get()) {
            throw Http2Exception.connection(Http2Error.FLOW_CONTROL_ERROR, "DATA beyond the connection window");
        }
        h.receiveWindow.addAndGet(-total);
        Http2Stream s = active.get(id);
        if (s == null || s.remoteEnded) {
            h.giveBack(total);
            if (id > lastStreamId) {
                throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, "DATA on an idle stream");
            }
            if (s == null && closed.resetByUs(id)) {
                return; // in flight when our RST_STREAM left: discarded, its window given back above
            }
            throw Http2Exception.stream(id, Http2Error.STREAM_CLOSED, "DATA on a closed stream");
        }
        if (total > s.receiveWindow.get()) {
            h.giveBack(total);
            throw Http2Exception.stream(id, Http2Error.FLOW_CONTROL_ERROR, "DATA beyond the stream window");
        }
        s.receiveWindow.addAndGet(-total);
        int length = end - off;
        s.received += length;
        if (s.declaredLength >= 0 && s.received > s.declaredLength) {
            throw Http2Exception.stream(id, Http2Error.PROTOCOL_ERROR, "More content than content-length");
        }
        s.deliver(p, off, length);
        if (total > length) {
            s.refund(total - length);
            h.giveBack(total - length);
        }
        if (f.has(Frame.FLAG_END_STREAM)) {
            remoteEnd(s);
        }
    }

    private void remoteEnd(Http2Stream s) throws Http2Exception {
        if (s.declaredLength >= 0 && s.received != s.declaredLength) {
            throw Http2Exception.stream(s.id, Http2Error.PROTOCOL_ERROR, "Less content than content-length");
        }
        s.remoteEnded = true;
        s.endInbound();
        if (s.localEnded) {
            retire(s);
        }
    }

    /** The response's last frame is queued: the stream ends, and content the client still sends is refused. */
    void localEnd(Http2Stream s) {
        if (s.retired.get()) {
            return;
        }
        h.defences.completed();
        s.localEnded = true;
        if (!s.remoteEnded) {
            h.out.send(FrameWriter.rstStream(s.id, Http2Error.NO_ERROR)); // section 8.1: the rest is not wanted
        }
        retire(s);
    }

    private void retire(Http2Stream s) {
        retire(s, true);
    }

    /** @param onLoop false when called off the selector thread (the connection is closing anyway) */
    private void retire(Http2Stream s, boolean onLoop) {
        if (!s.retired.compareAndSet(false, true)) {
            return;
        }
        active.remove(s.id);
        release(s);
        if (onLoop) {
            closed.closed(s.id, !s.remoteEnded);
        }
        ctx.stats.activeStreams.decrementAndGet();
        WorkerPool.Admission a = s.admission;
        if (a != null && s.failure() != null) {
            pool.remove(a); // reset while queued: it never takes a worker
        }
        h.giveBack(s.discardInbound());
        if (onLoop && active.isEmpty()) {
            h.idleDeadline();
            h.closeIfDone();
        }
    }

    /** The stream stops counting against the concurrency limit (once). Any thread. */
    void release(Http2Stream s) {
        if (s.counted.compareAndSet(true, false)) {
            concurrent.decrementAndGet();
        }
    }

    /** A stream error of ours (section 5.4.2): RST_STREAM, and the stream fails for its worker. */
    void reset(int id, Http2Error error) throws Http2Exception {
        h.sendControl(FrameWriter.rstStream(id, error));
        Http2Stream s = active.get(id);
        if (s != null) {
            s.fail("reset by the server: " + error);
            h.out.wake();
            retire(s);
        }
    }

    void rstStream(Frame f) throws Http2Exception {
        if (f.length() != 4) {
            throw Http2Exception.connection(Http2Error.FRAME_SIZE_ERROR, "RST_STREAM payload not 4 bytes");
        }
        int id = f.streamId();
        if (id == 0 || id > lastStreamId) {
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, "RST_STREAM on an idle stream");
        }
        Http2Stream s = active.get(id);
        if (s != null) {
            h.defences.clientReset(); // CVE-2023-44487: counted against the streams that completed
            s.fail("reset by the client: " + Http2Error.of(f.int32(0)));
            h.out.wake();
            retire(s);
        }
    }

    void priority(Frame f) throws Http2Exception {
        if (f.streamId() == 0) {
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, "PRIORITY on stream 0");
        }
        if (f.length() != 5) {
            throw Http2Exception.stream(f.streamId(), Http2Error.FRAME_SIZE_ERROR, "PRIORITY payload not 5 bytes");
        }
        if (f.int31(0) == f.streamId()) {
            throw Http2Exception.stream(f.streamId(), Http2Error.PROTOCOL_ERROR, "Stream depends on itself");
        }
        // priority signals are otherwise ignored (RFC 9113 section 5.3.2)
    }

    void windowUpdate(int id, int increment) throws Http2Exception {
        if (id > lastStreamId) {
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, "WINDOW_UPDATE on an idle stream");
        }
        Http2Stream s = active.get(id);
        if (s == null) {
            return; // closed: may still arrive (section 6.9)
        }
        if (increment == 0) {
            throw Http2Exception.stream(id, Http2Error.PROTOCOL_ERROR, "WINDOW_UPDATE of 0");
        }
        if (!h.out.grow(s, increment)) {
            throw Http2Exception.stream(id, Http2Error.FLOW_CONTROL_ERROR, "Stream window above 2^31-1");
        }
    }

    /** Every stream fails (the connection is closing); queued ones give their permits back. Any thread. */
    void failAll(String why) {
        for (Http2Stream s : active.values()) {
            s.fail(why);
            retire(s, false);
        }
    }
}
