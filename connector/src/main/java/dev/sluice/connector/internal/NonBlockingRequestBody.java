package dev.sluice.connector.internal;

import dev.sluice.core.IoCallback;
import dev.sluice.core.NonBlockingInput;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Non-blocking reading of a suspended exchange's content: the framing (length or chunked), maxBodyBytes and
 * 100-continue stay those of {@link RequestBody}; waiting becomes an {@link AsyncWaiter} whose deadline is the
 * minBodyRate deadline, so a slow upload holds no worker between callbacks. One chunk of decoded content is read
 * ahead by {@link #isReady()}, since with chunked coding bytes on the socket need not mean content.
 */
final class NonBlockingRequestBody implements NonBlockingInput {
    private final RequestBody body;
    private final Transport transport;
    private final AtomicBoolean awaiting = new AtomicBoolean();
    private final byte[] ahead = new byte[8192];
    private int aheadPos;
    private int aheadEnd;
    private boolean end;
    private IOException failure;

    NonBlockingRequestBody(RequestBody body, Transport transport) {
        this.body = body;
        this.transport = transport;
    }

    @Override
    public boolean isReady() {
        if (aheadPos < aheadEnd || end || failure != null) {
            return true;
        }
        try {
            int n = body.readNow(ahead, 0, ahead.length);
            if (n < 0) {
                end = true;
            } else {
                aheadPos = 0;
                aheadEnd = n;
            }
        } catch (IOException e) {
            failure = e;
        } catch (RuntimeException e) { // HttpException: malformed chunk, too large
            failure = new IOException(e.getMessage(), e);
        }
        return aheadPos < aheadEnd || end || failure != null;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (aheadPos < aheadEnd) {
            int n = Math.min(len, aheadEnd - aheadPos);
            System.arraycopy(ahead, aheadPos, b, off, n);
            aheadPos += n;
            return n;
        }
        if (failure != null) {
            throw failure;
        }
        if (end) {
            return -1;
        }
        if (len == 0) {
            return 0;
        }
        try {
            int n = body.readNow(b, off, len);
            end = n < 0;
            return n;
        } catch (IOException e) {
            failure = e;
            throw e;
        } catch (RuntimeException e) {
            failure = new IOException(e.getMessage(), e);
            throw failure;
        }
    }

    @Override
    public boolean isFinished() {
        return aheadPos >= aheadEnd && (end || body.isComplete());
    }

    @Override
    public void awaitReadable(IoCallback callback) {
        java.util.Objects.requireNonNull(callback, "callback");
        if (!awaiting.compareAndSet(false, true)) {
            throw new IllegalStateException("A read wait is already outstanding");
        }
        Runnable done = () -> awaiting.set(false);
        if (isReady()) {
            transport.runOnPool(() -> {
                done.run();
                callback.onReady();
            });
            return;
        }
        transport.awaitAsync(SelectionKey.OP_READ, body.deadline(), callback, body::timedOut, done);
    }
}
