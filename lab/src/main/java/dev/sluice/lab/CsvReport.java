package dev.sluice.lab;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Writes a sweep as CSV: {@code steps.csv} (one row per step), {@code seconds.csv} (one row per measured
 * second of every step) and {@code metrics.csv} (every sampled server figure, long format). Numbers use a dot
 * and no grouping, whatever the locale.
 */
final class CsvReport {
    static final String STEPS = "steps.csv";
    static final String SECONDS = "seconds.csv";
    static final String METRICS = "metrics.csv";

    private CsvReport() {
    }

    static List<Path> write(SweepResult result, Path dir) throws IOException {
        return List.of(writeSteps(result, dir.resolve(STEPS)), writeSeconds(result, dir.resolve(SECONDS)),
                writeMetrics(result, dir.resolve(METRICS)));
    }

    static List<String> stepColumns(SweepResult result) {
        List<String> cols = new ArrayList<>(List.of("series", "x", "measured_s", "throughput", "goodput", "p50_ms",
                "p90_ms", "p99_ms", "p999_ms", "max_ms", "ok_p50_ms", "ok_p99_ms", "ttfb_p50_ms", "ttfb_p99_ms", "shed_rate", "load_average"));
        for (Count c : Count.values()) {
            cols.add(c.column());
        }
        cols.addAll(List.of("with_warmup_2xx", "with_warmup_503", "with_warmup_connections_opened"));
        for (String k : serverKeys(result)) {
            cols.add("server_" + k);
        }
        return cols;
    }

    private static TreeSet<String> serverKeys(SweepResult result) {
        TreeSet<String> keys = new TreeSet<>();
        result.steps().forEach(s -> keys.addAll(s.serverCounters().keySet()));
        return keys;
    }

    private static Path writeSteps(SweepResult result, Path file) throws IOException {
        TreeSet<String> keys = serverKeys(result);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", stepColumns(result)) + "\n");
            for (StepResult s : result.steps()) {
                RunResult r = s.run();
                List<String> row = new ArrayList<>(List.of(quote(s.step().series()), Step.format(s.step().x()),
                        num(r.measuredSeconds()), num(r.throughput()), num(r.goodput()), num(r.latencyMillis(50)),
                        num(r.latencyMillis(90)), num(r.latencyMillis(99)), num(r.latencyMillis(99.9)),
                        num(r.latency().getTotalCount() == 0 ? 0 : r.latency().getMaxValue() / 1000.0),
                        num(r.okLatencyMillis(50)), num(r.okLatencyMillis(99)), num(r.ttfbMillis(50)), num(r.ttfbMillis(99)), num(r.totals().shedRate()), num(s.loadAverage())));
                for (Count c : Count.values()) {
                    row.add(Long.toString(r.totals().get(c)));
                }
                // The server counts the whole step, warm-up included: these columns compare with it.
                Counts all = r.totals().plus(r.warmup());
                row.add(Long.toString(all.get(Count.OK_2XX)));
                row.add(Long.toString(all.get(Count.SHED_503)));
                row.add(Long.toString(all.get(Count.CONNECTIONS_OPENED)));
                for (String k : keys) {
                    Long v = s.serverCounters().get(k);
                    row.add(v == null ? "" : v.toString());
                }
                w.write(String.join(",", row) + "\n");
            }
        }
        return file;
    }

    private static Path writeSeconds(SweepResult result, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder head = new StringBuilder("series,x,second,seconds,responses_per_s,p50_ms,p99_ms,max_ms");
            for (Count c : Count.values()) {
                head.append(',').append(c.column());
            }
            w.write(head + "\n");
            for (StepResult s : result.steps()) {
                for (Interval in : s.run().intervals()) {
                    StringBuilder row = new StringBuilder();
                    row.append(quote(s.step().series())).append(',').append(Step.format(s.step().x())).append(',')
                            .append(in.second()).append(',').append(num(in.seconds())).append(',')
                            .append(num(in.responsesPerSecond())).append(',').append(num(in.p50Millis()))
                            .append(',').append(num(in.p99Millis())).append(',').append(num(in.maxMillis()));
                    for (Count c : Count.values()) {
                        row.append(',').append(in.counts().get(c));
                    }
                    w.write(row + "\n");
                }
            }
        }
        return file;
    }

    private static Path writeMetrics(SweepResult result, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("series,x,sweep_s,metric,value\n");
            for (StepResult s : result.steps()) {
                for (MetricsSample m : s.metrics()) {
                    for (Map.Entry<String, Double> e : m.values().entrySet()) {
                        w.write(quote(s.step().series()) + "," + Step.format(s.step().x()) + ","
                                + num(s.startSeconds() + m.seconds()) + "," + quote(e.getKey()) + ","
                                + num(e.getValue()) + "\n");
                    }
                }
            }
        }
        return file;
    }

    static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.3f", v);
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
