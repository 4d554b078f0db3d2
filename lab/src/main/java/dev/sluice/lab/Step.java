package dev.sluice.lab;

import dev.sluice.core.Limits;

/**
 * One point of a sweep: a load run at {@code x} on the line {@code series}. With an embedded server the step
 * says the server's {@code limits} (the server is restarted for each step) and the run's target is replaced by
 * the server's address; against an external target {@code limits} is null. The {@code workload} is what runs,
 * usually a plain load run.
 */
public record Step(String series, double x, RunConfig config, Limits limits, Workload workload) {
    public Step(String series, double x, RunConfig config, Limits limits) {
        this(series, x, config, limits, Workload.LOAD);
    }

    public String label() {
        return series.isEmpty() ? format(x) : series + " @ " + format(x);
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
