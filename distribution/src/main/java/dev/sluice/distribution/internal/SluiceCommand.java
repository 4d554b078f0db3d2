package dev.sluice.distribution.internal;

import dev.sluice.lab.LabCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The {@code sluice} command line: its subcommands and how errors become exit codes. */
@Command(name = "sluice", mixinStandardHelpOptions = true, versionProvider = VersionCommand.class,
        description = "A small, fast Jakarta Servlet container.",
        subcommands = {RunCommand.class, BackgroundCommands.Start.class, BackgroundCommands.Stop.class,
                DeployCommand.class, PasswdCommand.class, CertCommand.class, VersionCommand.class})
public final class SluiceCommand implements Runnable {
    /** Exit code of a usage or configuration error: bad flag, busy port, missing folder. */
    public static final int USAGE_ERROR = 2;

    @CommandLine.Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'sluice run'");
    }

    /** Parses and runs {@code args}; returns the process exit code. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new SluiceCommand());
        addLimitFlags(commandLine.getSubcommands().get("run").getCommandSpec());
        commandLine.addSubcommand("lab", LabCommand.commandLine());
        commandLine.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("sluice: " + e.getMessage());
            return USAGE_ERROR;
        });
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            if (e instanceof StartupException) {
                cl.getErr().println("sluice: " + e.getMessage());
                return USAGE_ERROR;
            }
            boolean lab = parsed.hasSubcommand() && parsed.subcommand().commandSpec().name().equals("lab");
            if (lab && e instanceof IllegalArgumentException) {
                cl.getErr().println("sluice lab: " + e.getMessage()); // a bad lab setting, not a bug
                return USAGE_ERROR;
            }
            throw e;
        });
        return commandLine.execute(args);
    }

    /** One {@code --<limit> VALUE} flag per limit, added from the table so the list cannot drift. */
    private static void addLimitFlags(CommandSpec run) {
        for (LimitFlags.Flag flag : LimitFlags.ALL) {
            run.addOption(OptionSpec.builder("--" + flag.key)
                    .paramLabel("VALUE")
                    .type(String.class)
                    .description(flag.description + " (default: "
                            + flag.current.apply(dev.sluice.core.Limits.DEFAULTS) + ")")
                    .build());
        }
        for (FileSetting setting : FileSetting.all()) {
            run.addOption(OptionSpec.builder("--" + setting.key()).paramLabel("VALUE").type(String.class)
                    .description(setting.help()).build());
        }
        for (ContainerFlags.Flag flag : ContainerFlags.WITH_MODULES) {
            run.addOption(OptionSpec.builder("--" + flag.key()).paramLabel("VALUE").type(String.class)
                    .description(flag.description()).build());
        }
    }
}
