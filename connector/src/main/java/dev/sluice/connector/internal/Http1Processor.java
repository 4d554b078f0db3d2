package dev.sluice.connector.internal;

import dev.sluice.connector.ExchangeListener;
import dev.sluice.connector.ExchangeRecord;
import dev.sluice.core.BodyFraming;
import dev.sluice.core.ClientView;
import dev.sluice.core.ForwardedClient;
import dev.sluice.core.HttpException;
import dev.sluice.core.IoCallback;
import dev.sluice.core.Method;
import dev.sluice.core.Persistence;
import dev.sluice.core.Request;
import dev.sluice.core.RequestHead;
import dev.sluice.core.Status;
import dev.sluice.core.TargetForm;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Runs the requests of a connection on a worker: one exchange at a time, strictly in order. After each response
 * the body is drained within its bound, and a pipelined head already read is run next on the same thread;
 * otherwise the connection goes back to its {@link ConnectionOwner} (keep-alive, linger or close).
 */
final class Http1Processor {
    private static final System.Logger LOG = System.getLogger(Http1Processor.class.getName());
    /** The methods the server supports as a whole, for {@code OPTIONS *} (RFC 9110 section 9.3.7). */
    static final String ALLOW = "GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH";

    private final ConnectorContext ctx;
    private final ConnectionUpgrade upgrades;

    Http1Processor(ConnectorContext ctx) {
        this.ctx = ctx;
        this.upgrades = new ConnectionUpgrade(ctx, this);
    }

    /** Entry point of a worker for a queued connection; its head is in {@link Connection#pendingHead}. */
    void runQueued(Connection c) {
        RequestHead head = c.pendingHead;
        c.pendingHead = null;
        ctx.stats.busy.incrementAndGet();
        try {
            ctx.stats.queued(System.nanoTime() - c.queuedAtNanos);
            Duration timeout = ctx.limits.queueTimeout();
            if (!timeout.isZero() && ctx.clock.millis() - c.queuedAtMillis > timeout.toMillis()) {
                ctx.reject(c, ConnectorStats.Rejection.QUEUE_TIMEOUT,
                        "Server busy, request waited too long in the queue");
                refuse(c, head, Status.SERVICE_UNAVAILABLE, "Server busy, request waited too long in the queue",
                        ctx.limits.retryAfterSeconds());
                return;
            }
            serve(c, head, System.nanoTime() - c.queuedAtNanos);
        } finally {
            ctx.stats.busy.decrementAndGet();
        }
    }

    /**
     * Runs {@code head} and any pipelined heads after it on the calling thread.
     *
     * @param queueNanos how long {@code head} waited for a worker
     */
    void serve(Connection c, RequestHead head, long queueNanos) {
        while (head != null) {
            HttpExchange exchange = start(c, head, queueNanos);
            queueNanos = 0;
            if (exchange == null) {
                return;
            }
            run(exchange);
            if (exchange.upgradeHandler() != null && upgrades.takeOver(c, exchange)) {
                return; // the connection left HTTP
            }
            if (!exchange.handlerReturned()) {
                return; // suspended: complete() finishes it on another thread
            }
            if (!heldOutputSent(c, exchange)) {
                return; // finishSuspended goes on once the client has read what was held
            }
            head = finish(c, exchange);
        }
    }

    /** Called once for a suspended exchange, by the thread that completed it. */
    void finishSuspended(Connection c, HttpExchange exchange) {
        if (!heldOutputSent(c, exchange)) {
            return;
        }
        RequestHead next = finish(c, exchange);
        if (next != null && uncork(c)) {
            c.pendingHead = next; // not run here: this thread belongs to the application
            c.owner.dispatch(c);
        }
    }

    /**
     * After non-blocking writes the transport may still hold output for a slow client. Then the content is ended
     * into what is held and the rest of finishing waits, holding no thread, until the client has read it all
     * (or the write timeout passes: the connection is closed); {@link #finishSuspended} then runs again.
     *
     * @return true when nothing is held and finishing may go on now (in blocking write mode again)
     */
    private boolean heldOutputSent(Connection c, HttpExchange exchange) {
        if (!exchange.writesNonBlocking()) {
            return true;
        }
        boolean empty;
        try {
            exchange.responseBody().close(); // idempotent: a second pass finds it closed
            empty = c.transport.flushHeld();
        } catch (IOException e) {
            exchange.abort();
            empty = true;
        }
        if (empty) {
            c.transport.nonBlockingWrites(false);
            return true;
        }
        long deadline = ctx.clock.millis() + ctx.limits.writeTimeout().toMillis();
        c.transport.awaitAsync(SelectionKey.OP_WRITE, deadline, new IoCallback() {
            @Override
            public void onReady() {
                finishSuspended(c, exchange);
            }

            @Override
            public void onError(Throwable failure) {
                exchange.abort(); // the client cannot get the whole response: finish closes the connection
                c.transport.nonBlockingWrites(false);
                finishSuspended(c, exchange);
            }
        }, AsyncWaiter::writeTimeout, () -> { });
        return false;
    }

    private HttpExchange start(Connection c, RequestHead head, long queueNanos) {
        if (ctx.draining) {
            ctx.reject(c, ConnectorStats.Rejection.DRAINING, "Server is shutting down");
            refuse(c, head, Status.SERVICE_UNAVAILABLE, "Server is shutting down", ctx.limits.retryAfterSeconds());
            return null;
        }
        BodyFraming framing;
        ClientView client;
        try {
            framing = ctx.gate.check(head);
            client = ctx.trustedProxies.isEmpty() ? null
                    : ForwardedClient.resolve(c.remoteAddress(), head.headers(), ctx.trustedProxies);
        } catch (HttpException e) {
            Refusals.badRequest(ctx, c, e.status().code(), e.getMessage());
            refuse(c, head, e.status(), e.getMessage(), -1);
            return null;
        }
        ctx.stats.inFlight.incrementAndGet();
        HttpExchange exchange = new HttpExchange(c, ctx, this, head, framing, queueNanos);
        exchange.client = client;
        return exchange;
    }

    private void run(HttpExchange exchange) {
        try {
            RequestHead head = exchange.head();
            if (head.form() == TargetForm.ASTERISK && head.method().equals(Method.OPTIONS)) {
                exchange.headers().set("Allow", ALLOW); // the server answers OPTIONS * itself
                exchange.headers().set("Content-Length", "0");
            } else {
                ctx.handler.handle(exchange.request(), exchange);
            }
        } catch (HttpException e) {
            fail(exchange, e.status(), e.getMessage());
        } catch (Throwable t) {
            if (!(t instanceof IOException)) {
                LOG.log(System.Logger.Level.WARNING, "Handler failed for " + exchange.head(), t);
            }
            fail(exchange, Status.INTERNAL_SERVER_ERROR, "The server could not complete the request");
        }
    }

    /** Turns a failure into an error response, or, once committed, into a closed connection. */
    private void fail(HttpExchange exchange, Status status, String message) {
        if (exchange.isCommitted()) {
            exchange.abort();
            return;
        }
        exchange.reset();
        exchange.setStatus(status);
        if (status.code() == 408 || status.code() == 413 || status.code() == 400) {
            exchange.closeAfterResponse(); // the request content is in an unknown state
        }
        exchange.headers().set("Content-Type", "text/plain; charset=utf-8");
        try {
            OutputStream out = exchange.body();
            out.write((status.code() + " " + status.reason() + ": " + message + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            exchange.closeAfterResponse();
        }
    }

    /**
     * Completes the response, drains the request content and hands the connection on.
     *
     * @return the next pipelined head to run, already read; null when the connection was handed on
     */
    private RequestHead finish(Connection c, HttpExchange exchange) {
        boolean reusable;
        boolean broken = false;
        ResponseBody out = exchange.responseBody();
        try {
            if (exchange.isAborted()) {
                // no last chunk: the client must see an incomplete response, not a complete wrong one
                throw new IOException("Exchange aborted after commit");
            }
            if (exchange.requestBody().isComplete() && c.in != null && c.in.hasRemaining()) {
                c.cork(ctx.buffers); // more pipelined requests are already here: batch their responses
            }
            out.close();
            reusable = out.persists() && exchange.requestBody().drain();
        } catch (IOException | RuntimeException e) {
            reusable = false;
            broken = true;
        } finally {
            ended(exchange, out);
        }
        if (!reusable) {
            if (broken) {
                c.discardCork(ctx.buffers);
                c.owner.close(c);
            } else if (uncork(c)) {
                if (clientSendsNothingMore(c, exchange)) {
                    c.owner.close(c);
                } else {
                    c.owner.linger(c);
                }
            }
            return null;
        }
        ByteBuffer in = c.in;
        if (in != null && in.hasRemaining()) {
            try {
                RequestHead next = c.parser.parse(in);
                if (next != null) {
                    return next;
                }
            } catch (HttpException e) {
                Refusals.badRequest(ctx, c, e.status().code(), e.getMessage()); // a pipelined head, bad
                refuse(c, null, e.status(), e.getMessage(), -1);
                return null;
            }
        }
        if (uncork(c)) {
            ctx.buffers.release(c.in);
            c.in = null;
            c.owner.resume(c);
        }
        return null;
    }

    /**
     * Whether a plain close is safe: the client asked to close (RFC 9112 section 9.6: it must then send no further
     * requests), its request content was read to the end and nothing it sent is left unread, so closing cannot
     * reset the response away. Otherwise the connection lingers (half-close, then read until the client closes).
     */
    private static boolean clientSendsNothingMore(Connection c, HttpExchange exchange) {
        return !Persistence.clientWantsPersistence(exchange.head()) && exchange.requestBody().isComplete()
                && (c.in == null || !c.in.hasRemaining());
    }

    /** Counts and reports an exchange that ended (with its response, or with a switch of protocols). */
    void ended(HttpExchange exchange, ResponseBody out) {
        out.release();
        long serviceNanos = System.nanoTime() - exchange.startNanos;
        ctx.stats.completed.increment();
        ctx.stats.served(serviceNanos);
        ctx.stats.inFlight.decrementAndGet();
        report(exchange, out, serviceNanos);
    }

    /** Sends held-back responses; on failure closes the connection and returns false. */
    private boolean uncork(Connection c) {
        try {
            c.uncork(ctx.buffers);
            return true;
        } catch (IOException e) {
            c.owner.close(c);
            return false;
        }
    }

    /** The client for the access log: as trusted proxies reported it, else the peer (as Tomcat's RemoteIpValve). */
    private static java.net.InetSocketAddress clientAddress(Request request) {
        ClientView client = request.client();
        return client != null ? client.address() : request.remoteAddress();
    }

    private void report(HttpExchange exchange, ResponseBody out, long serviceNanos) {
        ExchangeListener listener = ctx.listener;
        if (listener == null) {
            return;
        }
        Request request = exchange.request();
        try {
            listener.exchangeCompleted(new ExchangeRecord(exchange.head(), clientAddress(request),
                    request.localAddress(), exchange.status().code(), out.contentBytes(), exchange.startMillis,
                    exchange.queueNanos, serviceNanos, request.connectionId(), request.requestNumber()));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Exchange listener failed", e);
        }
    }

    /** Answers with a canned response from this thread and closes with lingering. */
    private void refuse(Connection c, RequestHead head, Status status, String message, int retryAfter) {
        if (!uncork(c)) {
            return;
        }
        ByteBuffer response = CannedResponse.build(status, message, retryAfter, ctx.date.now(), ctx.serverName,
                head == null || !head.method().equals(Method.HEAD));
        int bytes = response.remaining();
        try {
            c.transport.write(new ByteBuffer[] {response}, 0, 1);
            ctx.stats.bytesOut.add(bytes);
        } catch (IOException e) {
            c.owner.close(c);
            return;
        }
        c.owner.linger(c);
    }
}
