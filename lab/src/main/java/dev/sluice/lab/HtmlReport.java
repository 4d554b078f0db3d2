package dev.sluice.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * One self-contained HTML page per sweep: the question, what was run, the findings, a table of throughput,
 * latency percentiles and 503 rate against load, and every chart embedded as a PNG data URI (no external
 * file, script or style sheet).
 */
final class HtmlReport {
    static final String FILE = "report.html";

    private HtmlReport() {
    }

    static Path write(SweepResult result, List<Charts.Chart> charts, List<String> findings, Path dir)
            throws IOException {
        Sweep sweep = result.sweep();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(sweep.title())).append("</title>\n<style>")
                .append("body{font-family:sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}")
                .append("table{border-collapse:collapse;font-size:90%}td,th{border:1px solid #ccc;padding:3px 7px;")
                .append("text-align:right}th{background:#f3f3f3}td.l,th.l{text-align:left}")
                .append("figure{margin:1.5em 0}img{max-width:100%}figcaption{color:#555}")
                .append("</style></head><body>\n");
        h.append("<h1>").append(esc(sweep.title())).append("</h1>\n");
        h.append("<p><b>Question.</b> ").append(esc(sweep.question())).append("</p>\n");
        h.append("<p><b>Load.</b> ").append(esc(result.steps().get(0).run().description()))
                .append(result.steps().size() > 1 ? " (first step; the table shows what varies)" : "").append("</p>\n");
        h.append("<p>Started ").append(result.started()).append(", ").append(result.steps().size())
                .append(" steps in ").append(String.format(Locale.ROOT, "%.1f", result.seconds()))
                .append(" s. Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(esc(System.getProperty("java.version")))
                .append(". The last column is the machine's one-minute load average as each step ended: above the")
                .append(" number of cores, other work was competing with the server and the lab.</p>\n");
        if (!findings.isEmpty()) {
            h.append("<h2>What the numbers show</h2>\n<ul>\n");
            for (String f : findings) {
                h.append("<li>").append(esc(f)).append("</li>\n");
            }
            h.append("</ul>\n");
        }
        table(h, result);
        for (Charts.Chart c : charts) {
            h.append("<figure><img alt=\"").append(esc(c.caption())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(Charts.png(c))).append("\"><figcaption>")
                    .append(esc(c.caption())).append(" (").append(esc(c.name())).append(".png, .svg)")
                    .append("</figcaption></figure>\n");
        }
        result.steps().stream().map(StepResult::metricsNote).filter(n -> n != null).distinct().forEach(
                n -> h.append("<p><i>").append(esc(n)).append("</i></p>\n"));
        h.append("<p>Data: ").append(CsvReport.STEPS).append(", ").append(CsvReport.SECONDS).append(", ")
                .append(CsvReport.METRICS).append(" beside this page.</p>\n</body></html>\n");
        Path file = dir.resolve(FILE);
        Files.writeString(file, h, StandardCharsets.UTF_8);
        return file;
    }

    private static void table(StringBuilder h, SweepResult result) {
        Sweep sweep = result.sweep();
        h.append("<h2>Results</h2>\n<table>\n<tr><th class=\"l\">series</th><th>").append(esc(sweep.xLabel()))
                .append("</th><th>responses/s</th><th>2xx/s</th><th>p50 ms</th><th>p99 ms</th><th>p99.9 ms</th>")
                .append("<th>max ms</th><th>2xx p99 ms</th><th>503 %</th><th>503 with Retry-After</th><th>transport errors</th>")
                .append("<th>connections opened</th><th>load average</th></tr>\n");
        for (StepResult s : result.steps()) {
            RunResult r = s.run();
            Counts t = r.totals();
            h.append("<tr><td class=\"l\">").append(esc(s.step().series())).append("</td><td>")
                    .append(Step.format(s.step().x())).append("</td>");
            cell(h, r.throughput(), 1);
            cell(h, r.goodput(), 1);
            cell(h, r.latencyMillis(50), 2);
            cell(h, r.latencyMillis(99), 2);
            cell(h, r.latencyMillis(99.9), 2);
            cell(h, r.latency().getTotalCount() == 0 ? 0 : r.latency().getMaxValue() / 1000.0, 2);
            cell(h, r.okLatencyMillis(99), 2);
            cell(h, 100 * t.shedRate(), 1);
            h.append("<td>").append(t.get(Count.RETRY_AFTER_503)).append(" of ").append(t.get(Count.SHED_503))
                    .append("</td><td>").append(t.transportErrors()).append("</td><td>")
                    .append(t.get(Count.CONNECTIONS_OPENED)).append("</td>");
            cell(h, s.loadAverage(), 1);
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void cell(StringBuilder h, double v, int decimals) {
        h.append("<td>").append(String.format(Locale.ROOT, "%,." + decimals + "f", v)).append("</td>");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
