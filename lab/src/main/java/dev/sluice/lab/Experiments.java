package dev.sluice.lab;

import dev.sluice.core.Limits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The built-in experiments, each a sweep against an embedded Sluice that answers one question about connection
 * limits and fits in under two minutes on two cores. Durations are short on purpose; {@code scale} stretches
 * them for a quieter machine or a more careful run.
 */
public final class Experiments {
    /** Names, in the order of the issue. */
    public static final List<String> NAMES = List.of("keepalive", "pipelining", "saturation", "idle", "page");

    private Experiments() {
    }

    /** @throws IllegalArgumentException for an unknown name */
    public static Sweep sweep(String name, double scale) {
        return switch (name) {
            case "keepalive" -> keepAlive(scale);
            case "pipelining" -> pipelining(scale);
            case "saturation" -> saturation(scale);
            case "idle" -> IdleExperiment.sweep(scale);
            case "page" -> page(scale);
            default -> throw new IllegalArgumentException("unknown experiment " + name + "; one of " + NAMES);
        };
    }

    static Duration seconds(double s, double scale) {
        return Duration.ofMillis(Math.round(s * scale * 1000));
    }

    /** 1. A new connection per request (HTTP/1.0 style) against keep-alive. */
    static Sweep keepAlive(double scale) {
        RunConfig base = RunConfig.builder().mix(RequestMix.of("/")).duration(seconds(2.5, scale))
                .warmup(seconds(0.5, scale)).build();
        List<Step> steps = new ArrayList<>();
        for (int c : new int[] {1, 4, 16, 64}) {
            steps.add(new Step("HTTP/1.0, new connection per request", c,
                    base.toBuilder().connections(c).http10(true).keepAlive(false).build(), Limits.DEFAULTS));
            steps.add(new Step("HTTP/1.1 keep-alive", c, base.toBuilder().connections(c).build(), Limits.DEFAULTS));
        }
        return new Sweep("keepalive", "New connection per request vs keep-alive",
                "What does opening a TCP connection for every request cost in requests per second and latency?",
                "client connections", steps, new EmbeddedSluice(), Experiments::keepAliveFindings);
    }

    private static List<String> keepAliveFindings(SweepResult r) {
        List<String> out = new ArrayList<>();
        Map<String, List<StepResult>> s = r.bySeries();
        List<StepResult> close = s.get("HTTP/1.0, new connection per request");
        List<StepResult> keep = s.get("HTTP/1.1 keep-alive");
        for (int i = 0; i < close.size(); i++) {
            RunResult a = close.get(i).run();
            RunResult b = keep.get(i).run();
            out.add(String.format(Locale.ROOT, "%s connections: keep-alive %.0f req/s (p99 %.2f ms, %d connections "
                    + "opened) against %.0f req/s (p99 %.2f ms, %d connections) with a connection per request: "
                    + "x%.2f.", Step.format(close.get(i).step().x()), b.throughput(), b.latencyMillis(99),
                    b.totals().get(Count.CONNECTIONS_OPENED), a.throughput(), a.latencyMillis(99),
                    a.totals().get(Count.CONNECTIONS_OPENED), a.throughput() == 0 ? 0 : b.throughput() / a.throughput()));
        }
        return out;
    }

    /** 2. Pipelining depth 1 to 16 on one connection. */
    static Sweep pipelining(double scale) {
        RunConfig base = RunConfig.builder().connections(1).mix(RequestMix.of("/")).duration(seconds(3, scale))
                .warmup(seconds(0.5, scale)).build();
        // maxKeepAliveRequests is raised so no batch is cut by the server closing the connection after its
        // 1000th request (with the default, requests pipelined past it are lost and counted unanswered).
        Limits limits = Limits.builder().maxKeepAliveRequests(10_000_000).build();
        List<Step> steps = new ArrayList<>();
        for (int depth : new int[] {1, 2, 4, 8, 16}) {
            steps.add(new Step("", depth, base.toBuilder().pipeline(depth).build(), limits));
        }
        return new Sweep("pipelining", "Pipelining depth on one connection",
                "How many more requests per second does one connection carry when it writes N requests before "
                        + "reading the answers, and what does each request wait?",
                "pipeline depth", steps, new EmbeddedSluice(), r -> {
                    List<String> out = new ArrayList<>();
                    RunResult one = r.steps().get(0).run();
                    for (StepResult s : r.steps()) {
                        out.add(String.format(Locale.ROOT, "depth %s: %.0f req/s (x%.2f of depth 1), p50 %.3f ms, "
                                        + "p99 %.3f ms per request", Step.format(s.step().x()), s.run().throughput(),
                                s.run().throughput() / Math.max(1e-9, one.throughput()), s.run().latencyMillis(50),
                                s.run().latencyMillis(99)));
                    }
                    return out;
                });
    }

    /** 3. Saturation: arrival rate past capacity with maxThreads 8 and several queue sizes. */
    static Sweep saturation(double scale) {
        // 8 workers holding each request 20 ms serve at most 400 requests per second.
        RunConfig base = RunConfig.builder().model(RunConfig.Model.OPEN).connections(1100)
                .mix(RequestMix.of("/delay?ms=20")).duration(seconds(2.5, scale)).warmup(seconds(1, scale))
                .readTimeout(Duration.ofSeconds(10)).build();
        Limits eight = Limits.builder().maxThreads(8).build();
        List<Step> steps = new ArrayList<>();
        for (int queue : new int[] {0, 8, 64, 1000}) {
            addRates(steps, "acceptQueue " + queue, base, eight.toBuilder().acceptQueue(queue).build());
        }
        addRates(steps, "acceptQueue 1000, queueTimeout 100 ms", base,
                eight.toBuilder().acceptQueue(1000).queueTimeout(Duration.ofMillis(100)).build());
        return new Sweep("saturation", "Saturation: arrival rate past capacity, maxThreads 8",
                "When do 503s start, what happens to the latency of the admitted requests, and what does "
                        + "queueTimeout change? (8 workers x 20 ms = 400 requests/s of capacity)",
                "arrival rate (requests/s)", steps, new EmbeddedSluice(), Experiments::saturationFindings);
    }

    private static void addRates(List<Step> steps, String series, RunConfig base, Limits limits) {
        for (int rate : new int[] {200, 400, 600, 800}) {
            steps.add(new Step(series, rate, base.toBuilder().rate(rate).build(), limits));
        }
    }

    private static List<String> saturationFindings(SweepResult r) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<StepResult>> e : r.bySeries().entrySet()) {
            String firstShed = "never";
            for (StepResult s : e.getValue()) {
                if (s.run().totals().shedRate() > 0.01) {
                    firstShed = "from " + Step.format(s.step().x()) + " req/s";
                    break;
                }
            }
            RunResult top = e.getValue().get(e.getValue().size() - 1).run();
            out.add(String.format(Locale.ROOT, "%s: 503s (over 1%%) %s; at %s req/s: %.0f 2xx/s, %.1f%% 503, "
                            + "admitted p50 %.0f ms and p99 %.0f ms.", e.getKey(), firstShed,
                    Step.format(e.getValue().get(e.getValue().size() - 1).step().x()), top.goodput(),
                    100 * top.totals().shedRate(), top.okLatencyMillis(50), top.okLatencyMillis(99)));
        }
        return out;
    }

    /** 5. A page with many resources: six connections per browser against one pipelined connection. */
    static Sweep page(double scale) {
        List<String> resources = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            resources.add(i % 4 == 3 ? "/delay?ms=5" : "/bytes?n=" + (2000 + 500 * (i % 8)));
        }
        RunConfig base = RunConfig.builder().duration(seconds(3, scale)).warmup(seconds(0.5, scale)).build();
        // Connections are not cut after 1000 requests here: that would fail whole pipelined pages, a cost of
        // maxKeepAliveRequests rather than of pipelining.
        Limits limits = Limits.builder().maxKeepAliveRequests(10_000_000).build();
        List<Step> steps = new ArrayList<>();
        for (int browsers : new int[] {2, 8, 32}) {
            steps.add(new Step("6 connections per browser", browsers, base, limits,
                    new PageLoad(browsers, "/bytes?n=20000", resources, 6, false)));
            steps.add(new Step("1 pipelined connection per browser", browsers, base, limits,
                    new PageLoad(browsers, "/bytes?n=20000", resources, 1, true)));
        }
        return new Sweep("page", "A page with 40 resources: 6 connections against 1 pipelined connection",
                "How fast does a browser load a page of 40 resources (a quarter of them take 5 ms of server "
                        + "time) over six parallel connections, as browsers do, or over one pipelined connection?",
                "simulated browsers", steps, new EmbeddedSluice(), r -> {
                    List<String> out = new ArrayList<>();
                    TreeMap<Double, String> lines = new TreeMap<>();
                    for (StepResult s : r.steps()) {
                        lines.merge(s.step().x(), String.format(Locale.ROOT, "%s: %.1f pages/s, page load p50 %.1f ms "
                                        + "p99 %.1f ms, %d connections opened (with warm-up)", s.step().series(), s.run().throughput(),
                                s.run().latencyMillis(50), s.run().latencyMillis(99),
                                s.run().totals().plus(s.run().warmup()).get(Count.CONNECTIONS_OPENED)),
                                (a, b) -> a + "; " + b);
                    }
                    lines.forEach((x, l) -> out.add(Step.format(x) + " browsers: " + l + "."));
                    return out;
                });
    }
}
