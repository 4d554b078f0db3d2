package dev.sluice.maven;

import dev.sluice.maven.internal.DevServer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code sluice:start}, bound to {@code pre-integration-test}: serves the project's webapp in the background for
 * the integration tests and returns. Sets the project properties {@code sluice.localPort} (the bound port, useful
 * with {@code <port>0</port>}) and {@code sluice.url}, which later plugins read, such as failsafe's
 * {@code <systemPropertyVariables><sluice.url>${sluice.url}</sluice.url>}. {@code sluice:stop} stops it.
 */
@Mojo(name = "start", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST,
        requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public final class StartMojo extends AbstractSluiceMojo {
    /** Where the started server waits for sluice:stop: the plugin context, shared by this plugin's goals. */
    static final String SERVER_KEY = "dev.sluice.maven.server";

    @Override
    @SuppressWarnings("unchecked")
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipped (sluice.skip)");
            return;
        }
        if (getPluginContext().get(SERVER_KEY) != null) {
            throw new MojoExecutionException("sluice:start already started a server in this project; "
                    + "bind sluice:stop before starting another");
        }
        DevServer server = startServer(null);
        getPluginContext().put(SERVER_KEY, server);
        String url = url(server);
        project.getProperties().setProperty("sluice.localPort", Integer.toString(server.port()));
        project.getProperties().setProperty("sluice.url", url);
        getLog().info("Sluice serving " + url + "/ from " + server.webappFolder() + " until sluice:stop");
    }
}
