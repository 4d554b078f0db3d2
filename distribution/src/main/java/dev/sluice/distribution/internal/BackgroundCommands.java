package dev.sluice.distribution.internal;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code start} and {@code stop}: the shell script {@code bin/sluice} runs them itself, because they manage a
 * background process (PID file, waiting for the drain) that the JVM cannot manage from inside. They exist here
 * so that {@code sluice --help} lists every command, and so that reaching the JVM with one says where it lives.
 */
final class BackgroundCommands {
    private BackgroundCommands() {
    }

    @Command(name = "start", header = "Serve in the background: PID in logs/sluice.pid (bin/sluice).",
            description = "Run the server in the background, output appended to logs/console.out; takes the"
                    + " flags of 'run'. Handled by the bin/sluice script.")
    static final class Start implements Runnable {
        @Spec
        private CommandSpec spec;

        @CommandLine.Unmatched
        private String[] flags;

        @Override
        public void run() {
            throw scriptOnly(spec);
        }
    }

    @Command(name = "stop", header = "Stop the background server and wait for its drain (bin/sluice).",
            description = "Send SIGTERM to the server started by 'start' and wait for its graceful drain."
                    + " Handled by the bin/sluice script.")
    static final class Stop implements Runnable {
        @Spec
        private CommandSpec spec;

        @Override
        public void run() {
            throw scriptOnly(spec);
        }
    }

    private static CommandLine.ParameterException scriptOnly(CommandSpec spec) {
        String name = spec.name();
        return new CommandLine.ParameterException(spec.commandLine(), "'" + name
                + "' runs from bin/sluice (it manages the background process): bin/sluice " + name);
    }
}
