package dev.sluice.lab;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What one run measured after its warm-up. Histograms are in microseconds; {@link #latencyMillis} reads them in
 * milliseconds.
 */
public record RunResult(String description, Counts totals, Counts warmup, Histogram latency, Histogram okLatency,
                        Histogram ttfb, List<Interval> intervals, double measuredSeconds) {

    /** Responses of any status per second of measured time. */
    public double throughput() {
        return measuredSeconds <= 0 ? 0 : totals.responses() / measuredSeconds;
    }

    /** 2xx responses per second. */
    public double goodput() {
        return measuredSeconds <= 0 ? 0 : totals.get(Count.OK_2XX) / measuredSeconds;
    }

    public double latencyMillis(double percentile) {
        return IntervalSampler.millis(latency, percentile);
    }

    /** Latency of the 2xx responses only (the admitted requests). */
    public double okLatencyMillis(double percentile) {
        return IntervalSampler.millis(okLatency, percentile);
    }

    public double ttfbMillis(double percentile) {
        return IntervalSampler.millis(ttfb, percentile);
    }

    /** A few lines for a terminal. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "%s%n  %.1f s measured: %d responses (%.1f/s), 2xx %d, 503 %d (Retry-After on %d), other %d%n"
                        + "  errors: refused %d, connect timeout %d, read timeout %d, reset %d, closed %d, bad %d;"
                        + " abandoned at end %d, unsent %d%n"
                        + "  latency ms p50 %.2f p99 %.2f p99.9 %.2f max %.2f; first byte p50 %.2f p99 %.2f;"
                        + " connections opened %d",
                description, measuredSeconds, totals.responses(), throughput(), totals.get(Count.OK_2XX),
                totals.get(Count.SHED_503), totals.get(Count.RETRY_AFTER_503), totals.get(Count.OTHER_STATUS),
                totals.get(Count.REFUSED), totals.get(Count.CONNECT_TIMEOUT), totals.get(Count.READ_TIMEOUT),
                totals.get(Count.RESET), totals.get(Count.CLOSED), totals.get(Count.BAD_RESPONSE),
                totals.get(Count.ABANDONED), totals.get(Count.UNSENT), latencyMillis(50), latencyMillis(99),
                latencyMillis(99.9), latency.getTotalCount() == 0 ? 0 : latency.getMaxValue() / 1000.0,
                ttfbMillis(50), ttfbMillis(99), totals.get(Count.CONNECTIONS_OPENED));
    }
}
