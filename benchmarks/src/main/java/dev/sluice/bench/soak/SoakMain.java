package dev.sluice.bench.soak;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code benchmarks/soak.sh DURATION}: runs {@link SoakRun} against a built distribution and writes
 * {@code summary.txt} and {@code samples.csv} into the output folder; exits 1 when anything failed.
 *
 * <pre>java -cp benchmarks/target/classes:... dev.sluice.bench.soak.SoakMain 30m distribution/target/sluice OUT [10]</pre>
 */
public final class SoakMain {
    private SoakMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: SoakMain DURATION(60s|30m) DISTRIBUTION_HOME OUT_DIR [SAMPLE_SECONDS]");
            System.exit(2);
        }
        Duration duration = duration(args[0]);
        Duration every = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 10);
        Path out = Path.of(args[2]);
        SoakReport report = new SoakRun(Path.of(args[1]), out, duration, every, System.out).run();
        String text = report.text();
        Files.writeString(out.resolve("summary.txt"), text, StandardCharsets.UTF_8);
        System.out.print(text);
        System.exit(report.problems().isEmpty() ? 0 : 1);
    }

    /** {@code 90s}, {@code 30m}, {@code 1h}; a bare number is seconds. */
    static Duration duration(String s) {
        char unit = s.charAt(s.length() - 1);
        long n = Long.parseLong(Character.isDigit(unit) ? s : s.substring(0, s.length() - 1));
        return switch (unit) {
            case 'h' -> Duration.ofHours(n);
            case 'm' -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
