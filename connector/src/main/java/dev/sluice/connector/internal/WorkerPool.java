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
 * <p>The hand-off is LIFO: when a request needs a worker woken, it is the worker that went idle last, parked on
 * its own and woken alone. Its stack and the connector's data are still in its core's cache, and only as many
 * threads take turns as the load needs. (A FIFO executor queue wakes the longest-idle of up to maxThreads threads
 * for each request: the coldest one.) At most one worker is being woken at a time: a busy worker that finishes
 * takes the next request from the queue without any wake-up, and a woken worker that finds more waiting wakes
 * the next one. So a burst of requests costs a wake-up only when no worker frees up in time. A thread is started
 * only when no worker is idle.
 *
 * <p>Admission is counted with {@code maxThreads + acceptQueue} permits rather than by the queue's length. A
 * permit is given back as soon as the worker hands its connection back ({@link #release}), before the worker
 * itself is idle again: otherwise a client's next request, read by the selector in that gap, would find every
 * thread still "busy" and be shed although nothing is waiting.
 *
 * <p>The idle stack, the queue and the counts change only under one lock, so a request is never left in the
 * queue while every worker parks.
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
    /** Connections waiting for a worker. */
    private final ArrayDeque<Connection> queue = new ArrayDeque<>();
    private final List<Worker> workers = new ArrayList<>();
    /** Workers woken or started that have not yet come for work (at most one, see signal). */
    private int waking;
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
        Worker signalled;
        lock.lock();
        try {
            if (shutdown) {
                release(c);
                return false;
            }
            queue.addLast(c);
            signalled = signal();
        } finally {
            lock.unlock();
        }
        wake(signalled);
        return true;
    }

    /**
     * Under the lock: unless a worker is already on its way, takes the last idle worker off the stack, or creates
     * one when none is idle and fewer than maxThreads exist. The caller wakes it after unlocking.
     *
     * @return the worker to wake, or null
     */
    private Worker signal() {
        if (waking > 0) {
            return null;
        }
        Worker w = idle.pollFirst();
        if (w == null) {
            if (threads >= maxThreads) {
                return null; // every worker is busy: the first to finish takes the queue's head
            }
            w = new Worker();
            workers.add(w);
            threads++;
        }
        w.signalled = true;
        waking++;
        return w;
    }

    private static void wake(Worker w) {
        if (w == null) {
            return;
        }
        if (w.thread.getState() == Thread.State.NEW) {
            w.thread.start();
        } else {
            LockSupport.unpark(w.thread);
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

    /** One worker thread: takes connections from the queue until it is empty, then parks on the idle stack. */
    private final class Worker implements Runnable {
        final Thread thread;
        /** Set under the lock when this worker is woken or started; cleared when it comes for work. */
        volatile boolean signalled;

        Worker() {
            this.thread = new Thread(this, name + "-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                Connection c;
                while ((c = next()) != null) {
                    runTask(c);
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
            long deadline = System.nanoTime() + IDLE_NANOS;
            while (true) {
                Connection c;
                Worker more = null;
                lock.lock();
                try {
                    if (signalled) {
                        signalled = false;
                        waking--;
                    }
                    c = queue.pollFirst();
                    if (c != null) {
                        if (!queue.isEmpty()) {
                            more = signal(); // more waiting: pass the wake-up on
                        }
                    } else if (shutdown) {
                        threads--;
                        return null;
                    } else {
                        idle.addFirst(this);
                    }
                } finally {
                    lock.unlock();
                }
                if (c != null) {
                    wake(more);
                    return c;
                }
                if (!park(deadline)) {
                    return null;
                }
            }
        }

        /** Parks until signalled; false when the idle time ran out or the pool shut down first. */
        private boolean park(long deadline) {
            while (!signalled) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || shutdown) {
                    lock.lock();
                    try {
                        if (signalled) {
                            return true; // taken off the stack just before the lock: go and look for work
                        }
                        idle.remove(this);
                        threads--;
                        return false;
                    } finally {
                        lock.unlock();
                    }
                }
                LockSupport.parkNanos(this, left);
                if (!shutdown) {
                    Thread.interrupted(); // a stray interrupt must not turn the wait into a spin
                }
            }
            return true;
        }
    }
}
