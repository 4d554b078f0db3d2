package dev.sluice.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one load run and measures it.
 *
 * <p>Why blocking sockets with a thread per connection rather than one NIO selector: each thread stamps its
 * own send, first-byte and last-byte times right at the system call, with no selector loop or other
 * connection's work in between, so the lab measures the server rather than its own multiplexing. The runs here
 * use at most a few thousand connections (capped at 5000), which threads with small stacks afford; the
 * idle-connection experiment, which holds many more sockets without traffic, uses a selector instead
 * ({@link IdlePopulation}).
 *
 * <p>Every run ends by itself: this thread is the watchdog. At the deadline it closes every socket of the run,
 * which wakes any thread blocked in connect or read; requests in flight then count as abandoned.
 */
public final class LoadGenerator {
    private static final long JOIN_MILLIS = 5000;
    /** After a failed connect a closed-loop connection waits this long, so a refusing target does not spin a core. */
    private static final long CONNECT_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private LoadGenerator() {
    }

    public static RunResult run(RunConfig config) throws InterruptedException {
        return run(config, (Consumer<Interval>) null);
    }

    /** Runs; {@code onSecond} (may be null) is told of each measured interval as it closes, for live output. */
    public static RunResult run(RunConfig config, Consumer<Interval> onSecond) throws InterruptedException {
        RunContext ctx = new RunContext(config, System.nanoTime());
        if (config.model() == RunConfig.Model.CLOSED) {
            List<Thread> closed = new ArrayList<>();
            for (int i = 0; i < config.connections(); i++) {
                Thread t = thread("lab-closed-" + i, () -> closedLoop(ctx));
                closed.add(t);
                t.start();
            }
            return measure(ctx, config.describe(), () -> allDead(closed), () -> joinAll(closed), onSecond);
        }
        OpenLoop open = new OpenLoop(ctx);
        open.start();
        return measure(ctx, config.describe(), open::done, () -> open.finish(System.nanoTime(), JOIN_MILLIS),
                onSecond);
    }

    /** What to do once a run's sockets are closed: wait for its threads. */
    interface Joiner {
        void join() throws InterruptedException;
    }

    /**
     * Watches a started run: closes an interval each second, ends the run at its deadline or when
     * {@code finished} says so, then stops it, waits for its threads and closes the last interval.
     */
    static RunResult measure(RunContext ctx, String description, BooleanSupplier finished, Joiner joiner,
                             Consumer<Interval> onSecond) throws InterruptedException {
        IntervalSampler sampler = new IntervalSampler(ctx.recorder);
        long measureFrom = ctx.recorder.measureFromNanos();
        long nextTick = measureFrom + TimeUnit.SECONDS.toNanos(1);
        long end;
        try {
            while (true) {
                long now = System.nanoTime();
                if (now - ctx.deadlineNanos >= 0 || finished.getAsBoolean()) {
                    end = Math.min(now, ctx.deadlineNanos);
                    break;
                }
                if (now - nextTick >= 0) {
                    sampler.sample(now);
                    if (onSecond != null) {
                        List<Interval> all = sampler.intervals();
                        onSecond.accept(all.get(all.size() - 1));
                    }
                    nextTick += TimeUnit.SECONDS.toNanos(1);
                }
                LockSupport.parkNanos(Math.min(TimeUnit.MILLISECONDS.toNanos(10),
                        Math.max(1, Math.min(nextTick, ctx.deadlineNanos) - now)));
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            ctx.stop();
            joiner.join();
        }
        double measured = Math.max(0, (end - measureFrom) / 1e9);
        if (end - measureFrom > 0) {
            sampler.sample(end);
        }
        return new RunResult(description, sampler.total(), ctx.recorder.warmup(), sampler.latencyTotal(),
                sampler.okLatencyTotal(), sampler.ttfbTotal(), sampler.intervals(), measured);
    }

    static void joinAll(List<Thread> threads) throws InterruptedException {
        long until = System.currentTimeMillis() + JOIN_MILLIS;
        for (Thread t : threads) {
            t.join(Math.max(1, until - System.currentTimeMillis()));
        }
    }

    private static void closedLoop(RunContext ctx) {
        ConnectionDriver driver = new ConnectionDriver(ctx);
        long think = ctx.config.thinkTime().toNanos();
        try {
            while (!ctx.stopped()) {
                int n = ctx.acquire(ctx.config.pipeline());
                if (n == 0) {
                    return;
                }
                if (!driver.exchange(n, Long.MIN_VALUE)) {
                    ctx.pause(CONNECT_BACKOFF_NANOS);
                } else if (think > 0) {
                    ctx.pause(think);
                }
            }
        } finally {
            driver.close();
        }
    }

    static boolean allDead(List<Thread> threads) {
        for (Thread t : threads) {
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    static Thread thread(String name, Runnable body) {
        Thread t = new Thread(null, body, name, 256 * 1024);
        t.setDaemon(true);
        return t;
    }
}
