package dev.sluice.distribution.internal.status;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Requests per webapp, keyed by context path ({@code /} for ROOT). The webapp of a request is the longest
 * deployed context path that prefixes its path, as the container itself chooses.
 */
public final class WebappCounters {
    private final Supplier<Iterable<String>> contextPaths;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** @param contextPaths the context paths deployed now ("" for ROOT) */
    public WebappCounters(Supplier<Iterable<String>> contextPaths) {
        this.contextPaths = contextPaths;
    }

    /** Counts a request for {@code path}; requests no webapp matches are not counted. */
    public void count(String path) {
        String best = null;
        for (String context : contextPaths.get()) {
            boolean matches = context.isEmpty() || path.equals(context) || path.startsWith(context + "/");
            if (matches && (best == null || context.length() > best.length())) {
                best = context;
            }
        }
        if (best != null) {
            counts.computeIfAbsent(best.isEmpty() ? "/" : best, k -> new LongAdder()).increment();
        }
    }

    /** The counts now, sorted by context path. */
    public Map<String, Long> snapshot() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }
}
