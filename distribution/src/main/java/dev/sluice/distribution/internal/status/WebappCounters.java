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
            // per request: no string is built to compare (context + "/" was one allocation per webapp)
            int n = context.length();
            boolean matches = n == 0 || path.startsWith(context) && (path.length() == n || path.charAt(n) == '/');
            if (matches && (best == null || n > best.length())) {
                best = context;
            }
        }
        if (best != null) {
            String key = best.isEmpty() ? "/" : best;
            LongAdder count = counts.get(key);
            if (count == null) {
                count = counts.computeIfAbsent(key, k -> new LongAdder());
            }
            count.increment();
        }
    }

    /** The counts now, sorted by context path. */
    public Map<String, Long> snapshot() {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v.sum()));
        return sorted;
    }
}
