package dev.sluice.lab;

import dev.sluice.core.Limits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 4. Idle keep-alive connections and keepAliveTimeout: how many connections a population of browser-like
 * clients holds open, and what each costs the server in heap. The server runs in its own JVM so its heap
 * is the server's alone.
 */
final class IdleExperiment {
    static final int CLIENTS = 300;
    static final int CONNECTIONS_PER_CLIENT = 2;
    static final Duration MEAN_THINK = Duration.ofSeconds(5);

    private IdleExperiment() {
    }

    static Sweep sweep(double scale) {
        RunConfig base = RunConfig.builder().duration(Experiments.seconds(20, scale)).build();
        List<Step> steps = new ArrayList<>();
        List<IdlePopulation> populations = new ArrayList<>();
        for (int seconds : new int[] {1, 4, 15}) {
            IdlePopulation p = new IdlePopulation(CLIENTS, CONNECTIONS_PER_CLIENT, MEAN_THINK, seconds == 15);
            populations.add(p);
            steps.add(new Step("", seconds, base, Limits.builder().keepAliveTimeout(Duration.ofSeconds(seconds))
                    .build(), p));
        }
        return new Sweep("idle", "Idle keep-alive connections and keepAliveTimeout",
                "How many connections does a population of " + CLIENTS + " browser-like clients ("
                        + CONNECTIONS_PER_CLIENT + " connections each, mean think time " + MEAN_THINK.toSeconds()
                        + " s) hold open, what does keepAliveTimeout change, and what does an idle connection cost?",
                "keepAliveTimeout (s)", steps, new ForkedSluice(), r -> findings(r, populations));
    }

    private static List<String> findings(SweepResult r, List<IdlePopulation> populations) {
        List<String> out = new ArrayList<>();
        for (StepResult s : r.steps()) {
            double open = 0;
            double peak = 0;
            int n = 0;
            for (MetricsSample m : s.metrics()) {
                Double v = m.values().get("sluice_connections_open");
                if (v != null && m.seconds() > s.run().measuredSeconds() / 2) {
                    open += v;
                    n++;
                }
                if (v != null) {
                    peak = Math.max(peak, v);
                }
            }
            RunResult run = s.run();
            out.add(String.format(Locale.ROOT, "keepAliveTimeout %s s: %.0f connections open on average in the "
                            + "second half (peak %.0f of %d possible), %d connections opened for %d requests, %d "
                            + "found closed on reuse and retried.", Step.format(s.step().x()), n == 0 ? 0 : open / n,
                    peak, CLIENTS * CONNECTIONS_PER_CLIENT, run.totals().get(Count.CONNECTIONS_OPENED),
                    run.totals().get(Count.SENT), run.totals().get(Count.CLOSED)));
        }
        for (IdlePopulation p : populations) {
            IdlePopulation.Memory m = p.memory();
            if (m != null && m.baseHeap() > 0 && m.loadedHeap() > 0) {
                out.add(String.format(Locale.ROOT, "Heap after a full GC: %.1f MiB with %.0f connections open, "
                                + "%.1f MiB with %.0f: about %.1f KiB per idle keep-alive connection (server JVM only).",
                        m.baseHeap() / 1048576.0, m.baseConnections(), m.loadedHeap() / 1048576.0,
                        m.loadedConnections(), m.bytesPerConnection() / 1024));
            }
        }
        return out;
    }
}
