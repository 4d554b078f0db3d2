package dev.sluice.distribution.internal.status;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The status page's history as JSON, in columns (one array per figure, index i of each is second i), which is
 * the shape uPlot draws from and about half the bytes of an array of objects.
 */
final class HistoryJson {
    private HistoryJson() {
    }

    static String render(List<HistorySample> samples, int capacity) {
        StringBuilder sb = new StringBuilder(128 + samples.size() * 60);
        sb.append("{\"intervalSeconds\":1,\"capacity\":").append(capacity);
        column(sb, "time", samples, HistorySample::epochSecond);
        column(sb, "open", samples, HistorySample::open);
        column(sb, "idle", samples, HistorySample::idle);
        column(sb, "busy", samples, HistorySample::busy);
        column(sb, "queued", samples, HistorySample::queued);
        column(sb, "requestsPerSecond", samples, HistorySample::requestsPerSecond);
        column(sb, "rejectedPerSecond", samples, HistorySample::rejectedPerSecond);
        column(sb, "queueP99Ms", samples, HistorySample::queueP99Ms);
        column(sb, "serviceP99Ms", samples, HistorySample::serviceP99Ms);
        return sb.append('}').toString();
    }

    private static void column(StringBuilder sb, String name, List<HistorySample> samples,
                               ToDoubleFunction<HistorySample> value) {
        sb.append(",\"").append(name).append("\":[");
        for (int i = 0; i < samples.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            number(sb, value.applyAsDouble(samples.get(i)));
        }
        sb.append(']');
    }

    /** Whole numbers without a fraction, others as Java prints them (the sampler rounds them already). */
    private static void number(StringBuilder sb, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            sb.append((long) v);
        } else {
            sb.append(v);
        }
    }
}
