package dev.sluice.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the runs recorded by {@code run.sh} into the markdown tables of docs/performance.md: per scenario and
 * server the median over rounds of requests/s, p99 latency and server CPU seconds per 100,000 requests, then
 * the ratios of each Sluice variant to Tomcat, Jetty and nginx.
 *
 * <p>Input: a tab-separated file, one run a line: {@code server scenario round wrkOutputFile cpuTicks}, where
 * cpuTicks is the server's utime+stime growth during the run (from /proc, in clock ticks). Relative wrk output
 * paths are resolved against the file's folder. Usage: {@code ResultsTable runs.tsv [clockTicksPerSecond]}.
 */
public final class ResultsTable {
    static final List<String> PEERS = List.of("nginx", "tomcat", "jetty");

    /** One measured run. */
    record Run(String server, String scenario, int round, WrkResult wrk, double cpuSeconds) {
        double cpuPer100k() {
            return wrk.requests() == 0 ? Double.NaN : cpuSeconds / wrk.requests() * 100_000;
        }
    }

    private final List<Run> runs;

    ResultsTable(List<Run> runs) {
        this.runs = List.copyOf(runs);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ResultsTable runs.tsv [clockTicksPerSecond]");
            System.exit(2);
        }
        Path tsv = Path.of(args[0]);
        double ticksPerSecond = args.length == 2 ? Double.parseDouble(args[1]) : 100;
        System.out.print(new ResultsTable(read(tsv, ticksPerSecond)).markdown());
    }

    static List<Run> read(Path tsv, double ticksPerSecond) throws IOException {
        List<Run> runs = new ArrayList<>();
        Path folder = tsv.toAbsolutePath().getParent();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 5) {
                throw new IllegalArgumentException("expected 5 tab-separated fields: " + line);
            }
            String output = Files.readString(folder.resolve(f[3]), StandardCharsets.UTF_8);
            WrkResult wrk;
            try {
                wrk = WrkResult.parse(output);
            } catch (IllegalArgumentException e) {
                System.err.println("skipping " + f[3] + ": " + e.getMessage());
                continue;
            }
            runs.add(new Run(f[0], f[1], Integer.parseInt(f[2]), wrk, Long.parseLong(f[4]) / ticksPerSecond));
        }
        return runs;
    }

    String markdown() {
        Set<String> scenarios = new LinkedHashSet<>();
        Set<String> servers = new LinkedHashSet<>(PEERS);
        runs.forEach(r -> scenarios.add(r.scenario()));
        runs.forEach(r -> servers.add(r.server()));
        servers.removeIf(s -> runs.stream().noneMatch(r -> r.server().equals(s)));

        StringBuilder md = new StringBuilder();
        md.append("| scenario | server | runs | req/s (median) | req/s (min-max) | p99 ms (median)"
                + " | CPU s / 100k req (median) | socket errors | non-2xx |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Map<String, double[]>> medians = new LinkedHashMap<>();
        for (String scenario : scenarios) {
            for (String server : servers) {
                List<Run> cell = runs.stream()
                        .filter(r -> r.scenario().equals(scenario) && r.server().equals(server)).toList();
                if (cell.isEmpty()) {
                    continue;
                }
                double rps = median(cell.stream().mapToDouble(r -> r.wrk().requestsPerSecond()).toArray());
                double p99 = median(cell.stream().mapToDouble(r -> r.wrk().p99Millis()).toArray());
                double cpu = median(cell.stream().mapToDouble(Run::cpuPer100k).toArray());
                medians.computeIfAbsent(scenario, k -> new LinkedHashMap<>()).put(server, new double[] {rps, p99});
                double[] all = cell.stream().mapToDouble(r -> r.wrk().requestsPerSecond()).sorted().toArray();
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s-%s | %s | %s | %d | %d |%n", scenario,
                        server, cell.size(), fixed(rps, 0), fixed(all[0], 0), fixed(all[all.length - 1], 0),
                        fixed(p99, 2), fixed(cpu, 2),
                        cell.stream().mapToLong(r -> r.wrk().socketErrors()).sum(),
                        cell.stream().mapToLong(r -> r.wrk().non2xx()).sum()));
            }
        }
        List<String> sluices = servers.stream().filter(s -> !PEERS.contains(s)).toList();
        if (!sluices.isEmpty()) {
            md.append("\nRatios of median req/s (and of p99 latency to Tomcat's; below 1 is better):\n\n")
                    .append("| scenario | variant | vs Tomcat | vs Jetty | vs nginx | p99 vs Tomcat |\n")
                    .append("|---|---|---:|---:|---:|---:|\n");
            for (var entry : medians.entrySet()) {
                Map<String, double[]> m = entry.getValue();
                for (String sluice : sluices) {
                    double[] s = m.get(sluice);
                    if (s == null) {
                        continue;
                    }
                    md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", entry.getKey(), sluice,
                            ratio(s[0], m.get("tomcat"), 0), ratio(s[0], m.get("jetty"), 0),
                            ratio(s[0], m.get("nginx"), 0), ratio(s[1], m.get("tomcat"), 1)));
                }
            }
        }
        return md.toString();
    }

    static double median(double[] values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String ratio(double value, double[] peer, int index) {
        return peer == null ? "-" : fixed(value / peer[index], 2);
    }

    private static String fixed(double value, int decimals) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "-"
                : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
