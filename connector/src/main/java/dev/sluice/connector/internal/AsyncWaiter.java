package dev.sluice.connector.internal;

import dev.sluice.core.IoCallback;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.function.Supplier;

/**
 * A non-blocking wait: no thread waits; when the selector loop fires it, the {@link IoCallback} is queued on
 * the worker pool. This is how a suspended exchange or an upgraded connection waits for a slow client while
 * holding no worker.
 */
final class AsyncWaiter implements Waiter {
    private final WorkerPool pool;
    private final IoCallback callback;
    private final long deadline;
    private final Supplier<? extends Throwable> timeout;
    private final Runnable before;

    /**
     * @param timeout the failure reported when the deadline passes
     * @param before  run on the pool thread before the callback (clears the caller's "awaiting" flag)
     */
    AsyncWaiter(WorkerPool pool, IoCallback callback, long deadline, Supplier<? extends Throwable> timeout,
                Runnable before) {
        this.pool = pool;
        this.callback = callback;
        this.deadline = deadline;
        this.timeout = timeout;
        this.before = before;
    }

    /** Queues {@code callback.onReady()} on the pool now: the caller found it ready already. */
    static void readyNow(WorkerPool pool, IoCallback callback, Runnable before) {
        new AsyncWaiter(pool, callback, Long.MAX_VALUE, null, before).ready();
    }

    @Override
    public void ready() {
        pool.executeCallback(() -> {
            before.run();
            callback.onReady();
        });
    }

    @Override
    public void closed() {
        fail(new ClosedChannelException());
    }

    @Override
    public void expired() {
        pool.executeCallback(() -> { // the failure is made on the pool thread, which owns the exchange now
            before.run();
            callback.onError(timeout.get());
        });
    }

    /** Reports {@code failure} on the pool. */
    void fail(Throwable failure) {
        pool.executeCallback(() -> {
            before.run();
            callback.onError(failure);
        });
    }

    @Override
    public long deadline() {
        return deadline;
    }

    /** The failure for a write that made no progress within the write timeout. */
    static IOException writeTimeout() {
        return new java.net.SocketTimeoutException("Write timed out: the client stopped reading");
    }
}
