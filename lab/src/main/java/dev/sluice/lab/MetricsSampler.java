package dev.sluice.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Asks a {@link MetricsSource} for the server's figures at a fixed period on its own thread while a run goes
 * on. The first failure ends the sampling and is kept as the reason, so a target without metrics degrades to a
 * report without the over-time charts instead of a failed run.
 */
final class MetricsSampler implements AutoCloseable {
    private final MetricsSource source;
    private final long periodNanos;
    private final List<MetricsSample> samples = new ArrayList<>();
    private final Thread thread;
    private final long startNanos;
    private volatile boolean stop;
    private volatile String failure;

    MetricsSampler(MetricsSource source, long periodMillis) {
        this.source = source;
        this.periodNanos = TimeUnit.MILLISECONDS.toNanos(periodMillis);
        this.startNanos = System.nanoTime();
        this.thread = LoadGenerator.thread("lab-metrics", this::loop);
        thread.start();
    }

    private void loop() {
        long next = startNanos;
        while (!stop) {
            try {
                var values = source.sample();
                synchronized (samples) {
                    samples.add(new MetricsSample((System.nanoTime() - startNanos) / 1e9, values));
                }
            } catch (IOException | RuntimeException e) {
                failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                return;
            }
            next += periodNanos;
            long wait;
            while (!stop && (wait = next - System.nanoTime()) > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(thread, wait);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop = true;
        java.util.concurrent.locks.LockSupport.unpark(thread);
        thread.join(3000);
    }

    List<MetricsSample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** Why sampling stopped early, or null. */
    String failure() {
        return failure;
    }
}
