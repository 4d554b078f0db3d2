package dev.sluice.connector.internal;

import dev.sluice.connector.internal.http2.FrameWriter;
import dev.sluice.connector.internal.http2.HpackEncoder;
import dev.sluice.core.Headers;
import dev.sluice.core.Method;
import dev.sluice.core.Status;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Set;

/**
 * The response content of one HTTP/2 stream. Buffers up to the exchange's buffer size; the first overflow, a
 * flush or the end commits the head as a HEADERS frame. Content that completes inside the buffer gets an exact
 * content-length. Content leaves as DATA frames within the flow-control windows ({@link Http2Output#sendData});
 * trailers, when the handler set any, follow as a last HEADERS frame (RFC 9113 section 8.1). A HEAD request, 204
 * and 304 get no DATA.
 *
 * <p>Used by one thread at a time, like the exchange.
 */
final class Http2ResponseBody extends OutputStream {
    /** Fields that belong to one HTTP/1.1 connection and are never sent over HTTP/2 (section 8.2.2). */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "transfer-encoding", "upgrade");

    private final Http2Exchange exchange;
    private final Http2Connection h;
    private final Http2Stream s;
    private final long writeTimeoutMillis;
    private byte[] buffer = new byte[8 * 1024];
    private int count;
    private boolean committed;
    private boolean closed;
    private boolean noContent;
    private long contentBytes;
    /** Non-null in non-blocking mode: content the windows did not take yet, sent by {@link #pump}. */
    private Http2NonBlocking.Output nonBlocking;
    private byte[] held = new byte[0];
    private int heldCount;
    private boolean heldEnd;

    Http2ResponseBody(Http2Exchange exchange, Http2Connection h, Http2Stream s) {
        this.exchange = exchange;
        this.h = h;
        this.s = s;
        this.writeTimeoutMillis = h.ctx.limits.writeTimeout().toMillis();
    }

    /** Switches to non-blocking writes for the rest of the exchange; the same object on every call. */
    synchronized Http2NonBlocking.Output nonBlocking() {
        if (nonBlocking == null) {
            nonBlocking = new Http2NonBlocking.Output(h, s, this);
        }
        return nonBlocking;
    }

    /**
     * Sends what is held as far as the windows allow, never waiting.
     *
     * @return whether nothing is held any more
     */
    synchronized boolean pump() throws IOException {
        if (heldCount == 0 && !heldEnd) {
            return true;
        }
        int n = h.out.sendDataNow(s, held, 0, heldCount, heldEnd);
        System.arraycopy(held, n, held, 0, heldCount - n);
        heldCount -= n;
        if (heldCount == 0) {
            heldEnd = false; // the END_STREAM went with the last bytes (or alone)
            return true;
        }
        return false;
    }

    /** Back to blocking writes to finish the exchange: what is held goes out now, waiting as needed. */
    synchronized void finishNonBlocking() throws IOException {
        Http2NonBlocking.Output was = nonBlocking;
        nonBlocking = null;
        if (was != null && (heldCount > 0 || heldEnd)) {
            int n = heldCount;
            boolean end = heldEnd;
            heldCount = 0;
            heldEnd = false;
            h.out.sendData(s, held, 0, n, end, writeTimeoutMillis);
        }
    }

    /** Sends content as DATA: waiting for window in blocking mode, holding it in non-blocking mode. */
    private void sendContent(byte[] b, int off, int len, boolean endStream) throws IOException {
        synchronized (this) {
            if (nonBlocking != null) {
                if (heldCount + len > held.length) {
                    held = java.util.Arrays.copyOf(held, Math.max(held.length * 2, heldCount + len));
                }
                System.arraycopy(b, off, held, heldCount, len);
                heldCount += len;
                heldEnd |= endStream;
                pump();
                return;
            }
        }
        h.out.sendData(s, b, off, len, endStream, writeTimeoutMillis);
    }

    boolean isCommitted() {
        return committed;
    }

    int bufferSize() {
        return buffer.length;
    }

    void setBufferSize(int size) {
        if (committed || count > 0) {
            throw new IllegalStateException("Content already written");
        }
        buffer = new byte[Math.max(1, size)];
    }

    void resetBuffer() {
        if (committed) {
            throw new IllegalStateException("Response already committed");
        }
        count = 0;
    }

    long contentBytes() {
        return contentBytes;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("Response content already ended");
        }
        contentBytes += len;
        if (committed && noContent) {
            return;
        }
        if (count + len <= buffer.length) {
            System.arraycopy(b, off, buffer, count, len);
            count += len;
            return;
        }
        commit(-1, false);
        if (noContent) {
            return;
        }
        if (count > 0) {
            sendBuffered(false);
        }
        if (len >= buffer.length) {
            sendContent(b, off, len, false);
        } else {
            System.arraycopy(b, off, buffer, 0, len);
            count = len;
        }
    }

    @Override
    public void flush() throws IOException {
        if (closed) {
            return;
        }
        if (declaredLengthReached()) {
            // Over HTTP/1.1 the declared length alone ends the message; over HTTP/2 only END_STREAM does (RFC 9113
            // section 8.1), and a client waits for it: a handler that wrote all it declared and keeps running must
            // not hold the client's answer back.
            close();
            return;
        }
        commit(-1, false);
        if (!noContent && count > 0) {
            sendBuffered(false);
        }
    }

    private boolean declaredLengthReached() {
        String declared = exchange.headers().get("content-length");
        if (declared == null || exchange.trailersOrNull() != null) {
            return false;
        }
        try {
            return contentBytes >= Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Ends the content: the head if not sent yet, what is buffered, trailers, END_STREAM. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        Headers trailers = exchange.trailersOrNull();
        boolean withTrailers = trailers != null && !trailers.isEmpty();
        if (!committed) {
            boolean empty = count == 0 || contentLess();
            commit(count, empty && !withTrailers);
            if (empty && !withTrailers) {
                return;
            }
        }
        if (noContent) {
            if (!withTrailers) {
                sendContent(buffer, 0, 0, true); // an empty DATA frame ends the stream
            }
        } else if (count > 0 || !withTrailers) {
            sendBuffered(!withTrailers);
        }
        if (withTrailers) {
            HpackEncoder.Block block = h.encoder.block();
            addFields(block, trailers);
            h.out.sendLast(s, FrameWriter.headers(s.id, block.toByteArray(), true, h.out.maxFrameSize()));
        }
    }

    private void sendBuffered(boolean endStream) throws IOException {
        int n = count;
        count = 0;
        sendContent(buffer, 0, n, endStream);
    }

    private boolean contentLess() {
        int code = exchange.status().code();
        return exchange.requestMethod().equals(Method.HEAD) || code == 204 || code == 304 || code < 200;
    }

    /**
     * Sends the head once.
     *
     * @param completeLength the whole content's length when known now, else -1
     * @param endStream      whether nothing follows the head
     */
    private void commit(long completeLength, boolean endStream) throws IOException {
        if (committed) {
            return;
        }
        String failure = s.failure();
        if (failure != null) {
            throw new IOException("Stream " + s.id + " ended: " + failure);
        }
        committed = true;
        noContent = contentLess();
        Status status = exchange.status();
        Headers headers = exchange.headers();
        HpackEncoder.Block block = h.encoder.block().add(":status", Integer.toString(status.code()));
        boolean hasLength = headers.contains("Content-Length");
        addFields(block, headers);
        int code = status.code();
        if (!hasLength && completeLength >= 0 && code != 204 && code != 304 && code >= 200) {
            block.add("content-length", Long.toString(completeLength));
        }
        if (!headers.contains("Date")) {
            block.add("date", h.ctx.date.now());
        }
        if (h.ctx.serverName != null && !headers.contains("Server")) {
            block.add("server", h.ctx.serverName);
        }
        ByteBuffer frames = FrameWriter.headers(s.id, block.toByteArray(), endStream, h.out.maxFrameSize());
        if (endStream) {
            h.out.sendLast(s, frames);
        } else {
            h.out.send(frames);
        }
    }

    private static void addFields(HpackEncoder.Block block, Headers fields) {
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.name(i).toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name)) {
                block.add(name, fields.value(i));
            }
        }
    }
}
