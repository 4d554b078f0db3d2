package dev.sluice.lab;

import java.util.List;
import java.util.function.Function;

/**
 * An ordered set of steps that vary one thing, with what a report needs to explain it.
 *
 * @param name      file-system friendly name, used for the report folder
 * @param question  what the sweep answers, shown on top of the report
 * @param xLabel    what varies, with its unit
 * @param server    starts an embedded server per step, or null to load the steps' own target
 * @param findings  turns the results into a few sentences for the report; may return an empty list
 */
public record Sweep(String name, String title, String question, String xLabel, List<Step> steps,
                   ServerFactory server, Function<SweepResult, List<String>> findings) {
    public Sweep {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one step");
        }
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("sweep name must be lower-case letters, digits and dashes: " + name);
        }
        steps = List.copyOf(steps);
    }

    /** Worst-case wall time of the load runs, without server restarts. */
    public double plannedSeconds() {
        return steps.stream().mapToDouble(s -> (s.config().duration().toMillis() + s.config().warmup().toMillis())
                / 1000.0).sum();
    }
}
