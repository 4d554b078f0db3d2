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
 */
public record StepResult(Step step, RunResult run, double startSeconds, List<MetricsSample> metrics,
                         String metricsNote, Map<String, Long> serverCounters) {
}
