package dev.sluice.lab;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A sweep as it ran. */
public record SweepResult(Sweep sweep, List<StepResult> steps, Instant started, double seconds) {
    /** Steps grouped by series, in order of first appearance. */
    public Map<String, List<StepResult>> bySeries() {
        Map<String, List<StepResult>> m = new LinkedHashMap<>();
        for (StepResult s : steps) {
            m.computeIfAbsent(s.step().series(), k -> new ArrayList<>()).add(s);
        }
        return m;
    }
}
