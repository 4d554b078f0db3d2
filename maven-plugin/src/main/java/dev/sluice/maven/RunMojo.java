package dev.sluice.maven;

import dev.sluice.maven.internal.DevServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code mvn sluice:run}: compiles the project, lays out its exploded webapp in {@code target/sluice/webapps/}
 * and serves it until Ctrl-C. Every {@code scanIntervalSeconds} it copies what changed in
 * {@code target/classes}, the dependencies and {@code src/main/webapp} into that folder, once two scans in a row
 * saw the same files (a compile in progress is not copied half way); a changed
 * {@code WEB-INF} (classes recompiled by the IDE or {@code mvn compile}, {@code web.xml}) makes the server
 * redeploy the webapp, and a changed page is served at once.
 */
@Mojo(name = "run", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
@Execute(phase = LifecyclePhase.PROCESS_CLASSES)
public final class RunMojo extends AbstractSluiceMojo {
    /** How often the project is compared with the served webapp, and the server looks for a changed WEB-INF. */
    @Parameter(property = "sluice.scanIntervalSeconds", defaultValue = "1")
    int scanIntervalSeconds;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipped (sluice.skip)");
            return;
        }
        if (scanIntervalSeconds < 1) {
            throw new MojoExecutionException("scanIntervalSeconds must be at least 1: " + scanIntervalSeconds);
        }
        Duration scan = Duration.ofSeconds(scanIntervalSeconds);
        DevServer server = startServer(scan);
        // Ctrl-C ends Maven's JVM: stop gracefully on the way out, as bin/sluice does on SIGTERM.
        Thread stopper = new Thread(server::close, "sluice-maven-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        getLog().info("Sluice serving " + url(server) + "/ from " + server.webappFolder() + " (Ctrl-C stops)");
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(scan.toMillis());
                report(server.syncWhenSettled());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new MojoExecutionException("Could not copy the webapp: " + e.getMessage(), e);
        } finally {
            server.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing to remove
            }
        }
    }

    private void report(List<String> changed) {
        if (changed.isEmpty()) {
            return;
        }
        boolean redeploy = changed.stream().anyMatch(p -> p.startsWith("WEB-INF/"));
        getLog().info(changed.size() + " file(s) changed, first " + changed.get(0)
                + (redeploy ? "; WEB-INF changed, so the webapp is redeployed"
                : ""));
    }
}
