package dev.sluice.connector.internal;

import dev.sluice.core.IoCallback;
import dev.sluice.core.NonBlockingInput;
import dev.sluice.core.NonBlockingOutput;
import java.io.IOException;

/**
 * Non-blocking request and response content for one HTTP/2 stream (the servlet ReadListener / WriteListener
 * path). Reading takes what the selector thread delivered and registers with the stream for more; writing holds
 * what the flow-control windows do not allow now and sends it as WINDOW_UPDATEs arrive, with no thread waiting.
 * A write registration fails after the write timeout without progress (a zero-window stall).
 *
 * <p>Used by one thread at a time, as {@link NonBlockingInput} and {@link NonBlockingOutput} say.
 */
final class Http2NonBlocking {
    private Http2NonBlocking() {
    }

    /** The request side. */
    static final class Input implements NonBlockingInput {
        private final Http2Stream s;
        private final Http2RequestBody body;

        Input(Http2Stream s, Http2RequestBody body) {
            this.s = s;
            this.body = body;
        }

        @Override
        public boolean isReady() {
            return s.readable();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return body.read(b, off, len, false);
        }

        @Override
        public boolean isFinished() {
            return s.inboundFinished();
        }

        @Override
        public void awaitReadable(IoCallback callback) {
            s.awaitReadable(callback);
        }
    }

    /** The response side: {@link Http2ResponseBody} holds and pumps; this reports and waits. */
    static final class Output implements NonBlockingOutput {
        private final Http2Connection h;
        private final Http2Stream s;
        private final Http2ResponseBody body;
        private final java.util.concurrent.atomic.AtomicBoolean waiting = new java.util.concurrent.atomic.AtomicBoolean();

        Output(Http2Connection h, Http2Stream s, Http2ResponseBody body) {
            this.h = h;
            this.s = s;
            this.body = body;
        }

        @Override
        public boolean isReady() {
            try {
                return body.pump();
            } catch (IOException e) {
                return true; // the next write fails and says why
            }
        }

        @Override
        public void awaitWritable(IoCallback callback) {
            if (!waiting.compareAndSet(false, true)) {
                throw new IllegalStateException("A write registration is already outstanding");
            }
            long deadline = h.ctx.clock.millis() + h.ctx.limits.writeTimeout().toMillis();
            check(callback, deadline);
        }

        /** Tells the callback if all is sent, else waits for the next window or queue progress (or the deadline). */
        private void check(IoCallback callback, long deadline) {
            boolean sent;
            try {
                sent = body.pump();
            } catch (IOException e) {
                tell(() -> callback.onError(e));
                return;
            }
            if (sent) {
                tell(callback::onReady);
            } else if (h.ctx.clock.millis() >= deadline) {
                tell(() -> callback.onError(new java.net.SocketTimeoutException(
                        "Write timed out: the client stopped reading or granting window")));
            } else {
                h.out.onProgress(s, () -> check(callback, deadline), deadline);
            }
        }

        private void tell(Runnable r) {
            waiting.set(false);
            h.loop.pool().executeCallback(r);
        }
    }
}
