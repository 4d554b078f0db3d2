package dev.sluice.connector.internal;

import dev.sluice.core.Headers;
import dev.sluice.core.HttpException;
import dev.sluice.core.Method;
import dev.sluice.core.Persistence;
import dev.sluice.core.RequestHead;
import dev.sluice.core.ResponseFraming;
import dev.sluice.core.ServerHeaders;
import dev.sluice.core.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The response content stream: buffers up to the buffer size, commits the head when the buffer overflows, on
 * flush or at the end, frames the content as {@link ResponseFraming} decides, and sends head, chunk framing and
 * content with one gathering write. Large content streams through without being held.
 */
final class ResponseBody extends OutputStream {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = {'0', '\r', '\n'};

    private final HttpExchange exchange;
    private final ConnectorContext ctx;
    private final Transport transport;
    private final Connection connection;
    private final ByteBuffer[] gather = new ByteBuffer[5];
    private final ByteBuffer chunkHead = ByteBuffer.allocate(20);
    private final byte[] one = new byte[1];

    private ByteBuffer content;
    private int bufferSize;
    private ByteBuffer head;
    private ByteBuffer headStorage;
    private ResponseFraming framing;
    private long declared = -1;
    private long written;
    private boolean committed;
    private boolean closed;
    private boolean persists;
    private boolean broken;

    ResponseBody(HttpExchange exchange, ConnectorContext ctx, Connection connection) {
        this.exchange = exchange;
        this.ctx = ctx;
        this.connection = connection;
        this.transport = connection.transport;
        this.bufferSize = 8 * 1024;
    }

    /** Content bytes written so far (for HEAD, those that would have been sent). */
    long contentBytes() {
        return written;
    }

    boolean isCommitted() {
        return committed;
    }

    /** Whether the connection may carry another request after this response. */
    boolean persists() {
        return persists && !broken;
    }

    int bufferSize() {
        return bufferSize;
    }

    void setBufferSize(int size) {
        if (committed || written > 0) {
            throw new IllegalStateException("Content already written");
        }
        bufferSize = Math.max(0, size);
        if (content != null && content.capacity() < bufferSize) {
            ctx.buffers.release(content);
            content = null;
        }
    }

    void resetBuffer() {
        if (committed) {
            throw new IllegalStateException("Response already committed");
        }
        written = 0;
        if (content != null) {
            content.clear();
        }
    }

    @Override
    public void write(int b) throws IOException {
        one[0] = (byte) b;
        write(one, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("Response content already closed");
        }
        if (len == 0) {
            return;
        }
        if (!committed) {
            ensureContent();
            if (content.position() + len <= bufferSize) {
                content.put(b, off, len);
                written += len;
                return;
            }
            commit(-1);
        }
        written += len;
        if (framing == ResponseFraming.NONE) {
            return; // HEAD, 204, 304: counted, not sent
        }
        if (framing == ResponseFraming.LENGTH && written > declared) {
            broken = true;
            throw new IOException("Content longer than the Content-Length of " + declared);
        }
        if (content.position() + len <= Math.min(bufferSize, content.capacity())) {
            content.put(b, off, len);
            return;
        }
        send(ByteBuffer.wrap(b, off, len), false);
    }

    @Override
    public void flush() throws IOException {
        if (closed) {
            return;
        }
        if (!committed) {
            commit(-1);
        }
        send(null, false);
        try {
            connection.uncork(ctx.buffers); // a flush means "to the client now" (e.g. server-sent events)
        } catch (IOException e) {
            broken = true;
            throw e;
        }
    }

    /** Ends the content: commits with an exact length when everything fit in the buffer, ends chunked coding. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!committed) {
                commit(content == null ? 0 : content.position());
            }
            if (framing == ResponseFraming.LENGTH && written < declared) {
                broken = true; // the client waits for bytes that never come: only a close can tell it
            }
            send(null, true);
        } finally {
            release();
        }
    }

    /** Gives the buffers back; called when the exchange ends whatever happened. */
    void release() {
        ctx.buffers.release(content);
        content = null;
        ctx.buffers.release(headStorage);
        headStorage = null;
        head = null;
    }

    private void ensureContent() {
        if (content == null) {
            content = bufferSize <= ctx.buffers.bufferSize() ? ctx.buffers.acquire()
                    : ByteBuffer.allocate(bufferSize);
        }
    }

    /** Decides framing and persistence and encodes the head; it is sent with the first content. */
    private void commit(long completedLength) {
        committed = true;
        ensureContent();
        RequestHead request = exchange.head();
        Headers headers = exchange.headers();
        Status status = exchange.status();
        try {
            declared = headers.contentLength();
        } catch (HttpException e) {
            declared = -1; // a malformed value set by the handler is dropped rather than sent
        }
        // Trailer fields travel only after chunked content (RFC 9112 section 7.1.2): a response with trailers and
        // no declared length is chunked even when its content is complete.
        Headers trailers = exchange.responseTrailersOrNull();
        long complete = declared < 0 && trailers != null && !trailers.isEmpty() ? -1 : completedLength;
        framing = ResponseFraming.decide(request.method(), request.version(), status, declared, complete);
        persists = !exchange.mustClose()
                && Persistence.persists(request, headers, framing, exchange.requestNumber(),
                        ctx.limits.maxKeepAliveRequests(), ctx.draining);
        headStorage = ctx.buffers.acquire();
        boolean noLengthAllowed = status.isInformational() || status.code() == 204;
        boolean ownLength = framing == ResponseFraming.LENGTH && declared < 0;
        // HEAD: the length a GET would have carried (RFC 9110 9.3.2)
        boolean headLength = framing == ResponseFraming.NONE && request.method().equals(Method.HEAD)
                && declared < 0 && completedLength >= 0;
        if (ownLength) {
            declared = completedLength;
        }
        // HTTP/1.0 persists only when told so, and learns how long the server waits (RFC 9112 C.2.2)
        boolean keepAlive10 = persists && request.version() == dev.sluice.core.HttpVersion.HTTP_1_0;
        String connectionValue = !persists ? "close" : keepAlive10 ? "keep-alive" : null;
        String keepAliveValue = keepAlive10 ? ServerHeaders.keepAlive(ctx.limits) : null;
        head = ResponseHeadWriter.write(headStorage, ctx.fieldLines, status, headers, ownLength || noLengthAllowed,
                ownLength || headLength ? completedLength : -1, framing == ResponseFraming.CHUNKED, connectionValue,
                keepAliveValue);
    }

    /** Sends the pending head, the buffered content plus {@code extra} as one chunk if chunked, and the end. */
    private void send(ByteBuffer extra, boolean last) throws IOException {
        int n = 0;
        if (head != null && head.hasRemaining()) {
            gather[n++] = head;
        }
        content.flip();
        long size = content.remaining() + (extra == null ? 0 : extra.remaining());
        if (framing == ResponseFraming.NONE) {
            size = 0;
        }
        boolean chunked = framing == ResponseFraming.CHUNKED;
        if (size > 0) {
            if (chunked) {
                chunkHead.clear();
                chunkHead.put(Long.toHexString(size).getBytes(StandardCharsets.ISO_8859_1)).put(CRLF).flip();
                gather[n++] = chunkHead;
            }
            if (content.hasRemaining()) {
                gather[n++] = content;
            }
            if (extra != null && extra.hasRemaining()) {
                gather[n++] = extra;
            }
            if (chunked) {
                gather[n++] = ByteBuffer.wrap(CRLF);
            }
        }
        if (n > 0) {
            writeAll(n);
        }
        content.clear();
        if (last && chunked) {
            sendLastChunk();
        }
    }

    private void sendLastChunk() throws IOException {
        Headers trailers = exchange.responseTrailersOrNull();
        ByteBuffer end;
        if (trailers == null || trailers.isEmpty()) {
            end = ByteBuffer.wrap(new byte[] {'0', '\r', '\n', '\r', '\n'});
        } else {
            ByteBuffer out = ByteBuffer.allocate(256);
            out.put(LAST_CHUNK);
            HeadEncoder enc = new HeadEncoder(out);
            enc.fields(trailers, "Content-Length", "Transfer-Encoding", "Host", "Connection");
            end = enc.finish();
        }
        gather[0] = end;
        writeAll(1);
    }

    private void writeAll(int n) throws IOException {
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            bytes += gather[i].remaining();
        }
        try {
            ByteBuffer cork = connection.corked;
            if (cork != null) {
                if (bytes <= cork.remaining()) {
                    for (int i = 0; i < n; i++) {
                        cork.put(gather[i]);
                    }
                    ctx.stats.bytesOut.add(bytes);
                    return;
                }
                connection.uncork(ctx.buffers); // too large to hold back: what was held goes first
            }
            transport.write(gather, 0, n);
        } catch (IOException e) {
            broken = true;
            throw e;
        } finally {
            java.util.Arrays.fill(gather, null);
        }
        ctx.stats.bytesOut.add(bytes);
    }
}
