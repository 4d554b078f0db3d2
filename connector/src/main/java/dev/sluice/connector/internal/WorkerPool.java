package dev.sluice.connector.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * maxThreads workers fed by a request queue of acceptQueue entries (IIS: application pool queueLength). Threads
 * are started up to maxThreads before anything is queued (core size equals maximum size); idle threads end after
 * a minute. When every worker is busy and the queue is full, {@link #tryExecute} refuses at once, without
 * blocking the selector, and the caller answers 503.
 */
final class WorkerPool {
    private final ThreadPoolExecutor executor;

    WorkerPool(String name, int maxThreads, int acceptQueue) {
        BlockingQueue<Runnable> queue = acceptQueue == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(acceptQueue);
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, name + "-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        executor = new ThreadPoolExecutor(maxThreads, maxThreads, 60, TimeUnit.SECONDS, queue, factory,
                new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    /** Queues {@code c} for a worker; false when the pool and queue are full. */
    boolean tryExecute(Connection c) {
        try {
            executor.execute(c);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Takes {@code c} back out of the queue; false when a worker already took it. */
    boolean remove(Connection c) {
        return executor.remove(c);
    }

    int queueDepth() {
        return executor.getQueue().size();
    }

    int threads() {
        return executor.getPoolSize();
    }

    void shutdownNow() {
        executor.shutdownNow();
    }
}
