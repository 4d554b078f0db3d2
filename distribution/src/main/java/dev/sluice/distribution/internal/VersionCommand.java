package dev.sluice.distribution.internal;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sluice version}: prints the version from the jar's manifest. */
@Command(name = "version", description = "Print the version and exit.")
final class VersionCommand implements Runnable, CommandLine.IVersionProvider {
    @Override
    public void run() {
        System.out.println("Sluice " + version());
    }

    @Override
    public String[] getVersion() {
        return new String[] {"Sluice " + version()};
    }

    static String version() {
        String v = VersionCommand.class.getPackage().getImplementationVersion();
        return v != null ? v : "development";
    }
}
