package dev.sluice.lab;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The open loop (constant arrival rate, as wrk2). A scheduler thread makes request k due at
 * {@code start + k / rate} whatever the server does, and queues its due time. Connection threads take due
 * times and send; a new connection thread is started when a request is due and none is free, up to the
 * connection cap. Latency counts from the due time, so a server that stalls is charged for every request that
 * should have been sent during the stall (no coordinated omission), even when all connections are busy and the
 * request waits on our side.
 */
final class OpenLoop {
    private final RunContext ctx;
    private final LinkedBlockingQueue<Long> due = new LinkedBlockingQueue<>();
    private final AtomicInteger idle = new AtomicInteger();
    private final AtomicLong outstanding = new AtomicLong();
    private final List<Thread> workers = new CopyOnWriteArrayList<>();
    private volatile boolean schedulingDone;
    private Thread scheduler;

    OpenLoop(RunContext ctx) {
        this.ctx = ctx;
    }

    void start() {
        scheduler = LoadGenerator.thread("lab-open-scheduler", this::schedule);
        scheduler.start();
    }

    private void schedule() {
        double gapNanos = 1e9 / ctx.config.rate();
        int cap = ctx.config.connections();
        try {
            for (long k = 0; ; k++) {
                long dueAt = dueAt(ctx.startNanos, gapNanos, k);
                if (dueAt - ctx.deadlineNanos >= 0) {
                    return;
                }
                long wait;
                while (!ctx.stopped() && (wait = dueAt - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (ctx.stopped()) {
                    // Woken late (a loaded machine): requests due before the deadline were never sent.
                    long dueBeforeDeadline = (long) Math.ceil((ctx.deadlineNanos - ctx.startNanos) / gapNanos);
                    ctx.recorder.count(Count.UNSENT, Math.max(0, dueBeforeDeadline - k), ctx.deadlineNanos - 1);
                    return;
                }
                if (ctx.acquire(1) == 0) {
                    return;
                }
                outstanding.incrementAndGet();
                due.add(dueAt);
                if (idle.get() == 0 && workers.size() < cap) {
                    Thread t = LoadGenerator.thread("lab-open-" + workers.size(), this::work);
                    workers.add(t);
                    t.start();
                }
            }
        } finally {
            schedulingDone = true;
        }
    }

    /** When request {@code k} (from 0) is due: fixed by the start and the rate alone, whatever the server does. */
    static long dueAt(long startNanos, double gapNanos, long k) {
        return startNanos + (long) (k * gapNanos);
    }

    private void work() {
        ConnectionDriver driver = new ConnectionDriver(ctx);
        try {
            while (!ctx.stopped()) {
                Long dueAt;
                idle.incrementAndGet();
                try {
                    dueAt = due.poll(20, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                } finally {
                    idle.decrementAndGet();
                }
                if (dueAt == null) {
                    if (schedulingDone && due.isEmpty()) {
                        return;
                    }
                    continue;
                }
                driver.exchange(1, dueAt);
                outstanding.decrementAndGet();
            }
        } finally {
            driver.close();
        }
    }

    /** Whether every scheduled request has been answered or failed (only before the deadline with a count). */
    boolean done() {
        return schedulingDone && outstanding.get() == 0;
    }

    /** After {@link RunContext#stop()}: waits for the threads and counts requests that were due but never sent. */
    void finish(long endNanos, long joinMillis) throws InterruptedException {
        scheduler.interrupt();
        scheduler.join(joinMillis);
        long until = System.currentTimeMillis() + joinMillis;
        for (Thread t : workers) {
            t.join(Math.max(1, until - System.currentTimeMillis()));
        }
        ctx.recorder.count(Count.UNSENT, due.size(), endNanos);
        due.clear();
    }

    int connectionThreads() {
        return workers.size();
    }
}
