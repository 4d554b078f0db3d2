package dev.sluice.connector.internal;

import dev.sluice.core.BodyFraming;
import dev.sluice.core.Expectation;
import dev.sluice.core.Headers;
import dev.sluice.core.Request;
import dev.sluice.core.RequestHead;
import dev.sluice.core.Response;
import dev.sluice.core.Status;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One request and its response, as handed to the {@link dev.sluice.core.Handler}. Used by one thread at a time
 * (the worker, or the thread a suspended exchange was passed to).
 *
 * <p>Completion of a suspended exchange is decided by two events, the handler returning and
 * {@link #complete()}; whichever comes second finishes the exchange, so it is finished exactly once.
 */
final class HttpExchange implements Response {
    private static final int RETURNED = 1;
    private static final int COMPLETED = 2;

    private final Connection connection;
    private final ConnectorContext ctx;
    private final Http1Processor processor;
    private final RequestHead head;
    private final int number;
    private final BodyFraming framing;
    /** The client as trusted proxies reported it, or null; set by the processor before the handler runs. */
    dev.sluice.core.ClientView client;
    private final RequestBody body;
    private final ResponseBody out;
    private final Headers requestTrailers = new Headers(2);
    private final AtomicInteger endings = new AtomicInteger();
    final long startNanos = System.nanoTime();
    /** Wall-clock start, for the access log; read from the connector's clock. */
    final long startMillis;
    /** Time the head waited for a worker; 0 when run straight after the previous pipelined request. */
    final long queueNanos;
    private Status status = Status.OK;
    private Headers headers = new Headers(8);
    private Headers responseTrailers;
    private volatile boolean suspended;
    private boolean mustClose;
    private boolean aborted;
    private NonBlockingRequestBody nonBlockingIn;
    private NonBlockingResponseBody nonBlockingOut;
    private dev.sluice.core.UpgradeHandler upgrade;
    private final Request request = new RequestView();

    HttpExchange(Connection connection, ConnectorContext ctx, Http1Processor processor, RequestHead head,
                 BodyFraming framing, long queueNanos) {
        this.startMillis = ctx.clock.millis();
        this.queueNanos = queueNanos;
        this.connection = connection;
        this.ctx = ctx;
        this.processor = processor;
        this.head = head;
        this.number = ++connection.requests;
        this.framing = framing;
        this.out = new ResponseBody(this, ctx, connection);
        ExpectContinue expect = new ExpectContinue(Expectation.expectsContinue(head, framing),
                connection, ctx, out::isCommitted);
        this.body = new RequestBody(connection, ctx, framing, expect, requestTrailers);
    }

    /** The request side of this exchange. */
    Request request() {
        return request;
    }

    RequestHead head() {
        return head;
    }

    int requestNumber() {
        return number;
    }

    RequestBody requestBody() {
        return body;
    }

    ResponseBody responseBody() {
        return out;
    }

    /** Whether the connection must close after this response whatever the client asked. */
    boolean mustClose() {
        return mustClose || body.blocksReuse();
    }

    void closeAfterResponse() {
        mustClose = true;
    }

    /** The handler failed after the response was committed: the client cannot be told, so the connection ends. */
    void abort() {
        aborted = true;
    }

    boolean isAborted() {
        return aborted;
    }

    Headers responseTrailersOrNull() {
        return responseTrailers;
    }

    /** Records that the handler returned; true when the exchange is to be finished now (not suspended). */
    boolean handlerReturned() {
        if (!suspended) {
            return true;
        }
        return (endings.getAndUpdate(s -> s | RETURNED) & COMPLETED) != 0;
    }

    // Response

    @Override
    public Status status() {
        return status;
    }

    @Override
    public void setStatus(Status status) {
        if (!out.isCommitted()) {
            this.status = java.util.Objects.requireNonNull(status, "status");
        }
    }

    @Override
    public Headers headers() {
        return headers;
    }

    @Override
    public OutputStream body() {
        return out;
    }

    @Override
    public boolean isCommitted() {
        return out.isCommitted();
    }

    @Override
    public int bufferSize() {
        return out.bufferSize();
    }

    @Override
    public void setBufferSize(int size) {
        out.setBufferSize(size);
    }

    @Override
    public void resetBuffer() {
        out.resetBuffer();
    }

    @Override
    public void reset() {
        out.resetBuffer();
        status = Status.OK;
        headers = new Headers(8);
        responseTrailers = null;
    }

    @Override
    public Headers trailers() {
        if (responseTrailers == null) {
            responseTrailers = new Headers(2);
        }
        return responseTrailers;
    }

    @Override
    public void suspend() {
        suspended = true;
        try {
            // pipelined responses held back must not wait for however long this exchange takes
            connection.uncork(ctx.buffers);
        } catch (java.io.IOException e) {
            closeAfterResponse(); // the client is gone; the exchange's own writes will fail too
        }
    }

    @Override
    public boolean isSuspended() {
        return suspended;
    }

    @Override
    public void complete() {
        if (!suspended) {
            return;
        }
        int before = endings.getAndUpdate(s -> s | COMPLETED);
        if ((before & COMPLETED) == 0 && (before & RETURNED) != 0) {
            processor.finishSuspended(connection, this);
        }
    }

    @Override
    public synchronized dev.sluice.core.NonBlockingOutput nonBlockingBody() {
        if (!suspended) {
            throw new IllegalStateException("Non-blocking writing needs a suspended exchange");
        }
        if (nonBlockingOut == null) {
            nonBlockingOut = new NonBlockingResponseBody(connection.transport, ctx);
        }
        return nonBlockingOut;
    }

    /** Whether output may be held by the transport (non-blocking writes were switched on). */
    boolean writesNonBlocking() {
        return nonBlockingOut != null;
    }

    @Override
    public void upgrade(dev.sluice.core.UpgradeHandler handler) {
        java.util.Objects.requireNonNull(handler, "handler");
        if (suspended || out.isCommitted()) {
            throw new IllegalStateException("Cannot upgrade a suspended or committed exchange");
        }
        if (head.version() != dev.sluice.core.HttpVersion.HTTP_1_1 || !head.headers().contains("Upgrade")) {
            // RFC 9110 section 7.8: only on a request that asked for it, and HTTP/1.0 must ignore Upgrade
            throw new IllegalStateException("The request did not ask for a protocol upgrade");
        }
        upgrade = handler;
    }

    /** The handler to take the connection over after a 101, or null. */
    dev.sluice.core.UpgradeHandler upgradeHandler() {
        return upgrade;
    }

    /** The request side: a separate object because Request and Response both name body() and trailers(). */
    private final class RequestView implements Request {
        @Override
        public RequestHead head() {
            return head;
        }

        @Override
        public InputStream body() {
            return body;
        }

        @Override
        public dev.sluice.core.NonBlockingInput nonBlockingBody() {
            synchronized (HttpExchange.this) {
                if (!suspended) {
                    throw new IllegalStateException("Non-blocking reading needs a suspended exchange");
                }
                if (nonBlockingIn == null) {
                    nonBlockingIn = new NonBlockingRequestBody(body, connection.transport);
                }
                return nonBlockingIn;
            }
        }

        @Override
        public long contentLength() {
            return framing.length();
        }

        @Override
        public Headers trailers() {
            return requestTrailers;
        }

        @Override
        public InetSocketAddress localAddress() {
            return connection.transport.localAddress();
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return connection.remoteAddress();
        }

        @Override
        public dev.sluice.core.ClientView client() {
            return client;
        }

        @Override
        public dev.sluice.core.TlsDetails tls() {
            return connection.transport.tls();
        }

        @Override
        public long connectionId() {
            return connection.id;
        }

        @Override
        public int requestNumber() {
            return number;
        }

        @Override
        public String toString() {
            return head.toString();
        }
    }
}
