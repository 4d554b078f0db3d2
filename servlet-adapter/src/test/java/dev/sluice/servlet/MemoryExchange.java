package dev.sluice.servlet;

import dev.sluice.core.Headers;
import dev.sluice.core.HttpVersion;
import dev.sluice.core.Method;
import dev.sluice.core.Request;
import dev.sluice.core.RequestHead;
import dev.sluice.core.Response;
import dev.sluice.core.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory core request and response, standing in for the connector: the response buffers like the core
 * contract says (commit on overflow or flush), drops content for HEAD, 204 and 304, and frames a response that
 * completes in its buffer with a Content-Length, as the connector does.
 */
final class MemoryExchange {
    private final RequestHead head;
    private final byte[] requestBody;
    private final InputStream bodyStream;
    private final Headers trailersIn = new Headers();
    private final long connectionId;
    private final int requestNumber;

    private Status status = Status.OK;
    private final Headers headers = new Headers();
    private final Headers trailersOut = new Headers();
    private int bufferSize = 8192;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final ByteArrayOutputStream wire = new ByteArrayOutputStream();
    private boolean committed;
    private String committedHead;
    private boolean contentWritten;
    private boolean suspended;
    private final CountDownLatch done = new CountDownLatch(1);
    private final OutputStream body = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            contentWritten = true;
            if (!committed && buffer.size() + len > bufferSize) {
                commit();
            }
            if (committed) {
                wire.write(b, off, len);
            } else {
                buffer.write(b, off, len);
            }
        }

        @Override
        public void flush() {
            commit();
        }
    };

    MemoryExchange(String method, String target, Headers requestHeaders, byte[] requestBody, long connectionId,
                   int requestNumber) {
        if (!requestHeaders.contains("Host")) {
            requestHeaders.add("Host", "localhost:8080");
        }
        this.head = RequestHead.of(Method.of(method), target, HttpVersion.HTTP_1_1, requestHeaders);
        this.requestBody = requestBody;
        this.bodyStream = new ByteArrayInputStream(requestBody);
        this.connectionId = connectionId;
        this.requestNumber = requestNumber;
    }

    final Request request = new Request() {
    @Override
    public RequestHead head() {
        return head;
    }

    @Override
    public InputStream body() {
        return bodyStream;
    }

    @Override
    public long contentLength() {
        return requestBody.length;
    }

    @Override
    public Headers trailers() {
        return trailersIn;
    }

    @Override
    public InetSocketAddress localAddress() {
        return new InetSocketAddress("127.0.0.1", 8080);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 54321);
    }

    @Override
    public long connectionId() {
        return connectionId;
    }

    @Override
    public int requestNumber() {
        return requestNumber;
    }
    };

    final Response response = new Response() {
    @Override
    public Status status() {
        return status;
    }

    @Override
    public void setStatus(Status newStatus) {
        if (!committed) {
            status = newStatus;
        }
    }

    @Override
    public Headers headers() {
        return headers;
    }

    @Override
    public OutputStream body() {
        return body;
    }

    @Override
    public boolean isCommitted() {
        return committed;
    }

    @Override
    public int bufferSize() {
        return bufferSize;
    }

    @Override
    public void setBufferSize(int size) {
        if (contentWritten || committed) {
            throw new IllegalStateException("Content already written");
        }
        bufferSize = size;
    }

    @Override
    public void resetBuffer() {
        if (committed) {
            throw new IllegalStateException("Committed");
        }
        buffer.reset();
    }

    @Override
    public void reset() {
        resetBuffer();
        headers.clear();
        status = Status.OK;
    }

    @Override
    public Headers trailers() {
        return trailersOut;
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
    public void complete() {
        finish();
    }
    };

    private synchronized void commit() {
        if (committed) {
            return;
        }
        committed = true;
        committedHead = headText();
        if (!dropsContent()) {
            wire.writeBytes(buffer.toByteArray());
        }
        buffer.reset();
    }

    private boolean dropsContent() {
        return head.method().equals(Method.HEAD) || status.forbidsContent();
    }

    /** What the connector does when the handler returns (or a suspended exchange completes). */
    synchronized void finish() {
        if (done.getCount() == 0) {
            return;
        }
        if (!committed) {
            if (!headers.contains("Content-Length") && !status.forbidsContent()) {
                headers.set("Content-Length", Integer.toString(buffer.size()));
            }
            commit();
        }
        done.countDown();
    }

    /** Waits for a suspended exchange to complete. */
    boolean await(long seconds) throws InterruptedException {
        return done.await(seconds, TimeUnit.SECONDS);
    }

    private String headText() {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append("\r\n");
        sb.append(headers);
        return sb.append("\r\n").toString();
    }

    // Assertions read these.

    int code() {
        return status.code();
    }

    String header(String name) {
        return headers.get(name);
    }

    String text() {
        return wire.toString(StandardCharsets.UTF_8);
    }

    byte[] bytes() {
        return wire.toByteArray();
    }

    /** The response as the connector would frame it (minus Date and connection headers). */
    String wire() {
        return committedHead + text();
    }
}
