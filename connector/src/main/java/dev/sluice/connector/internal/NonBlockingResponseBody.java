package dev.sluice.connector.internal;

import dev.sluice.core.IoCallback;
import dev.sluice.core.NonBlockingOutput;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Non-blocking writing for a suspended exchange or an upgraded connection: switches the transport to
 * non-blocking write mode (see {@link WriteBacklog}); the response's framing and buffering are unchanged, only
 * the waiting for the socket goes. A wait for output to drain fails after the write timeout without progress.
 */
final class NonBlockingResponseBody implements NonBlockingOutput {
    private final Transport transport;
    private final ConnectorContext ctx;
    private final AtomicBoolean awaiting = new AtomicBoolean();

    NonBlockingResponseBody(Transport transport, ConnectorContext ctx) {
        this.transport = transport;
        this.ctx = ctx;
        transport.nonBlockingWrites(true);
    }

    @Override
    public boolean isReady() {
        try {
            return transport.flushHeld();
        } catch (IOException e) {
            return true; // the next write fails with the cause; a wait would report it too
        }
    }

    @Override
    public void awaitWritable(IoCallback callback) {
        java.util.Objects.requireNonNull(callback, "callback");
        if (!awaiting.compareAndSet(false, true)) {
            throw new IllegalStateException("A write wait is already outstanding");
        }
        Runnable done = () -> awaiting.set(false);
        boolean empty;
        try {
            empty = transport.flushHeld();
        } catch (IOException e) {
            transport.runOnPool(() -> {
                done.run();
                callback.onError(e);
            });
            return;
        }
        if (empty) {
            transport.runOnPool(() -> {
                done.run();
                callback.onReady();
            });
            return;
        }
        long deadline = ctx.clock.millis() + ctx.limits.writeTimeout().toMillis();
        transport.awaitAsync(SelectionKey.OP_WRITE, deadline, new Flusher(callback, deadline),
                AsyncWaiter::writeTimeout, done);
    }

    /**
     * Writable is not yet drained: a wake-up sends more of what is held and only reports ready once all of it
     * went, so the application's next write is never held behind old output.
     */
    private final class Flusher implements IoCallback {
        private final IoCallback callback;
        private final long deadline;

        Flusher(IoCallback callback, long deadline) {
            this.callback = callback;
            this.deadline = deadline;
        }

        @Override
        public void onReady() {
            boolean empty;
            try {
                empty = transport.flushHeld();
            } catch (IOException e) {
                callback.onError(e);
                return;
            }
            if (empty) {
                callback.onReady();
                return;
            }
            awaiting.set(true);
            long next = Math.max(deadline, ctx.clock.millis() + ctx.limits.writeTimeout().toMillis());
            transport.awaitAsync(SelectionKey.OP_WRITE, next, new Flusher(callback, next), AsyncWaiter::writeTimeout,
                    () -> awaiting.set(false));
        }

        @Override
        public void onError(Throwable failure) {
            callback.onError(failure);
        }
    }
}
