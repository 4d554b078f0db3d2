package dev.sluice.lab;

import dev.sluice.core.Limits;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lab sweep} and {@code lab experiment}: runs that write a report folder. */
final class SweepCommands {
    private SweepCommands() {
    }

    static Path defaultOut(String name) {
        return Path.of("lab-reports", name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    }

    static void runAndReport(Sweep sweep, Path out, PrintWriter pw) throws Exception {
        pw.printf(Locale.ROOT, "%s: %d steps, about %.0f s of load%n", sweep.title(), sweep.steps().size(),
                sweep.plannedSeconds());
        pw.flush();
        SweepResult result = SweepRunner.run(sweep, pw);
        List<Path> files = Reports.write(result, out);
        if (sweep.findings() != null) {
            for (String f : sweep.findings().apply(result)) {
                pw.println("  * " + f);
            }
        }
        pw.printf(Locale.ROOT, "done in %.1f s; report: %s%n", result.seconds(), files.get(files.size() - 1));
        pw.flush();
    }

    /** {@code lab experiment NAME}: one of the built-in experiments against an embedded Sluice. */
    @Command(name = "experiment", mixinStandardHelpOptions = true,
            description = "Run a built-in experiment: keepalive, pipelining, saturation, idle, page (or all).")
    static final class Experiment implements Callable<Integer> {
        @Parameters(paramLabel = "NAME", description = "keepalive | pipelining | saturation | idle | page | all")
        String name;

        @Option(names = "--out", description = "Report folder (default lab-reports/NAME-TIME).")
        Path out;

        @Option(names = "--scale", defaultValue = "1", description = "Stretch every step's duration by this factor.")
        double scale;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (scale <= 0 || scale > 20) {
                throw new IllegalArgumentException("scale must be in (0, 20], was " + scale);
            }
            List<String> names = name.equals("all") ? Experiments.NAMES : List.of(name);
            for (String n : names) {
                Sweep sweep = Experiments.sweep(n, scale);
                Path dir = out == null ? defaultOut(n) : names.size() == 1 ? out : out.resolve(n);
                runAndReport(sweep, dir, spec.commandLine().getOut());
            }
            return 0;
        }
    }

    /** {@code lab sweep}: vary one thing and report. */
    @Command(name = "sweep", mixinStandardHelpOptions = true,
            description = "Vary one thing over --values and write a report. Server settings (maxThreads, "
                    + "acceptQueue, queueTimeout, keepAliveTimeout) restart an embedded Sluice per step; "
                    + "connections and rate load --host/--port unless --embedded.")
    static final class SweepCommand implements Callable<Integer> {
        @Mixin
        LoadOptions load;

        @Option(names = "--vary", required = true,
                description = "connections | rate | pipeline | maxThreads | acceptQueue | queueTimeout | keepAliveTimeout")
        String vary;

        @Option(names = "--values", required = true, split = ",", description = "Comma-separated values.")
        List<String> values;

        @Option(names = "--embedded", description = "Load an embedded Sluice (implied for server settings).")
        boolean embedded;

        @Option(names = "--maxThreads", defaultValue = "200", description = "Embedded server's maxThreads.")
        int maxThreads;

        @Option(names = "--acceptQueue", defaultValue = "1000", description = "Embedded server's acceptQueue.")
        int acceptQueue;

        @Option(names = "--name", defaultValue = "sweep", description = "Report name.")
        String name;

        @Option(names = "--out", description = "Report folder (default lab-reports/NAME-TIME).")
        Path out;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            boolean serverSetting = List.of("maxThreads", "acceptQueue", "queueTimeout", "keepAliveTimeout")
                    .contains(vary);
            if (!serverSetting && !List.of("connections", "rate", "pipeline").contains(vary)) {
                throw new IllegalArgumentException("cannot vary " + vary);
            }
            boolean embeddedServer = serverSetting || embedded;
            Limits base = Limits.builder().maxThreads(maxThreads).acceptQueue(acceptQueue).build();
            RunConfig config = load.toBuilder().build();
            List<Step> steps = new ArrayList<>();
            for (String v : values) {
                steps.add(step(v, config, base, embeddedServer));
            }
            Sweep sweep = new Sweep(name, "Sweep of " + vary, "How do the results change with " + vary + "?",
                    vary, steps, embeddedServer ? new EmbeddedSluice() : null, null);
            runAndReport(sweep, out == null ? defaultOut(name) : out, spec.commandLine().getOut());
            return 0;
        }

        private Step step(String v, RunConfig config, Limits base, boolean embeddedServer) {
            Limits limits = embeddedServer ? base : null;
            return switch (vary) {
                case "connections" -> new Step("", Integer.parseInt(v), config.toBuilder()
                        .connections(Integer.parseInt(v)).build(), limits);
                case "rate" -> new Step("", Double.parseDouble(v), config.toBuilder().model(RunConfig.Model.OPEN)
                        .rate(Double.parseDouble(v)).build(), limits);
                case "pipeline" -> new Step("", Integer.parseInt(v), config.toBuilder().pipeline(Integer.parseInt(v))
                        .build(), limits);
                case "maxThreads" -> new Step("", Integer.parseInt(v), config,
                        base.toBuilder().maxThreads(Integer.parseInt(v)).build());
                case "acceptQueue" -> new Step("", Integer.parseInt(v), config,
                        base.toBuilder().acceptQueue(Integer.parseInt(v)).build());
                case "queueTimeout" -> {
                    Duration d = DurationConverter.parse(v);
                    yield new Step("", d.toMillis(), config, base.toBuilder().queueTimeout(d).build());
                }
                case "keepAliveTimeout" -> {
                    Duration d = DurationConverter.parse(v);
                    yield new Step("", d.toMillis(), config, base.toBuilder().keepAliveTimeout(d).build());
                }
                default -> throw new IllegalArgumentException("cannot vary " + vary);
            };
        }
    }
}
