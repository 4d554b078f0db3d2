package dev.sluice.connector.internal;

import dev.sluice.core.Headers;
import dev.sluice.core.Method;
import dev.sluice.core.Request;
import dev.sluice.core.RequestHead;
import dev.sluice.core.Response;
import dev.sluice.core.Status;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP/2 stream's request and response as the {@link dev.sluice.core.Handler} sees them: the same core
 * {@link Request} and {@link Response} as over HTTP/1.1, with {@link RequestHead#version()} HTTP/2.0. Used by one
 * thread at a time (the worker, or the thread a suspended exchange was passed to).
 *
 * <p>A suspended exchange ends on the second of two events, the handler returning and {@link #complete()}, as
 * {@link HttpExchange} does.
 */
final class Http2Exchange implements Response {
    private static final int RETURNED = 1;
    private static final int COMPLETED = 2;

    final Http2Connection h;
    final Http2Stream s;
    private final RequestHead head;
    private final Http2RequestBody in;
    private final Http2ResponseBody out;
    private final Http2StreamTask task;
    private final int number;
    private final AtomicInteger endings = new AtomicInteger();
    final long startNanos = System.nanoTime();
    final long startMillis;
    final long queueNanos;
    private Status status = Status.OK;
    private Headers headers = new Headers(8);
    private Headers trailers;
    private volatile boolean suspended;
    private boolean aborted;
    private Http2NonBlocking.Input nonBlockingIn;
    /** The client as trusted proxies reported it, or null; set before the handler runs. */
    dev.sluice.core.ClientView client;
    private final Request request = new RequestView();

    Http2Exchange(Http2Connection h, Http2Stream s, RequestHead head, Http2StreamTask task, long queueNanos) {
        this.h = h;
        this.s = s;
        this.head = head;
        this.task = task;
        this.queueNanos = queueNanos;
        this.startMillis = h.ctx.clock.millis();
        this.number = s.id / 2 + 1; // client streams are 1, 3, 5...: their order on the connection
        this.out = new Http2ResponseBody(this, h, s);
        this.in = new Http2RequestBody(h, s, head, out::isCommitted);
    }

    Request request() {
        return request;
    }

    RequestHead head() {
        return head;
    }

    Method requestMethod() {
        return head.method();
    }

    Http2ResponseBody responseBody() {
        return out;
    }

    Headers trailersOrNull() {
        return trailers;
    }

    /** The handler failed after commit: the stream is reset instead of ended. */
    void abort() {
        aborted = true;
    }

    boolean isAborted() {
        return aborted;
    }

    /** Records that the handler returned; true when the exchange is to be finished now (not suspended). */
    boolean handlerReturned() {
        if (!suspended) {
            return true;
        }
        return (endings.getAndUpdate(e -> e | RETURNED) & COMPLETED) != 0;
    }

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
        trailers = null;
    }

    @Override
    public Headers trailers() {
        if (trailers == null) {
            trailers = new Headers(2);
        }
        return trailers;
    }

    @Override
    public void suspend() {
        suspended = true;
    }

    @Override
    public boolean isSuspended() {
        return suspended;
    }

    @Override
    public dev.sluice.core.NonBlockingOutput nonBlockingBody() {
        if (!suspended) {
            throw new IllegalStateException("Non-blocking writing needs a suspended exchange");
        }
        return out.nonBlocking();
    }

    @Override
    public void complete() {
        if (!suspended) {
            return;
        }
        int before = endings.getAndUpdate(e -> e | COMPLETED);
        if ((before & COMPLETED) == 0 && (before & RETURNED) != 0) {
            task.finish(this);
        }
    }

    /** The request side: a separate object because Request and Response both name body() and trailers(). */
    private final class RequestView implements Request {
        @Override
        public RequestHead head() {
            return head;
        }

        @Override
        public InputStream body() {
            return in;
        }

        @Override
        public dev.sluice.core.NonBlockingInput nonBlockingBody() {
            synchronized (Http2Exchange.this) {
                if (!suspended) {
                    throw new IllegalStateException("Non-blocking reading needs a suspended exchange");
                }
                if (nonBlockingIn == null) {
                    nonBlockingIn = new Http2NonBlocking.Input(s, in);
                }
                return nonBlockingIn;
            }
        }

        @Override
        public long contentLength() {
            if (s.declaredLength >= 0) {
                return s.declaredLength;
            }
            return s.inboundFinished() && s.received == 0 ? 0 : -1;
        }

        @Override
        public Headers trailers() {
            return s.requestTrailers;
        }

        @Override
        public InetSocketAddress localAddress() {
            return h.c.transport.localAddress();
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return h.c.remoteAddress();
        }

        @Override
        public dev.sluice.core.TlsDetails tls() {
            return h.c.transport.tls();
        }

        @Override
        public dev.sluice.core.ClientView client() {
            return client;
        }

        @Override
        public long connectionId() {
            return h.c.id;
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
