package dev.sluice.lab;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code sluice lab}: the limits lab. Subcommands run one load run, a sweep, or one of the built-in
 * experiments. The launcher adds this as a subcommand; {@link #main} runs it alone.
 */
@Command(name = "lab", mixinStandardHelpOptions = true,
        description = "Measure, plot and explain connection limits.",
        subcommands = {LabCommand.Run.class, SweepCommands.SweepCommand.class,
                SweepCommands.Experiment.class, ServeCommand.class})
public final class LabCommand implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with a handler that reports bad settings in one line instead of a stack trace. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LabCommand());
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof IllegalArgumentException) {
                line.getErr().println("lab: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cl;
    }

    /** {@code lab run}: one load run, summary on standard output. */
    @Command(name = "run", mixinStandardHelpOptions = true, description = "One load run against a target.")
    static final class Run implements Callable<Integer> {
        @Mixin
        LoadOptions load;

        @CommandLine.Option(names = "--per-second", description = "Print each second as it ends.")
        boolean perSecond;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            RunConfig config = load.toBuilder().build();
            RunResult r = LoadGenerator.run(config, perSecond ? i -> {
                out.printf(java.util.Locale.ROOT, "  s%-3d %8.1f resp/s  p50 %7.2f ms  p99 %7.2f ms  %s%n",
                        i.second(), i.responsesPerSecond(), i.p50Millis(), i.p99Millis(), i.counts());
                out.flush();
            } : null);
            out.println(r.summary());
            out.flush();
            return 0;
        }
    }
}
