package dev.sluice.lab;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Cuts a run into intervals. Each call takes the counts and histograms recorded since the previous one, so the
 * intervals add up exactly to the totals: the totals are made from them.
 */
final class IntervalSampler {
    private final RunRecorder recorder;
    private final Histogram latencyTotal = new Histogram(RunRecorder.HIGHEST_MICROS, 3);
    private final Histogram ttfbTotal = new Histogram(RunRecorder.HIGHEST_MICROS, 3);
    private final Histogram okLatencyTotal = new Histogram(RunRecorder.HIGHEST_MICROS, 3);
    private Histogram okScratch;
    private final List<Interval> intervals = new ArrayList<>();
    private Histogram latencyScratch;
    private Histogram ttfbScratch;
    private Counts previous = Counts.ZERO;
    private long previousNanos;

    IntervalSampler(RunRecorder recorder) {
        this.recorder = recorder;
        this.previousNanos = recorder.measureFromNanos();
    }

    /** Closes the interval ending at {@code nowNanos}. */
    void sample(long nowNanos) {
        Counts now = recorder.measured();
        latencyScratch = recorder.latencyInterval(latencyScratch);
        ttfbScratch = recorder.ttfbInterval(ttfbScratch);
        latencyTotal.add(latencyScratch);
        ttfbTotal.add(ttfbScratch);
        okScratch = recorder.okLatencyInterval(okScratch);
        okLatencyTotal.add(okScratch);
        double seconds = (nowNanos - previousNanos) / 1e9;
        int second = (int) Math.round((previousNanos - recorder.measureFromNanos()) / 1e9);
        intervals.add(new Interval(second, seconds, now.minus(previous), millis(latencyScratch, 50),
                millis(latencyScratch, 99), latencyScratch.getTotalCount() == 0 ? 0
                        : latencyScratch.getMaxValue() / 1000.0));
        previous = now;
        previousNanos = nowNanos;
    }

    static double millis(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    List<Interval> intervals() {
        return List.copyOf(intervals);
    }

    /** Sum of the intervals' counts. */
    Counts total() {
        return previous;
    }

    Histogram latencyTotal() {
        return latencyTotal;
    }

    Histogram okLatencyTotal() {
        return okLatencyTotal;
    }

    Histogram ttfbTotal() {
        return ttfbTotal;
    }
}
