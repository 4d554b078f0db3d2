package dev.sluice.distribution.internal;

import dev.sluice.servlet.internal.files.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sluice deploy PATH}: copies a webapp folder or {@code .war} into the webapps folder, where hot deploy (or
 * the next start) picks it up. The copy is made under a hidden name and renamed, so a running server never sees
 * half of it.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Copy a webapp folder or .war into the webapps folder.")
final class DeployCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PATH", description = "An exploded webapp folder or a .war file")
    private Path source;

    @Option(names = "--webapps", paramLabel = "DIR", description = "Target folder (default: from the config)")
    private String webapps;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file")
    private String config;

    @Override
    public Integer call() throws IOException {
        Properties flags = new Properties();
        if (webapps != null) {
            flags.setProperty("webapps", webapps);
        }
        Path target = ServerSettings.resolve(config, flags).webapps();
        Path from = source.toAbsolutePath().normalize();
        boolean war = from.getFileName().toString().endsWith(".war") && Files.isRegularFile(from);
        if (!war && !Files.isDirectory(from)) {
            throw new StartupException("not a webapp folder or .war: " + source);
        }
        Path destination = target.resolve(from.getFileName().toString());
        Path staging = target.resolve("." + from.getFileName() + ".deploying");
        FileTrees.delete(staging);
        if (war) {
            Files.copy(from, staging, StandardCopyOption.REPLACE_EXISTING);
        } else {
            FileTrees.copy(from, staging);
        }
        FileTrees.delete(destination);
        Files.move(staging, destination, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("Deployed " + from.getFileName() + " to " + destination);
        return 0;
    }
}
