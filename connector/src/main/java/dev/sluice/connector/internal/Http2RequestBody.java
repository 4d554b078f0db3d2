package dev.sluice.connector.internal;

import dev.sluice.core.HttpException;
import dev.sluice.core.Status;
import java.io.IOException;
import java.io.InputStream;

/**
 * The request content of one HTTP/2 stream as a blocking stream: reads wait on the stream for DATA the selector
 * thread delivered, each read for at most the header timeout; every read gives window back to the client
 * ({@link Http2Connection#consumed}). Content past maxBodyBytes is 413, as over HTTP/1.1.
 *
 * <p>Used by one thread at a time.
 */
final class Http2RequestBody extends InputStream {
    private final Http2Connection h;
    private final Http2Stream s;
    private long read;
    /** Whether the client asked for {@code 100-continue} and has not been sent it yet (RFC 9110 section 10.1.1). */
    private boolean continuePending;
    private final java.util.function.BooleanSupplier committed;

    Http2RequestBody(Http2Connection h, Http2Stream s, dev.sluice.core.RequestHead head,
                     java.util.function.BooleanSupplier committed) {
        this.h = h;
        this.s = s;
        this.committed = committed;
        this.continuePending = head.headers().containsToken("expect", "100-continue");
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return read(b, off, len, true);
    }

    /** Reads what is here, waiting only when {@code wait}; 0 when nothing is here and not waiting. */
    int read(byte[] b, int off, int len, boolean wait) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (continuePending) {
            continuePending = false;
            if (!committed.getAsBoolean() && !s.inboundFinished()) {
                // the interim response is a HEADERS frame of its own before the final one (RFC 9113 section 8.1)
                h.out.send(dev.sluice.connector.internal.http2.FrameWriter.headers(s.id,
                        h.encoder.block().add(":status", "100").toByteArray(), false, h.out.maxFrameSize()));
            }
        }
        long deadline = h.ctx.clock.millis() + h.ctx.limits.headerTimeout().toMillis();
        int n = s.read(b, off, len, wait, h.ctx.clock, deadline);
        if (n > 0) {
            read += n;
            h.consumed(s, n);
            if (read > h.ctx.limits.maxBodyBytes()) {
                throw new HttpException(Status.CONTENT_TOO_LARGE,
                        "Request content larger than " + h.ctx.limits.maxBodyBytes() + " bytes");
            }
        }
        return n;
    }

    @Override
    public int available() {
        return 0;
    }
}
