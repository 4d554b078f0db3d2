package dev.sluice.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small sweep against an external stub target, and the report files it writes. */
class SweepReportTest {
    @TempDir
    Path dir;

    private static Sweep sweepAgainst(StubServer s) {
        RunConfig base = RunConfig.builder().target(s.address()).duration(Duration.ofMillis(1200))
                .mix(RequestMix.of("/work")).build();
        return new Sweep("conn-test", "Stub sweep", "Does the report add up?", "connections",
                List.of(new Step("", 1, base.toBuilder().connections(1).build(), null),
                        new Step("", 3, base.toBuilder().connections(3).build(), null)),
                null, r -> List.of("two steps ran"));
    }

    @Test
    void reportFilesAgreeWithTheRunsAndPlotTheSampledGauges() throws Exception {
        AtomicInteger work = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        try (StubServer s = new StubServer((n, k, head) -> {
            if (head.startsWith("GET /sluice/metrics")) {
                String body = "# TYPE lab_queue gauge\nlab_queue " + inFlight.get() + "\nlab_done_total "
                        + work.get() + "\n";
                return StubServer.Answer.ok(body);
            }
            inFlight.incrementAndGet();
            Thread.sleep(2);
            work.incrementAndGet();
            inFlight.decrementAndGet();
            return StubServer.Answer.ok("w");
        })) {
            SweepResult result = SweepRunner.run(sweepAgainst(s), new PrintWriter(new StringWriter()));
            List<Path> files = Reports.write(result, dir);

            for (String name : List.of("steps.csv", "seconds.csv", "metrics.csv", "report.html", "throughput.png",
                    "throughput.svg", "latency.png", "latency.svg", "timeline-throughput.png", "timeline-lab-queue.png",
                    "timeline-lab-queue.svg")) {
                assertTrue(files.contains(dir.resolve(name)) && Files.size(dir.resolve(name)) > 0, name + " " + files);
            }
            assertFalse(Files.exists(dir.resolve("timeline-lab-done-total.png")), "counters are not drawn as gauges");
            assertFalse(Files.exists(dir.resolve("shed.png")), "no 503s, no 503 chart");
            byte[] png = Files.readAllBytes(dir.resolve("latency.png"));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
            assertTrue(Files.readString(dir.resolve("latency.svg")).contains("<svg"));

            List<String> steps = Files.readAllLines(dir.resolve("steps.csv"));
            assertEquals(3, steps.size(), "header and two steps");
            List<String> header = List.of(steps.get(0).split(","));
            long okSum = 0;
            for (int i = 0; i < 2; i++) {
                String[] row = steps.get(i + 1).split(",", -1);
                RunResult run = result.steps().get(i).run();
                long ok = Long.parseLong(row[header.indexOf("2xx")]);
                assertEquals(run.totals().get(Count.OK_2XX), ok);
                assertEquals(run.latencyMillis(99), Double.parseDouble(row[header.indexOf("p99_ms")]), 0.001);
                assertEquals(i == 0 ? "1" : "3", row[header.indexOf("x")]);
                okSum += ok + run.totals().get(Count.ABANDONED);
            }
            // Every request the server finished was counted by the lab, as 2xx or as abandoned at the end.
            assertEquals(work.get(), okSum, "server finished " + work.get());

            long secondsRows2xx = Files.readAllLines(dir.resolve("seconds.csv")).stream().skip(1)
                    .mapToLong(l -> Long.parseLong(l.split(",")[8])).sum();
            assertEquals(result.steps().stream().mapToLong(r -> r.run().totals().get(Count.OK_2XX)).sum(),
                    secondsRows2xx, "per-second rows add up to the totals");

            List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
            assertTrue(metrics.stream().anyMatch(l -> l.contains(",lab_queue,")), "gauge samples in metrics.csv");

            String html = Files.readString(dir.resolve("report.html"), StandardCharsets.UTF_8);
            assertTrue(html.contains("Does the report add up?"));
            assertTrue(html.contains("<li>two steps ran</li>"));
            assertTrue(html.contains("data:image/png;base64,iVBOR"), "charts are embedded");
            assertFalse(html.contains("src=\"http"), "nothing is loaded from elsewhere");
            assertEquals(2, html.split("<tr><td").length - 1, "one table row per step");
        }
    }

    @Test
    void aTargetWithoutMetricsStillGetsAReport() throws Exception {
        try (StubServer s = new StubServer((n, k, head) -> head.startsWith("GET /sluice/metrics")
                ? new StubServer.Answer("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", false)
                : StubServer.Answer.ok("w"))) {
            SweepResult result = SweepRunner.run(sweepAgainst(s), new PrintWriter(new StringWriter()));
            Reports.write(result, dir);
            assertTrue(result.steps().get(0).metrics().isEmpty());
            assertEquals("server metrics not sampled: /sluice/metrics answered 404", result.steps().get(0).metricsNote());
            assertTrue(Files.readString(dir.resolve("report.html")).contains("/sluice/metrics answered 404"));
            assertTrue(Files.exists(dir.resolve("throughput.png")));
            assertEquals(1, Files.readAllLines(dir.resolve("metrics.csv")).size(), "header only");
        }
    }

    @Test
    void csvFieldsFollowRfc4180AndNumbersIgnoreTheLocale() {
        assertEquals("plain", CsvReport.quote("plain"));
        assertEquals("\"acceptQueue 1000, queueTimeout 100 ms\"", CsvReport.quote("acceptQueue 1000, queueTimeout 100 ms"));
        assertEquals("\"say \"\"hi\"\"\"", CsvReport.quote("say \"hi\""));
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.GERMANY);
            assertEquals("2.500", CsvReport.num(2.5));
            assertEquals("400", CsvReport.num(400.0));
            assertEquals("", CsvReport.num(Double.NaN));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void prometheusTextIsReadLeniently() {
        Map<String, Double> m = PrometheusText.parse("# HELP x y\n# TYPE a gauge\na 3\nb{r=\"q f\"} 2.5 1700000000\n"
                + "c_total 7\nnonsense\nd NaN\n");
        assertEquals(3.0, m.get("a"));
        assertEquals(2.5, m.get("b{r=\"q f\"}"));
        assertEquals(7.0, m.get("c_total"));
        assertTrue(m.get("d").isNaN());
        assertEquals(4, m.size());
        assertTrue(PrometheusText.isGauge("b{r=\"q f\"}"));
        assertFalse(PrometheusText.isGauge("c_total"));
        assertFalse(PrometheusText.isGauge("h_bucket{le=\"1\"}"));
    }
}
