package dev.sluice.connector.internal;

import dev.sluice.connector.ExchangeListener;
import dev.sluice.connector.ExchangeRecord;
import dev.sluice.connector.internal.http2.Http2Error;
import dev.sluice.core.HttpException;
import dev.sluice.core.RequestHead;
import dev.sluice.core.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Runs one admitted HTTP/2 stream on a worker: the queue timeout, the handler, then the end of the response and
 * the figures, as {@link Http1Processor} does for a connection's request. A stream the client reset while it
 * waited in the queue is dropped without running anything.
 */
final class Http2StreamTask implements Runnable {
    private static final System.Logger LOG = System.getLogger(Http2StreamTask.class.getName());

    private final Http2Connection h;
    private final Http2Stream s;
    private final RequestHead head;
    private final long queuedAtMillis;
    private final long queuedAtNanos;

    Http2StreamTask(Http2Connection h, Http2Stream s, RequestHead head, long queuedAtMillis, long queuedAtNanos) {
        this.h = h;
        this.s = s;
        this.head = head;
        this.queuedAtMillis = queuedAtMillis;
        this.queuedAtNanos = queuedAtNanos;
    }

    @Override
    public void run() {
        ConnectorContext ctx = h.ctx;
        if (s.failure() != null) {
            return; // reset or closed while queued: nothing to answer
        }
        ctx.stats.busy.incrementAndGet();
        try {
            long queueNanos = System.nanoTime() - queuedAtNanos;
            ctx.stats.queued(queueNanos);
            ctx.stats.inFlight.incrementAndGet();
            Http2Exchange exchange = new Http2Exchange(h, s, head, this, queueNanos);
            Duration timeout = ctx.limits.queueTimeout();
            if (!timeout.isZero() && ctx.clock.millis() - queuedAtMillis > timeout.toMillis()) {
                ctx.reject(h.c, ConnectorStats.Rejection.QUEUE_TIMEOUT,
                        "Server busy, request waited too long in the queue");
                exchange.headers().set("Retry-After", Integer.toString(ctx.limits.retryAfterSeconds()));
                fail(exchange, Status.SERVICE_UNAVAILABLE, "Server busy, request waited too long in the queue");
            } else {
                handle(exchange);
                if (!exchange.handlerReturned()) {
                    return; // suspended: complete() finishes it on another thread
                }
            }
            finish(exchange);
        } finally {
            ctx.stats.busy.decrementAndGet();
        }
    }

    private void handle(Http2Exchange exchange) {
        try {
            if (!h.ctx.trustedProxies.isEmpty()) { // as over HTTP/1.1: Forwarded fields of trusted peers only
                exchange.client = dev.sluice.core.ForwardedClient.resolve(h.c.remoteAddress(), head.headers(),
                        h.ctx.trustedProxies);
            }
            exchange.client = ProxyPreface.withProxiedTls(h.c, exchange.client); // PROXY v2 SSL TLV, as over HTTP/1.1
            h.ctx.handler.handle(exchange.request(), exchange);
        } catch (HttpException e) {
            fail(exchange, e.status(), e.getMessage());
        } catch (Throwable t) {
            if (!(t instanceof IOException)) {
                LOG.log(System.Logger.Level.WARNING, "Handler failed for " + head, t);
            }
            fail(exchange, Status.INTERNAL_SERVER_ERROR, "The server could not complete the request");
        }
    }

    /** Turns a failure into an error response, or, once committed, into a reset stream. */
    private static void fail(Http2Exchange exchange, Status status, String message) {
        if (exchange.isCommitted()) {
            exchange.abort();
            return;
        }
        String retryAfter = exchange.headers().get("Retry-After");
        exchange.reset();
        exchange.setStatus(status);
        if (retryAfter != null) {
            exchange.headers().set("Retry-After", retryAfter);
        }
        exchange.headers().set("Content-Type", "text/plain; charset=utf-8");
        try {
            exchange.body().write((status.code() + " " + status.reason() + ": " + message + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            exchange.abort();
        }
    }

    /** Ends the response (or resets the stream), counts and reports the exchange. Called once. */
    void finish(Http2Exchange exchange) {
        ConnectorContext ctx = h.ctx;
        boolean ended = false;
        try {
            if (!exchange.isAborted()) {
                exchange.responseBody().finishNonBlocking(); // what non-blocking writes held goes out first
                // The stream's place in pool and queue frees before its last frame goes out, so that a client
                // that saw the end can start its next stream at once (afterExecute's release is then a no-op).
                WorkerPool.Admission a = s.admission;
                if (a != null) {
                    a.release();
                }
                exchange.responseBody().close();
                ended = true;
            }
        } catch (IOException | RuntimeException e) {
            ended = false;
        }
        if (ended) {
            h.streamEnded(s);
        } else if (s.failure() == null) {
            h.resetFromWorker(s, Http2Error.INTERNAL_ERROR); // the client must not take it as complete
        } else {
            h.streamEnded(s); // already reset or closed: only the table entry is left to remove
        }
        long serviceNanos = System.nanoTime() - exchange.startNanos;
        ctx.stats.completed.increment();
        ctx.stats.served(serviceNanos);
        ctx.stats.inFlight.decrementAndGet();
        report(exchange, serviceNanos);
    }

    private void report(Http2Exchange exchange, long serviceNanos) {
        ExchangeListener listener = h.ctx.listener;
        if (listener == null) {
            return;
        }
        try {
            dev.sluice.core.ClientView client = exchange.request().client();
            listener.exchangeCompleted(new ExchangeRecord(head, client != null ? client.address() : h.c.remoteAddress(),
                    h.c.transport.localAddress(), exchange.status().code(), exchange.responseBody().contentBytes(),
                    exchange.startMillis, exchange.queueNanos, serviceNanos, h.c.id,
                    exchange.request().requestNumber()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Exchange listener failed", e);
        }
    }
}
