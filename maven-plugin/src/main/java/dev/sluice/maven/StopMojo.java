package dev.sluice.maven;

import dev.sluice.maven.internal.DevServer;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code sluice:stop}, bound to {@code post-integration-test}: gracefully stops the server {@code sluice:start}
 * started in this project (requests in flight finish). Without one it says so and does nothing.
 */
@Mojo(name = "stop", defaultPhase = LifecyclePhase.POST_INTEGRATION_TEST, threadSafe = true)
public final class StopMojo extends AbstractMojo {
    /** Skips the goal, with the same switch as sluice:start. */
    @Parameter(property = "sluice.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() {
        if (skip) {
            getLog().info("Skipped (sluice.skip)");
            return;
        }
        DevServer server = (DevServer) getPluginContext().remove(StartMojo.SERVER_KEY);
        if (server == null) {
            getLog().warn("No server to stop: sluice:start did not run in this project");
            return;
        }
        server.close();
        getLog().info("Sluice stopped");
    }
}
