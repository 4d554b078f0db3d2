package dev.sluice.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a sweep's charts with XChart: results against load (throughput, latency percentiles, 503 rate) with
 * one line per series, and over the sweep's time the responses per second and each server gauge that was
 * sampled. Every chart is written as PNG and SVG.
 */
final class Charts {
    /** A chart's file name (without extension) and caption. */
    record Chart(String name, String caption, XYChart chart) {
    }

    private static final int WIDTH = 760;
    private static final int HEIGHT = 420;
    /** Gauges drawn over time; more would make the report a wall of charts. */
    private static final int MAX_GAUGES = 6;

    private Charts() {
    }

    static List<Chart> draw(SweepResult result) {
        System.setProperty("java.awt.headless", System.getProperty("java.awt.headless", "true"));
        Sweep sweep = result.sweep();
        List<Chart> charts = new ArrayList<>();
        Map<String, List<StepResult>> series = result.bySeries();
        charts.add(new Chart("throughput", "Responses per second against " + sweep.xLabel(),
                againstLoad(sweep, "responses/s", series, StepResult::run, RunResult::throughput, "", false)));
        if (series.size() == 1) {
            XYChart c = againstLoad(sweep, "latency (ms)", series, StepResult::run, r -> r.latencyMillis(50),
                    "p50", true);
            addAgainstLoad(c, series, r -> r.latencyMillis(99), "p99");
            addAgainstLoad(c, series, r -> r.latencyMillis(99.9), "p99.9");
            charts.add(new Chart("latency", "Latency percentiles against " + sweep.xLabel(), c));
        } else {
            charts.add(new Chart("latency-p50", "Median latency against " + sweep.xLabel(),
                    againstLoad(sweep, "p50 latency (ms)", series, StepResult::run, r -> r.latencyMillis(50), "", true)));
            charts.add(new Chart("latency-p99", "p99 latency against " + sweep.xLabel(),
                    againstLoad(sweep, "p99 latency (ms)", series, StepResult::run, r -> r.latencyMillis(99), "", true)));
        }
        boolean anyShed = result.steps().stream().anyMatch(s -> s.run().totals().get(Count.SHED_503) > 0);
        if (anyShed) {
            charts.add(new Chart("shed", "Share of responses that were 503 against " + sweep.xLabel(),
                    againstLoad(sweep, "503 (% of responses)", series, StepResult::run,
                            r -> 100 * r.totals().shedRate(), "", false)));
            charts.add(new Chart("latency-2xx-p99", "p99 latency of admitted (2xx) requests against " + sweep.xLabel(),
                    againstLoad(sweep, "2xx p99 latency (ms)", series, StepResult::run, r -> r.okLatencyMillis(99),
                            "", true)));
        }
        charts.add(new Chart("timeline-throughput", "Responses per second over the sweep", timeline(result,
                "responses/s", s -> {
                    double[][] xy = new double[2][s.run().intervals().size()];
                    double offset = s.startSeconds() + s.step().config().warmup().toMillis() / 1000.0;
                    for (int i = 0; i < xy[0].length; i++) {
                        Interval in = s.run().intervals().get(i);
                        xy[0][i] = offset + in.second() + in.seconds() / 2;
                        xy[1][i] = in.responsesPerSecond();
                    }
                    return xy;
                })));
        for (String gauge : gauges(result)) {
            charts.add(new Chart("timeline-" + fileName(gauge), gauge + " over the sweep", timeline(result, gauge,
                    s -> {
                        List<MetricsSample> ms = s.metrics().stream().filter(m -> m.values().containsKey(gauge)).toList();
                        double[][] xy = new double[2][ms.size()];
                        for (int i = 0; i < ms.size(); i++) {
                            xy[0][i] = s.startSeconds() + ms.get(i).seconds();
                            xy[1][i] = ms.get(i).values().get(gauge);
                        }
                        return xy;
                    })));
        }
        charts.removeIf(c -> c.chart().getSeriesMap().isEmpty());
        return charts;
    }

    /** The figures of a Sluice {@code /sluice/metrics} that show limits at work, in drawing order. */
    static final List<String> SLUICE_GAUGES = List.of("sluice_queue_depth", "sluice_workers_busy",
            "sluice_connections_open", "sluice_connections_idle");

    /**
     * The gauges to draw: Sluice's own when the server has them; for another server, whatever looks like a
     * level (not a counter, a histogram part, a configured maximum or a quantile), at most {@link #MAX_GAUGES}.
     */
    static List<String> gauges(SweepResult result) {
        TreeSet<String> seen = new TreeSet<>();
        List<String> ordered = new ArrayList<>();
        for (StepResult s : result.steps()) {
            for (MetricsSample m : s.metrics()) {
                for (String k : m.values().keySet()) {
                    if (PrometheusText.isGauge(k) && !k.endsWith("_max") && !k.contains("quantile")
                            && !k.contains("uptime") && seen.add(k) && ordered.size() < MAX_GAUGES) {
                        ordered.add(k);
                    }
                }
            }
        }
        List<String> sluice = SLUICE_GAUGES.stream().filter(seen::contains).toList();
        return sluice.isEmpty() ? ordered : sluice;
    }

    static List<Path> save(List<Chart> charts, Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Chart c : charts) {
            if (c.chart().getSeriesMap().isEmpty()) {
                continue;
            }
            Path base = dir.resolve(c.name());
            BitmapEncoder.saveBitmap(c.chart(), base.toString(), BitmapEncoder.BitmapFormat.PNG);
            VectorGraphicsEncoder.saveVectorGraphic(c.chart(), base.toString(),
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            files.add(dir.resolve(c.name() + ".png"));
            files.add(dir.resolve(c.name() + ".svg"));
        }
        return files;
    }

    static byte[] png(Chart c) throws IOException {
        return BitmapEncoder.getBitmapBytes(c.chart(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static XYChart base(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        c.getStyler().setPlotGridLinesVisible(true);
        c.getStyler().setMarkerSize(6);
        c.getStyler().setDecimalPattern("#,##0.##");
        return c;
    }

    private static XYChart againstLoad(Sweep sweep, String yTitle, Map<String, List<StepResult>> series,
                                       java.util.function.Function<StepResult, RunResult> run,
                                       ToDoubleFunction<RunResult> y, String suffix, boolean logIfWide) {
        XYChart c = base(sweep.title(), sweep.xLabel(), yTitle);
        addAgainstLoad(c, series, y, suffix);
        if (logIfWide) {
            double min = Double.MAX_VALUE;
            double max = 0;
            for (List<StepResult> steps : series.values()) {
                for (StepResult s : steps) {
                    double v = y.applyAsDouble(s.run());
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            c.getStyler().setYAxisLogarithmic(min > 0 && max / min > 30);
        }
        return c;
    }

    private static void addAgainstLoad(XYChart c, Map<String, List<StepResult>> series, ToDoubleFunction<RunResult> y,
                                       String suffix) {
        for (Map.Entry<String, List<StepResult>> e : series.entrySet()) {
            List<StepResult> steps = e.getValue();
            double[] xs = new double[steps.size()];
            double[] ys = new double[steps.size()];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = steps.get(i).step().x();
                ys[i] = y.applyAsDouble(steps.get(i).run());
            }
            String name = (e.getKey().isEmpty() ? "" : e.getKey()) + (suffix.isEmpty() ? "" : " " + suffix);
            XYSeries s = c.addSeries(name.isBlank() ? "result" : name.trim(), xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        c.getStyler().setLegendVisible(c.getSeriesMap().size() > 1 || !c.getSeriesMap().containsKey("result"));
    }

    private static XYChart timeline(SweepResult result, String yTitle,
                                    java.util.function.Function<StepResult, double[][]> points) {
        XYChart c = base(result.sweep().title(), "time since the sweep started (s)", yTitle);
        c.getStyler().setMarkerSize(3);
        Map<String, List<double[][]>> bySeries = new LinkedHashMap<>();
        for (StepResult s : result.steps()) {
            // A sweep of one series gets a line per step, named by what varies; else a line per series.
            String key = s.step().series().isEmpty()
                    ? result.sweep().xLabel() + " " + Step.format(s.step().x()) : s.step().series();
            bySeries.computeIfAbsent(key, k -> new ArrayList<>()).add(points.apply(s));
        }
        for (Map.Entry<String, List<double[][]>> e : bySeries.entrySet()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (double[][] xy : e.getValue()) {
                for (int i = 0; i < xy[0].length; i++) {
                    xs.add(xy[0][i]);
                    ys.add(xy[1][i]);
                }
            }
            if (xs.isEmpty()) {
                continue;
            }
            XYSeries s = c.addSeries(e.getKey().isEmpty() ? yTitle : e.getKey(), xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return c;
    }

    static String fileName(String metric) {
        String f = metric.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "").toLowerCase(java.util.Locale.ROOT);
        return f.length() > 60 ? f.substring(0, 60) : f;
    }
}
