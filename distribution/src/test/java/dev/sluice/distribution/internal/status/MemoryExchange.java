package dev.sluice.distribution.internal.status;

import dev.sluice.core.Headers;
import dev.sluice.core.HttpVersion;
import dev.sluice.core.Method;
import dev.sluice.core.Request;
import dev.sluice.core.RequestHead;
import dev.sluice.core.Response;
import dev.sluice.core.Status;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A request and response held in memory, to call a Handler without a socket. */
final class MemoryExchange {
    final Request request;
    final MemoryResponse response = new MemoryResponse();

    MemoryExchange(String method, String target, String remoteHost, String... headerLines) {
        Headers headers = new Headers();
        headers.add("Host", "localhost");
        for (String line : headerLines) {
            int colon = line.indexOf(':');
            headers.add(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        RequestHead head = RequestHead.of(Method.of(method), target, HttpVersion.HTTP_1_1, headers);
        InetSocketAddress remote = new InetSocketAddress(remoteHost, 50000);
        this.request = new Request() {
            @Override public RequestHead head() { return head; }
            @Override public InputStream body() { return new ByteArrayInputStream(new byte[0]); }
            @Override public long contentLength() { return 0; }
            @Override public Headers trailers() { return new Headers(); }
            @Override public InetSocketAddress localAddress() { return new InetSocketAddress("127.0.0.1", 8080); }
            @Override public InetSocketAddress remoteAddress() { return remote; }
            @Override public long connectionId() { return 1; }
            @Override public int requestNumber() { return 1; }
        };
    }

    /** A response that keeps everything written; committed when the body is closed. */
    static final class MemoryResponse implements Response {
        private Status status = Status.OK;
        private final Headers headers = new Headers();
        private final ByteArrayOutputStream content = new ByteArrayOutputStream();
        private boolean committed;

        String text() {
            return content.toString(StandardCharsets.UTF_8);
        }

        @Override public Status status() { return status; }
        @Override public void setStatus(Status status) { this.status = status; }
        @Override public Headers headers() { return headers; }

        @Override
        public OutputStream body() {
            return new OutputStream() {
                @Override public void write(int b) { content.write(b); }
                @Override public void write(byte[] b, int off, int len) { content.write(b, off, len); }
                @Override public void close() { committed = true; }
            };
        }

        @Override public boolean isCommitted() { return committed; }
        @Override public int bufferSize() { return 8192; }
        @Override public void setBufferSize(int size) { }
        @Override public void resetBuffer() { content.reset(); }
        @Override public void reset() { content.reset(); headers.clear(); status = Status.OK; }
        @Override public Headers trailers() { return new Headers(); }
        @Override public void suspend() { throw new UnsupportedOperationException(); }
        @Override public boolean isSuspended() { return false; }
        @Override public void complete() { }
    }
}
