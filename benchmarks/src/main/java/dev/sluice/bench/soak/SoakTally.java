package dev.sluice.bench.soak;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the soak clients saw, by client kind and outcome ({@code keepalive.200}, {@code upload.503},
 * {@code reset.done}), and every failure: a well-formed request answered other than 200 or 503, or not at all,
 * and any content that differs from what was expected. Thread-safe.
 */
final class SoakTally {
    private static final int KEPT_FAILURES = 40;

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicLong failureCount = new AtomicLong();
    private final AtomicLong corruptions = new AtomicLong();

    void count(String kind, String outcome) {
        counts.computeIfAbsent(kind + "." + outcome, k -> new LongAdder()).increment();
    }

    /** A well-formed request that did not get 200 or 503, or got no answer. */
    void fail(String kind, String what) {
        count(kind, "failed");
        if (failureCount.incrementAndGet() <= KEPT_FAILURES) {
            failures.add(kind + ": " + what);
        }
    }

    /** Content that differs from what the server should have sent: the worst outcome. */
    void corrupt(String kind, String what) {
        corruptions.incrementAndGet();
        fail(kind, "CORRUPT " + what);
    }

    long failures() {
        return failureCount.get();
    }

    long corruptions() {
        return corruptions.get();
    }

    long get(String key) {
        LongAdder n = counts.get(key);
        return n == null ? 0 : n.sum();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    Iterable<String> keptFailures() {
        return failures;
    }
}
