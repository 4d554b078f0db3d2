package dev.sluice.connector.internal;

import dev.sluice.core.BodyFraming;
import dev.sluice.core.Headers;
import dev.sluice.core.HttpException;
import dev.sluice.core.Status;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/**
 * The request content as a blocking stream over the connection's unread bytes and its transport. Removes the
 * framing (Content-Length or chunked), enforces maxBodyBytes on chunked content and minBodyRate on every wait,
 * and never reads past the end of this request: what follows belongs to the next one.
 */
final class RequestBody extends InputStream {
    /** Time an upload gets before minBodyRate applies, so that a slow start is not cut off. */
    static final long RATE_GRACE_MILLIS = 5_000;

    private final Connection connection;
    private final ConnectorContext ctx;
    private final BodyFraming framing;
    private final ExpectContinue expectContinue;
    private final ChunkedDecoder chunked;
    private final byte[] one = new byte[1];
    private long remaining;
    private long received;
    private long startMillis = -1;
    private boolean eof;
    private boolean failed;

    RequestBody(Connection connection, ConnectorContext ctx, BodyFraming framing, ExpectContinue expectContinue,
                Headers trailers) {
        this.connection = connection;
        this.ctx = ctx;
        this.framing = framing;
        this.expectContinue = expectContinue;
        this.remaining = framing.kind() == BodyFraming.Kind.LENGTH ? framing.length() : 0;
        this.chunked = framing.kind() == BodyFraming.Kind.CHUNKED
                ? new ChunkedDecoder(ctx.limits.maxHeaderBytes(), trailers) : null;
        this.eof = !framing.hasContent();
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return read(b, off, len, true);
    }

    /** Reads what is here or can be read from the connection without waiting; 0 when nothing is. */
    int readNow(byte[] b, int off, int len) throws IOException {
        return read(b, off, len, false);
    }

    private int read(byte[] b, int off, int len, boolean wait) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (eof) {
            return -1;
        }
        if (failed) {
            throw new IOException("Request content already failed");
        }
        if (len == 0) {
            return 0;
        }
        expectContinue.beforeFirstRead();
        while (true) {
            ByteBuffer in = connection.in;
            if (in != null && in.hasRemaining()) {
                int n = take(in, b, off, len);
                if (n > 0) {
                    received += n;
                    if (chunked != null && received > ctx.limits.maxBodyBytes()) {
                        failed = true;
                        throw new HttpException(Status.CONTENT_TOO_LARGE, "Request content larger than "
                                + ctx.limits.maxBodyBytes() + " bytes");
                    }
                    return n;
                }
                if (eof) {
                    return -1;
                }
            }
            if (wait) {
                fill();
            } else if (!fillNow()) {
                return 0;
            }
        }
    }

    /** Reads what the connection has without waiting. @return whether bytes came */
    private boolean fillNow() throws IOException {
        ByteBuffer in = connection.in;
        if (in == null) {
            in = connection.in = ctx.buffers.acquire();
        }
        in.clear();
        int n;
        try {
            connection.uncork(ctx.buffers);
            n = connection.transport.readNow(in);
        } catch (IOException e) {
            failed = true;
            throw e;
        } finally {
            in.flip();
        }
        if (n < 0) {
            failed = true;
            throw new EOFException("Client closed the connection before the end of the request content");
        }
        return n > 0;
    }

    /** A non-blocking wait outlasted minBodyRate: the content is lost, and with it the connection. */
    HttpException timedOut() {
        failed = true;
        return new HttpException(Status.REQUEST_TIMEOUT, "Request content arrived too slowly");
    }

    @Override
    public int available() {
        ByteBuffer in = connection.in;
        if (eof || in == null || chunked != null) {
            return 0;
        }
        return (int) Math.min(in.remaining(), remaining);
    }

    private int take(ByteBuffer in, byte[] b, int off, int len) {
        try {
            if (chunked != null) {
                int n = chunked.decode(in, b, off, len);
                eof = chunked.isDone();
                return n;
            }
            int n = (int) Math.min(Math.min(len, remaining), in.remaining());
            in.get(b, off, n);
            remaining -= n;
            eof = remaining == 0;
            return n;
        } catch (HttpException e) {
            failed = true;
            throw e;
        }
    }

    /** Waits for more bytes, no longer than the minimum body rate allows. */
    private void fill() throws IOException {
        ByteBuffer in = connection.in;
        if (in == null) {
            in = connection.in = ctx.buffers.acquire();
        }
        in.clear();
        try {
            connection.uncork(ctx.buffers); // never wait for the client while holding its responses back
            int n = connection.transport.read(in, deadline());
            if (n < 0) {
                failed = true;
                throw new EOFException("Client closed the connection before the end of the request content");
            }
        } catch (SocketTimeoutException e) {
            failed = true;
            throw new HttpException(Status.REQUEST_TIMEOUT, "Request content arrived too slowly");
        } catch (IOException e) {
            failed = true;
            throw e;
        } finally {
            in.flip();
        }
    }

    /** The latest time the next bytes may arrive, by minBodyRate, on the connector clock. */
    long deadline() {
        long now = ctx.clock.millis();
        if (startMillis < 0) {
            startMillis = now;
        }
        long rate = ctx.limits.minBodyRate();
        if (rate <= 0) {
            return now + ctx.limits.headerTimeout().toMillis();
        }
        // RFC-free policy in the spirit of IIS minBytesPerSecond: the bytes so far must keep pace with the rate
        return startMillis + RATE_GRACE_MILLIS + received * 1000 / rate;
    }

    /** Whether every byte of this request's content has been consumed. */
    boolean isComplete() {
        return eof;
    }

    /**
     * Whether the connection cannot be reused because this body cannot be skipped: it failed, the client still
     * waits for a 100 (Continue) that never came (RFC 9110 section 10.1.1), or more than maxDrainBytes remain.
     */
    boolean blocksReuse() {
        if (eof) {
            return false;
        }
        return failed || !expectContinue.sentOrNotExpected()
                || (chunked == null && remaining > ctx.limits.maxDrainBytes());
    }

    /** Reads and discards what is left, up to maxDrainBytes. @return whether the connection can be reused */
    boolean drain() {
        if (eof) {
            return true;
        }
        if (blocksReuse()) {
            return false;
        }
        byte[] skip = new byte[4096];
        long budget = ctx.limits.maxDrainBytes();
        try {
            while (!eof && budget > 0) {
                int n = read(skip, 0, (int) Math.min(skip.length, budget));
                if (n < 0) {
                    break;
                }
                budget -= n;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return eof;
    }
}
