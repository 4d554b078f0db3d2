package dev.sluice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsTableTest {
    @TempDir
    Path dir;

    @Test
    void medianOfOddAndEvenCountsIgnoresNaN() {
        assertEquals(2, ResultsTable.median(new double[] {3, 1, 2}));
        assertEquals(2.5, ResultsTable.median(new double[] {4, 1, 3, 2}));
        assertEquals(5, ResultsTable.median(new double[] {Double.NaN, 5}));
        assertTrue(Double.isNaN(ResultsTable.median(new double[0])));
    }

    @Test
    void tableHoldsMediansCpuPer100kAndRatios() throws IOException {
        // tomcat: 3 rounds at 40k, 50k, 60k req/s -> median 50k; sluice: 2 rounds at 70k and 80k -> 75k.
        String tsv = String.join("\n",
                line("tomcat", 1, 40_000, "2.00ms", 400_000, 200),
                line("tomcat", 2, 50_000, "3.00ms", 500_000, 250),
                line("tomcat", 3, 60_000, "4.00ms", 600_000, 300),
                line("nginx", 1, 100_000, "1.00ms", 1_000_000, 100),
                line("sluice", 1, 70_000, "1.00ms", 700_000, 140),
                line("sluice", 2, 80_000, "2.00ms", 800_000, 160)) + "\n";
        Path runs = dir.resolve("runs.tsv");
        Files.writeString(runs, tsv);

        String md = new ResultsTable(ResultsTable.read(runs, 100)).markdown();

        // CPU: 250 ticks = 2.5 s for 500,000 requests -> 0.50 s per 100k (each tomcat round is 0.5).
        assertTrue(md.contains("| keepalive-64 | tomcat | 3 | 50000 | 40000-60000 | 3.00 | 0.50 | 0 | 0 |"), md);
        assertTrue(md.contains("| keepalive-64 | nginx | 1 | 100000 | 100000-100000 | 1.00 | 0.10 | 0 | 0 |"), md);
        assertTrue(md.contains("| keepalive-64 | sluice | 2 | 75000 | 70000-80000 | 1.50 | 0.20 | 0 | 0 |"), md);
        // 75k / 50k = 1.50, no Jetty run, 75k / 100k = 0.75, p99 1.5 / 3.0 = 0.50
        assertTrue(md.contains("| keepalive-64 | sluice | 1.50 | - | 0.75 | 0.50 |"), md);
        List<String> lines = md.lines().toList();
        assertTrue(lines.indexOf(lines.stream().filter(l -> l.contains("| nginx |")).findFirst().orElseThrow())
                < lines.indexOf(lines.stream().filter(l -> l.contains("| tomcat |")).findFirst().orElseThrow()),
                "peers first, nginx at the top");
    }

    private String line(String server, int round, long rps, String p99, long requests, long ticks)
            throws IOException {
        String file = server + "-" + round + ".txt";
        Files.writeString(dir.resolve(file), WrkResultTest.output(p99, "", "")
                .replace("600123 requests", requests + " requests")
                .replace("60012.34", Long.toString(rps)));
        return String.join("\t", server, "keepalive-64", Integer.toString(round), file, Long.toString(ticks));
    }
}
