package dev.sluice.connector.internal;

import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
 *
 * <p>Each admission is its own {@link Admission} object, the task the executor queues: a worker finishing one run
 * of a connection gives back that run's admission only, never the one the connection's next request may already
 * hold (the selector can queue it as soon as the worker handed the connection back). Before, that release freed
 * the running next request's permit, and for as long as it ran one more request than maxThreads + acceptQueue
 * could be admitted. Now the queue exceeds acceptQueue only by the workers that are between a hand-back and their
 * thread's return, for that instant.
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
        executor = new ThreadPoolExecutor(maxThreads, maxThreads, 60, TimeUnit.SECONDS, new LinkedBlockingDeque<>(),
                factory) {
            @Override
            protected void afterExecute(Runnable task, Throwable failure) {
                if (task instanceof Admission a) {
                    a.release(); // suspended exchanges and failures: the worker is free again
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
        Admission a = new Admission(c, admissions);
        c.admission = a;
        return enqueue(a);
    }

    /**
     * Queues one HTTP/2 stream's request under the same admissions as a connection's (design.md: a stream is
     * admitted through the same worker pool and request queue); false when the pool and queue are full. The
     * permit is given back when the task's worker returns.
     */
    Admission tryExecuteStream(Runnable stream) {
        if (!admissions.tryAcquire()) {
            return null;
        }
        Admission a = new Admission(stream, admissions);
        return enqueue(a) ? a : null;
    }

    /** Takes a queued stream back out (its client reset it), giving back its permit; false once it started. */
    boolean remove(Admission a) {
        if (executor.remove(a)) {
            a.release();
            return true;
        }
        return false;
    }

    private boolean enqueue(Admission a) {
        try {
            executor.execute(a);
            return true;
        } catch (RejectedExecutionException e) { // shut down
            a.release();
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

    /**
     * Gives back the admission of {@code c}'s current run, once. Called by the worker running it, before it hands
     * the connection back (after that, {@code c.admission} may already be the next request's).
     */
    void release(Connection c) {
        Admission a = c.admission;
        if (a != null) {
            a.release();
        }
    }

    /** Takes {@code c} back out of the queue and gives back its admission; false when a worker already took it. */
    boolean remove(Connection c) {
        Admission a = c.admission;
        if (a != null && executor.remove(a)) {
            a.release();
            return true;
        }
        return false;
    }

    /**
     * Takes {@code c} out of the queue but keeps its admission, so that the selector may look at the connection
     * (see {@link #putBack}); false when a worker already took it.
     */
    boolean takeBack(Connection c) {
        Admission a = c.admission;
        return a != null && executor.remove(a);
    }

    /**
     * Queues again a connection taken back by {@link #takeBack}, at the head of the queue: it waited already.
     * Dropped (admission given back) once the pool is shut down.
     */
    void putBack(Connection c) {
        Admission a = c.admission;
        if (executor.isShutdown() || !((BlockingDeque<Runnable>) executor.getQueue()).offerFirst(a)) {
            a.release();
            return;
        }
        // as ThreadPoolExecutor.execute does for a queued task: make sure a thread exists to take it (idle ones
        // time out); the worker count is changed by compare-and-set, so a worker ending now still sees the task
        executor.prestartCoreThread();
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

    /** One admitted run of a connection: the queue entry, and the permit it holds until released once. */
    static final class Admission implements Runnable {
        private final Runnable connection;
        private final AtomicBoolean held = new AtomicBoolean(true);
        private final Semaphore permits;

        private Admission(Runnable connection, Semaphore permits) {
            this.connection = connection;
            this.permits = permits;
        }

        boolean held() {
            return held.get();
        }

        void release() {
            if (held.compareAndSet(true, false)) {
                permits.release();
            }
        }

        @Override
        public void run() {
            connection.run();
        }
    }
}
