package dev.sluice.lab;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the steps of a sweep one after another. With an embedded server, each step gets a fresh server with
 * the step's limits, so no step inherits another's connections or queue; the JVM stays warm across steps,
 * which is why steps may ask for a warm-up. The server's counters are read before the run and again after the
 * server stopped (its graceful stop lets requests in flight finish), so their difference covers the whole step.
 */
public final class SweepRunner {
    private static final long METRICS_PERIOD_MILLIS = 250;

    private SweepRunner() {
    }

    public static SweepResult run(Sweep sweep, PrintWriter progress) throws IOException, InterruptedException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        List<StepResult> results = new ArrayList<>();
        if (sweep.server() != null) {
            warmUp(sweep.server());
        }
        for (Step step : sweep.steps()) {
            progress.printf("  %-28s ", step.label());
            progress.flush();
            StepResult r = sweep.server() == null ? runExternal(step, t0) : runEmbedded(sweep.server(), step, t0);
            results.add(r);
            RunResult run = r.run();
            progress.printf(java.util.Locale.ROOT, "%8.1f resp/s  p50 %8.2f ms  p99 %8.2f ms  503 %5.1f %%  load %.1f%s%n",
                    run.throughput(), run.latencyMillis(50), run.latencyMillis(99), 100 * run.totals().shedRate(),
                    r.loadAverage(),
                    run.totals().transportErrors() > 0 ? "  errors " + run.totals().transportErrors() : "");
            progress.flush();
        }
        return new SweepResult(sweep, results, started, (System.nanoTime() - t0) / 1e9);
    }

    /**
     * A fresh JVM answers its first requests hundreds of milliseconds late while classes load and compile; one
     * short unreported run against a throwaway server keeps that out of the first step.
     */
    private static void warmUp(ServerFactory factory) throws IOException, InterruptedException {
        try (ServerFactory.Running server = factory.start(dev.sluice.core.Limits.DEFAULTS)) {
            LoadGenerator.run(RunConfig.builder().target(server.address()).connections(4)
                    .mix(RequestMix.parse("/:4,/delay?ms=1:1,/bytes?n=2000:1"))
                    .duration(java.time.Duration.ofSeconds(2)).build());
        }
    }

    private static StepResult runExternal(Step step, long t0) throws InterruptedException {
        return measure(step, step.config(), MetricsSource.http(step.config().target()), t0);
    }

    private static StepResult runEmbedded(ServerFactory factory, Step step, long t0)
            throws IOException, InterruptedException {
        Objects.requireNonNull(step.limits(), "a step against an embedded server needs limits");
        ServerFactory.Running server = factory.start(step.limits());
        StepResult r;
        Map<String, Long> before;
        try {
            before = server.counters();
            RunConfig config = step.config().toBuilder().target(server.address()).build();
            r = measure(step, config, server.metrics(), t0);
        } finally {
            server.close();
        }
        Map<String, Long> delta = new HashMap<>();
        server.counters().forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0L)));
        return new StepResult(r.step(), r.run(), r.startSeconds(), r.metrics(), r.metricsNote(), Map.copyOf(delta),
                r.loadAverage());
    }

    private static StepResult measure(Step step, RunConfig config, MetricsSource source, long t0)
            throws InterruptedException {
        double start = (System.nanoTime() - t0) / 1e9;
        RunResult run;
        MetricsSampler sampler = new MetricsSampler(source, METRICS_PERIOD_MILLIS);
        try {
            run = step.workload().run(config);
        } finally {
            sampler.close();
        }
        String note = sampler.failure() == null ? null : "server metrics not sampled: " + sampler.failure();
        return new StepResult(step, run, start, sampler.samples(), note, Map.of(),
                StepResult.currentLoadAverage());
    }
}
