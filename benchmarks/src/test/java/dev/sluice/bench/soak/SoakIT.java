package dev.sluice.bench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The soak of {@code benchmarks/soak.sh} for 60 seconds against the distribution this build made (issue #21):
 * asserts only leaks and corruption (no corrupted content, every well-formed request answered 200 or 503, the
 * server back to idle with its file descriptors and threads), never timing or throughput.
 */
class SoakIT {
    private static final Path DISTRIBUTION = Path.of("../distribution/target/sluice");

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void sixtySecondsOfHostileLoadLeaveNothingBehind() throws Exception {
        assertTrue(Files.isExecutable(DISTRIBUTION.resolve("bin/sluice")),
                "the distribution is built before this module: " + DISTRIBUTION.toAbsolutePath());
        Path out = Path.of("target/soak-it");
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        SoakReport report = new SoakRun(DISTRIBUTION, out, Duration.ofSeconds(60), Duration.ofSeconds(5),
                new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
        String text = report.text();
        Files.writeString(out.resolve("summary.txt"), text);
        String context = progress.toString(StandardCharsets.UTF_8) + text;
        assertEquals(List.of(), report.leaksAndCorruption(), context);
        // Each well-formed kind must have been served at least once, or the run proved nothing about it.
        for (String kind : List.of("keepalive", "slow", "upload", "slowreader")) {
            assertTrue(report.tally().get(kind + ".200") > 0, () -> kind + " never got a 200\n" + context);
        }
    }
}
