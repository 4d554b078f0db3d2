package dev.sluice.connector.internal;

import dev.sluice.connector.internal.http2.FrameWriter;
import dev.sluice.connector.internal.http2.Http2Exception;
import dev.sluice.core.RequestHead;
import dev.sluice.core.Status;

/**
 * Where an HTTP/2 stream with a complete request head goes: into the connector's worker pool and request queue
 * under the same permits as an HTTP/1.1 request (design.md), or, when the connector answers by itself (413, 431,
 * 503 when draining or when pool and queue are full), a canned response on that stream alone that costs no
 * worker. Selector thread only.
 */
final class Http2Admission {
    private final Http2Connection h;
    private final Http2Streams streams;
    private final ConnectorContext ctx;
    private final WorkerPool pool;

    Http2Admission(Http2Connection h, Http2Streams streams, WorkerPool pool) {
        this.h = h;
        this.streams = streams;
        this.ctx = h.ctx;
        this.pool = pool;
    }

    /**
     * Admits the streams whose heads the last read completed. Deferred to the end of each read so that every
     * stream the client opened in one burst is counted against SETTINGS_MAX_CONCURRENT_STREAMS before a worker
     * can end one of them (h2spec 5.1.2 sends the limit plus one in one write).
     */
    void admitPending() throws Http2Exception {
        Pending next;
        while ((next = pending.poll()) != null) {
            if (next.stream().failure() == null) {
                admitNow(next.stream(), next.head());
            }
        }
    }

    /** A stream whose head is complete, waiting for the end of the read to be admitted. */
    private record Pending(Http2Stream stream, RequestHead head) {
    }

    private final java.util.ArrayDeque<Pending> pending = new java.util.ArrayDeque<>();

    void admit(Http2Stream s, RequestHead head) {
        pending.add(new Pending(s, head));
    }

    /** Queues the stream for a worker, or answers it at once (503 when pool and queue are full, as HTTP/1.1). */
    private void admitNow(Http2Stream s, RequestHead head) throws Http2Exception {
        if (s.declaredLength > ctx.limits.maxBodyBytes()) {
            respond(s, Status.CONTENT_TOO_LARGE, "Request content larger than " + ctx.limits.maxBodyBytes()
                    + " bytes", -1);
            return;
        }
        if (ctx.draining) {
            ctx.reject(h.c, ConnectorStats.Rejection.DRAINING, "Server is shutting down");
            respond(s, Status.SERVICE_UNAVAILABLE, "Server is shutting down", ctx.limits.retryAfterSeconds());
            return;
        }
        Http2StreamTask task = new Http2StreamTask(h, s, head, ctx.clock.millis(), System.nanoTime());
        WorkerPool.Admission a = pool.tryExecuteStream(task);
        if (a == null) {
            ctx.reject(h.c, ConnectorStats.Rejection.QUEUE_FULL, "Server busy, try again later");
            respond(s, Status.SERVICE_UNAVAILABLE, "Server busy, try again later", ctx.limits.retryAfterSeconds());
            return;
        }
        s.admission = a;
    }

    /** A response the connector gives itself (431, 413, 503): it costs no worker. */
    void respond(Http2Stream s, Status status, String message, int retryAfter) throws Http2Exception {
        byte[] body = (status.code() + " " + status.reason() + ": " + message + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        dev.sluice.connector.internal.http2.HpackEncoder.Block b = h.encoder.block()
                .add(":status", Integer.toString(status.code()))
                .add("content-type", "text/plain; charset=utf-8")
                .add("date", ctx.date.now());
        if (retryAfter >= 0) {
            b.add("retry-after", Integer.toString(retryAfter));
        }
        if (ctx.serverName != null) {
            b.add("server", ctx.serverName);
        }
        h.sendControl(FrameWriter.headers(s.id, b.toByteArray(), false, h.out.maxFrameSize()));
        if (!h.out.trySendData(s, body)) {
            h.out.send(FrameWriter.data(s.id, new byte[0], 0, 0, true));
        }
        streams.localEnd(s);
    }
}
