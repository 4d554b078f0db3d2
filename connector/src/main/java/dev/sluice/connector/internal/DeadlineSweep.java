package dev.sluice.connector.internal;

import dev.sluice.core.Method;
import dev.sluice.core.Status;
import java.nio.channels.SelectionKey;
import java.util.Set;

/**
 * What a selector loop does about its connections' deadlines on each tick: a request queued past
 * {@code queueTimeout} gets its 503 at once, a non-blocking wait past its deadline fails, an unfinished handshake
 * or head times out (408 once a head started, else a silent close of an idle connection), and a canned answer or
 * a lingering close ends. Used only by the owning {@link SelectorLoop}'s thread.
 */
final class DeadlineSweep {
    private final ConnectorContext ctx;
    private final WorkerPool pool;
    private final ConnectionCloser closer;
    private final TlsHandshaker handshaker;

    DeadlineSweep(ConnectorContext ctx, WorkerPool pool, ConnectionCloser closer, TlsHandshaker handshaker) {
        this.ctx = ctx;
        this.pool = pool;
        this.closer = closer;
        this.handshaker = handshaker;
    }

    void sweep(Set<SelectionKey> keys, long now) {
        long queueTimeout = ctx.limits.queueTimeout().toMillis();
        for (SelectionKey key : keys) {
            Connection c = (Connection) key.attachment();
            if (!key.isValid()) {
                continue;
            }
            if (c.phase == Connection.Phase.QUEUED && queueTimeout > 0 && now - c.queuedAtMillis > queueTimeout
                    && pool.remove(c)) {
                // waited too long while every worker stayed busy: told now rather than when a worker frees up
                ctx.reject(c, ConnectorStats.Rejection.QUEUE_TIMEOUT,
                        "Server busy, request waited too long in the queue");
                closer.sendCanned(c, Status.SERVICE_UNAVAILABLE, "Server busy, request waited too long in the queue",
                        ctx.limits.retryAfterSeconds(), !c.pendingHead.method().equals(Method.HEAD));
                continue;
            }
            if (c.phase == Connection.Phase.HTTP2) {
                c.http2.sweep(now); // idle timeout, and GOAWAY when the connector drains
                continue;
            }
            if (c.phase == Connection.Phase.WORKER_WAIT) {
                ReadinessWaits.expire(c, now);
                continue;
            }
            if (now < c.deadline) {
                continue;
            }
            switch (c.phase) {
                case HANDSHAKE -> handshaker.expire(c);
                case READ_HEAD -> {
                    if (c.parser.hasStarted()) {
                        Refusals.headerTimeout(ctx, c, "Request head not received in time");
                        closer.sendCanned(c, Status.REQUEST_TIMEOUT, "Request head not received in time", -1, true);
                    } else {
                        ProxyPreface.timedOut(ctx, c);
                        closer.closeNow(c); // idle keep-alive, or nothing sent at all: close silently
                    }
                }
                case WRITE_CANNED, LINGER -> closer.closeNow(c);
                default -> { }
            }
        }
    }
}
