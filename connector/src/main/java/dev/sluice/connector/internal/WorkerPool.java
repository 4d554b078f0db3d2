package dev.sluice.connector.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * maxThreads workers fed by a request queue of acceptQueue entries (IIS: application pool queueLength). When
 * every worker is busy and the queue is full, {@link #tryExecute} refuses at once, without blocking the selector,
 * and the caller answers 503. Idle threads end after a minute.
 *
 * <p>The hand-off is LIFO: a new request goes straight to the worker that went idle last, which is parked on its
 * own and woken alone. That worker's stack and the connector's data are still in its core's cache, and only as many
 * threads take turns as the load needs. (A FIFO executor queue wakes the longest-idle of up to maxThreads
 * threads for each request: the coldest one.) A thread is started only when no worker is idle, and a request is
 * queued only when maxThreads are busy.
 *
 * <p>Admission is counted with {@code maxThreads + acceptQueue} permits rather than by the queue's length. A
 * permit is given back as soon as the worker hands its connection back ({@link #release}), before the worker
 * itself is idle again: otherwise a client's next request, read by the selector in that gap, would find every
 * thread still "busy" and be shed although nothing is waiting.
 *
 * <p>Every change of the idle stack, the queue and the thread count happens under one lock, so a request is never
 * left in the queue while a worker parks.
 */
final class WorkerPool {
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final String name;
    private final int maxThreads;
    private final Semaphore admissions;
    private final AtomicInteger count = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    /** Parked workers, the most recently idle first. */
    private final ArrayDeque<Worker> idle = new ArrayDeque<>();
    /** Connections waiting for a worker while all maxThreads are busy. */
    private final ArrayDeque<Connection> queue = new ArrayDeque<>();
    private final List<Worker> workers = new ArrayList<>();
    private volatile int threads;
    private volatile boolean shutdown;

    WorkerPool(String name, int maxThreads, int acceptQueue) {
        this.name = name;
        this.maxThreads = maxThreads;
        this.admissions = new Semaphore(maxThreads + acceptQueue);
    }

    /** Queues {@code c} for a worker; false when the pool and queue are full. */
    boolean tryExecute(Connection c) {
        if (!admissions.tryAcquire()) {
            return false;
        }
        c.admitted.set(true);
        Worker woken = null;
        Worker started = null;
        lock.lock();
        try {
            if (shutdown) {
                release(c);
                return false;
            }
            woken = idle.pollFirst();
            if (woken != null) {
                woken.task = c;
            } else if (threads < maxThreads) {
                started = new Worker(c);
                workers.add(started);
                threads++;
            } else {
                queue.addLast(c);
            }
        } finally {
            lock.unlock();
        }
        if (woken != null) {
            LockSupport.unpark(woken.thread);
        } else if (started != null) {
            started.thread.start();
        }
        return true;
    }

    /** Gives back {@code c}'s admission, once; called when its worker hands it back or finishes with it. */
    void release(Connection c) {
        if (c.admitted.compareAndSet(true, false)) {
            admissions.release();
        }
    }

    /** Takes {@code c} back out of the queue; false when a worker already took it. */
    boolean remove(Connection c) {
        boolean removed;
        lock.lock();
        try {
            removed = queue.remove(c);
        } finally {
            lock.unlock();
        }
        if (removed) {
            release(c);
        }
        return removed;
    }

    int queueDepth() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    int threads() {
        return threads;
    }

    /** Refuses new work, drops what is queued and interrupts every worker. */
    void shutdownNow() {
        List<Worker> all;
        lock.lock();
        try {
            shutdown = true;
            queue.clear();
            all = new ArrayList<>(workers);
        } finally {
            lock.unlock();
        }
        for (Worker w : all) {
            w.thread.interrupt();
        }
    }

    /** One worker thread: runs its task, then the queue's, then parks on the idle stack until given another. */
    private final class Worker implements Runnable {
        final Thread thread;
        /** The next connection to run, set under the lock by whoever takes this worker off the idle stack. */
        volatile Connection task;

        Worker(Connection first) {
            this.task = first;
            this.thread = new Thread(this, name + "-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                Connection c = task;
                task = null;
                while (c != null) {
                    runTask(c);
                    c = next();
                }
            } finally {
                lock.lock();
                try {
                    workers.remove(this);
                } finally {
                    lock.unlock();
                }
            }
        }

        private void runTask(Connection c) {
            if (!shutdown) {
                Thread.interrupted(); // an interrupt left by the previous handler is not this task's
            }
            try {
                c.run();
            } catch (Throwable t) {
                // the connection closed itself (Connection.run); report as an executor would, keep the thread
                thread.getUncaughtExceptionHandler().uncaughtException(thread, t);
            } finally {
                release(c); // suspended exchanges and failures: the worker is free again
            }
        }

        /** The next connection to run, or null when this thread is to end (idle for a minute, or shut down). */
        private Connection next() {
            lock.lock();
            try {
                Connection queued = queue.pollFirst();
                if (queued != null || shutdown) {
                    if (queued == null) {
                        threads--;
                    }
                    return queued;
                }
                idle.addFirst(this);
            } finally {
                lock.unlock();
            }
            long deadline = System.nanoTime() + IDLE_NANOS;
            while (true) {
                Connection c = task;
                if (c != null) {
                    task = null;
                    return c;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || shutdown) {
                    lock.lock();
                    try {
                        c = task; // handed over just before the lock: run it
                        if (c != null) {
                            task = null;
                            return c;
                        }
                        idle.remove(this);
                        threads--;
                        return null;
                    } finally {
                        lock.unlock();
                    }
                }
                LockSupport.parkNanos(this, left);
                if (!shutdown) {
                    Thread.interrupted(); // a stray interrupt must not turn the wait into a spin
                }
            }
        }
    }
}
