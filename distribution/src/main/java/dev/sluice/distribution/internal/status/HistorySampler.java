package dev.sluice.distribution.internal.status;

import dev.sluice.connector.ConnectorMetrics;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * Turns the connector's running totals into one {@link HistorySample} a call: called once a second on the
 * server's housekeeping thread, it subtracts the previous reading from this one, so the rates and the p99s cover
 * only the second just past. The first call only takes the baseline.
 *
 * <p>Thread safety: not thread safe; one scheduled thread calls {@link #run()}.
 */
public final class HistorySampler implements Runnable {
    /** What the sampler reads from the connector each second. Histograms are cumulative, in microseconds. */
    public record Reading(int open, int idle, int busy, int queued, long completed, long rejected,
                          Histogram queueMicros, Histogram serviceMicros) {
        public static Reading of(ConnectorMetrics m) {
            return new Reading(m.openConnections(), m.idleConnections(), m.busyWorkers(), m.queueDepth(),
                    m.completed(), m.rejectedTotal(), m.queueTimeMicros(), m.serviceTimeMicros());
        }
    }

    /** Ticks closer together than this are skipped rather than turned into noisy rates. */
    static final long MIN_INTERVAL_NANOS = 500_000_000L;

    private final Supplier<Reading> source;
    private final StatusHistory history;
    private final LongSupplier nanoTime;
    private final LongSupplier epochMillis;
    private Reading previous;
    private long previousNanos;

    public HistorySampler(Supplier<Reading> source, StatusHistory history) {
        this(source, history, System::nanoTime, System::currentTimeMillis);
    }

    /** With injected clocks, for tests. */
    public HistorySampler(Supplier<Reading> source, StatusHistory history, LongSupplier nanoTime,
                          LongSupplier epochMillis) {
        this.source = source;
        this.history = history;
        this.nanoTime = nanoTime;
        this.epochMillis = epochMillis;
    }

    @Override
    public void run() {
        long nanos = nanoTime.getAsLong();
        Reading before = previous;
        long elapsed = nanos - previousNanos;
        if (before != null && elapsed < MIN_INTERVAL_NANOS) {
            return; // a burst of catch-up ticks after a stall: the next tick a second later takes their figures
        }
        Reading now = source.get();
        previous = now;
        previousNanos = nanos;
        if (before == null) {
            return;
        }
        // A late tick (a long deploy on the same thread, a GC pause) covers more than a second: rates are per
        // second of time really elapsed.
        double seconds = elapsed / 1e9;
        history.record(new HistorySample(epochMillis.getAsLong() / 1000, now.open(), now.idle(), now.busy(),
                now.queued(), perSecond(now.completed() - before.completed(), seconds),
                perSecond(now.rejected() - before.rejected(), seconds),
                p99Ms(now.queueMicros(), before.queueMicros()), p99Ms(now.serviceMicros(), before.serviceMicros())));
    }

    private static double perSecond(long delta, double seconds) {
        return Math.round(Math.max(0, delta) / seconds * 10) / 10.0;
    }

    /** The 99th percentile of the values recorded between two cumulative histograms, in ms to 0.01. */
    static double p99Ms(Histogram now, Histogram before) {
        Histogram interval = now.copy();
        interval.subtract(before);
        if (interval.getTotalCount() == 0) {
            return 0;
        }
        return Math.round(interval.getValueAtPercentile(99) / 10.0) / 100.0;
    }
}
