package dev.sluice.lab;

import java.util.List;
import java.util.Map;

/**
 * A step as it ran.
 *
 * @param startSeconds   when its run began, in seconds since the sweep began
 * @param metrics        the server's figures over time (seconds since the run began)
 * @param metricsNote    why there are no (or fewer) samples, or null
 * @param serverCounters the server's counters after the step minus before (embedded servers); empty otherwise
 * @param loadAverage    the machine's one-minute load average when the step ended (NaN where unknown): on a
 *                       shared machine, other work competes with the server and the lab for the cores
 */
public record StepResult(Step step, RunResult run, double startSeconds, List<MetricsSample> metrics,
                         String metricsNote, Map<String, Long> serverCounters, double loadAverage) {
    static double currentLoadAverage() {
        try {
            String s = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"));
            return Double.parseDouble(s.substring(0, s.indexOf(' ')));
        } catch (java.io.IOException | RuntimeException e) {
            double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return l < 0 ? Double.NaN : l;
        }
    }
}
