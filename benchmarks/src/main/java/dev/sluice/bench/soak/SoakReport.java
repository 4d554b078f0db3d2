package dev.sluice.bench.soak;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a soak found, and its verdict: no corruption, every well-formed request answered 200 or 503, the server
 * alive and back to idle; for runs of {@link #RSS_CHECK_FROM} or more also RSS growth over the second half under
 * {@link #RSS_GROWTH_LIMIT_KIB}. {@link #problems()} is empty when everything passed.
 */
final class SoakReport {
    static final Duration RSS_CHECK_FROM = Duration.ofMinutes(10);
    static final long RSS_GROWTH_LIMIT_KIB = 32 * 1024;

    /** Server figures at a moment when it should be idle. */
    record Idle(Map<String, Long> metrics, List<String> fds, long threads, long rssKib) {
        /**
         * No connection but the metrics request's own, no busy worker but the one serving it, an empty queue, no
         * session; with a baseline, also file descriptors and threads back to it (within a small slack).
         */
        boolean isIdle(Idle baseline) {
            return problems(baseline).isEmpty();
        }

        List<String> problems(Idle baseline) {
            List<String> p = new ArrayList<>();
            atMost(p, "connections_open", 1);
            atMost(p, "workers_busy", 1);
            atMost(p, "queue_depth", 0);
            atMost(p, "sessions_active", 0);
            if (baseline != null) {
                if (fds.size() > baseline.fds.size() + SoakRun.FD_SLACK) {
                    p.add("file descriptors " + fds.size() + " against " + baseline.fds.size() + " before; new: "
                            + ServerProcess.extra(baseline.fds, fds));
                }
                if (threads > baseline.threads + SoakRun.THREAD_SLACK) {
                    p.add("threads " + threads + " against " + baseline.threads + " before");
                }
            }
            return p;
        }

        private void atMost(List<String> p, String name, long max) {
            long v = metrics.getOrDefault(name, -1L);
            if (v > max) { // -1: not reported by this server
                p.add(name + " " + v + " (idle: at most " + max + ")");
            }
        }

        @Override
        public String toString() {
            return "fds=" + fds.size() + " threads=" + threads + " rss=" + rssKib / 1024 + " MiB "
                    + new java.util.TreeMap<>(metrics);
        }
    }

    private final Duration duration;
    private final SoakTally tally;
    private final List<SoakSample> samples;
    private final Idle baseline;
    private final Idle after;
    private final boolean clientsEnded;
    private final boolean serverAlive;

    SoakReport(Duration duration, SoakTally tally, List<SoakSample> samples, Idle baseline, Idle after,
               boolean clientsEnded, boolean serverAlive) {
        this.duration = duration;
        this.tally = tally;
        this.samples = samples;
        this.baseline = baseline;
        this.after = after;
        this.clientsEnded = clientsEnded;
        this.serverAlive = serverAlive;
    }

    SoakTally tally() {
        return tally;
    }

    /**
     * The highest RSS of the second half of the load minus RSS at the sample nearest its middle, KiB; 0 without
     * samples.
     */
    long rssGrowthSecondHalfKib() {
        if (samples.size() < 2) {
            return 0;
        }
        long half = duration.toSeconds() / 2;
        SoakSample mid = samples.get(0);
        for (SoakSample s : samples) {
            if (Math.abs(s.second() - half) < Math.abs(mid.second() - half)) {
                mid = s;
            }
        }
        long from = mid.second();
        long max = samples.stream().filter(s -> s.second() >= from).mapToLong(SoakSample::rssKib).max().orElse(0);
        return max - mid.rssKib();
    }

    /** Leaks and corruption only: what the 60-second run in the build asserts. */
    List<String> leaksAndCorruption() {
        List<String> p = new ArrayList<>();
        if (!serverAlive) {
            p.add("the server died");
        }
        if (!clientsEnded) {
            p.add("clients still running 120 s after the stop");
        }
        if (tally.corruptions() > 0) {
            p.add(tally.corruptions() + " corrupted responses");
        }
        if (tally.failures() > 0) {
            p.add(tally.failures() + " well-formed requests not answered 200 or 503");
        }
        if (after != null) {
            after.problems(baseline).forEach(s -> p.add("not back to idle: " + s));
        }
        return p;
    }

    /** Everything, including the RSS bound for long runs. */
    List<String> problems() {
        List<String> p = leaksAndCorruption();
        if (duration.compareTo(RSS_CHECK_FROM) >= 0 && rssGrowthSecondHalfKib() >= RSS_GROWTH_LIMIT_KIB) {
            p.add("RSS grew " + rssGrowthSecondHalfKib() / 1024 + " MiB over the second half (limit 32 MiB)");
        }
        return p;
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("duration ").append(duration.toSeconds()).append(" s, ").append(samples.size())
                .append(" samples\n");
        sb.append("outcomes:\n");
        tally.snapshot().forEach((k, v) -> sb.append("  ").append(k).append(' ').append(v).append('\n'));
        sb.append("failures kept:\n");
        tally.keptFailures().forEach(f -> sb.append("  ").append(f).append('\n'));
        if (!samples.isEmpty()) {
            SoakSample first = samples.get(0);
            SoakSample last = samples.get(samples.size() - 1);
            long maxRss = samples.stream().mapToLong(SoakSample::rssKib).max().orElse(0);
            long maxHeap = samples.stream().mapToLong(SoakSample::heapAfterGcKib).max().orElse(0);
            sb.append(String.format("rss MiB: first %.1f, last %.1f, max %.1f; growth over the second half %.1f%n",
                    first.rssKib() / 1024.0, last.rssKib() / 1024.0, maxRss / 1024.0,
                    rssGrowthSecondHalfKib() / 1024.0));
            sb.append(String.format("heap after GC MiB: first %.1f, last %.1f, max %.1f%n",
                    first.heapAfterGcKib() / 1024.0, last.heapAfterGcKib() / 1024.0, maxHeap / 1024.0));
            sb.append(String.format("fds: first %d, max %d; threads: first %d, max %d%n", first.fds(),
                    samples.stream().mapToInt(SoakSample::fds).max().orElse(0), first.threads(),
                    samples.stream().mapToLong(SoakSample::threads).max().orElse(0)));
        }
        sb.append("baseline (idle before the load): ").append(baseline).append('\n');
        sb.append("after the load: ").append(after).append('\n');
        List<String> problems = problems();
        sb.append(problems.isEmpty() ? "PASS\n" : "FAIL\n");
        problems.forEach(p -> sb.append("  ").append(p).append('\n'));
        return sb.toString();
    }
}
