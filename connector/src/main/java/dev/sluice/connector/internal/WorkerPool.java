package dev.sluice.connector.internal;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * maxThreads workers fed by a request queue of acceptQueue entries (IIS: application pool queueLength). Threads
 * are started up to maxThreads before anything is queued (core size equals maximum size); idle threads end after
 * a minute. When every worker is busy and the queue is full, {@link #tryExecute} refuses at once, without
 * blocking the selector, and the caller answers 503.
 *
 * <p>Admission is counted with {@code maxThreads + acceptQueue} permits rather than by the executor's queue
 * capacity. A permit is given back as soon as the worker hands its connection back ({@link #release}), before the
 * worker thread itself has returned to the pool: otherwise a client's next request, read by the selector in that
 * gap, would find every thread still "busy" and be shed although nothing is waiting.
 */
final class WorkerPool {
    private final ThreadPoolExecutor executor;
    private final Semaphore admissions;
    /** The connector's busy-workers figure, counted for callbacks too; null in tests without one. */
    private volatile AtomicInteger busyCounter;

    WorkerPool(String name, int maxThreads, int acceptQueue) {
        admissions = new Semaphore(maxThreads + acceptQueue);
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, name + "-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        // The queue itself is unbounded: the permits bound it to acceptQueue (plus connections just handed back).
        executor = new ThreadPoolExecutor(maxThreads, maxThreads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                factory) {
            @Override
            protected void afterExecute(Runnable task, Throwable failure) {
                if (task instanceof Connection c) {
                    release(c); // suspended exchanges and failures: the worker is free again
                }
            }
        };
        executor.allowCoreThreadTimeOut(true);
    }

    void countBusy(AtomicInteger busy) {
        this.busyCounter = busy;
    }

    /** Queues {@code c} for a worker; false when the pool and queue are full. */
    boolean tryExecute(Connection c) {
        if (!admissions.tryAcquire()) {
            return false;
        }
        c.admitted.set(true);
        try {
            executor.execute(c);
            return true;
        } catch (RejectedExecutionException e) { // shut down
            release(c);
            return false;
        }
    }

    /**
     * Runs a readiness callback of a suspended exchange or upgraded connection on a worker. It takes no admission:
     * its request was admitted already, and refusing it would lose the exchange. Unbounded, but there is at most
     * one callback per direction per connection. Dropped silently once the pool is shut down (the connection is
     * being closed anyway).
     */
    void executeCallback(Runnable callback) {
        try {
            executor.execute(() -> {
                AtomicInteger busy = busyCounter;
                if (busy != null) {
                    busy.incrementAndGet(); // a callback occupies a worker like a request does
                }
                try {
                    callback.run();
                } finally {
                    if (busy != null) {
                        busy.decrementAndGet();
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    /** Gives back {@code c}'s admission, once; called when its worker hands it back or finishes with it. */
    void release(Connection c) {
        if (c.admitted.compareAndSet(true, false)) {
            admissions.release();
        }
    }

    /** Takes {@code c} back out of the queue; false when a worker already took it. */
    boolean remove(Connection c) {
        if (executor.remove(c)) {
            release(c);
            return true;
        }
        return false;
    }

    int queueDepth() {
        return executor.getQueue().size();
    }

    int threads() {
        return executor.getPoolSize();
    }

    /**
     * Stops the pool after the selector loops closed every connection: callbacks those closes queued (an upgraded
     * connection's onClose, a waiting exchange's onError) get {@code graceMillis} to run, then whatever is left
     * is interrupted.
     */
    void shutdown(long graceMillis) throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(graceMillis, TimeUnit.MILLISECONDS)) {
            executor.shutdownNow();
        }
    }
}
