package dev.sluice.lab;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** What the threads of one run share: its settings, clock limits, stop switch, sockets and request budget. */
final class RunContext {
    final RunConfig config;
    final RequestEncoder encoder;
    final RunRecorder recorder;
    final SocketRegistry sockets = new SocketRegistry();
    final long startNanos;
    final long deadlineNanos;
    private final AtomicLong budget;
    private volatile boolean stopped;

    RunContext(RunConfig config, long startNanos) {
        this.config = config;
        String authority = config.target().getHostString() + ":" + config.target().getPort();
        this.encoder = new RequestEncoder(config.mix(), authority, config.http10(), config.keepAlive());
        this.startNanos = startNanos;
        long measureFrom = startNanos + config.warmup().toNanos();
        this.recorder = new RunRecorder(measureFrom);
        this.deadlineNanos = measureFrom + config.duration().toNanos();
        this.budget = new AtomicLong(config.maxRequests() == 0 ? Long.MAX_VALUE : config.maxRequests());
    }

    boolean stopped() {
        return stopped || System.nanoTime() - deadlineNanos >= 0;
    }

    /** Ends the run now: every blocked socket call fails at once. */
    void stop() {
        stopped = true;
        sockets.closeAll();
    }

    /** Takes up to {@code wanted} requests from the budget; 0 when it is spent. */
    int acquire(int wanted) {
        while (true) {
            long left = budget.get();
            if (left <= 0) {
                return 0;
            }
            int granted = (int) Math.min(wanted, left);
            if (budget.compareAndSet(left, left - granted)) {
                return granted;
            }
        }
    }

    /** Sleeps, waking early at the deadline. */
    void pause(long nanos) {
        long until = Math.min(System.nanoTime() + nanos, deadlineNanos);
        long left;
        while (!stopped && (left = until - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    int connectTimeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis());
    }

    int readTimeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, config.readTimeout().toMillis());
    }

    static long millisToNanos(long ms) {
        return TimeUnit.MILLISECONDS.toNanos(ms);
    }
}
