package dev.sluice.maven;

import dev.sluice.core.Limits;
import dev.sluice.maven.internal.DevServer;
import dev.sluice.maven.internal.WebappFolderName;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What {@code sluice:run} and {@code sluice:start} share: where the project's webapp comes from, where it is
 * served from ({@code target/sluice/webapps/<name>}), the address, and the limits. A limit takes the same
 * values as in {@code conf/sluice.properties} ({@code 200}, {@code 30s}, {@code off}, {@code 64MiB}).
 */
abstract class AbstractSluiceMojo extends AbstractMojo {
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** The address to listen on. */
    @Parameter(property = "sluice.host", defaultValue = "0.0.0.0")
    String host;

    /** The HTTP port; 0 picks a free one. */
    @Parameter(property = "sluice.port", defaultValue = "8080")
    int port;

    /** Where the webapp is served: {@code /} or a path such as {@code /shop}. */
    @Parameter(property = "sluice.contextPath", defaultValue = "/")
    String contextPath;

    /** The web resources: HTML, JSP, {@code WEB-INF/web.xml}. */
    @Parameter(defaultValue = "${project.basedir}/src/main/webapp")
    File webappDirectory;

    /** The compiled classes, served as {@code WEB-INF/classes}. */
    @Parameter(defaultValue = "${project.build.outputDirectory}")
    File classesDirectory;

    /** The server's folder: the exploded webapp goes to {@code webapps/<name>} inside it. */
    @Parameter(defaultValue = "${project.build.directory}/sluice")
    File serverDirectory;

    /** Worker pool size (default 200). */
    @Parameter(property = "sluice.maxThreads")
    String maxThreads;

    /** Requests waiting for a worker; past it, 503 (default 1000). */
    @Parameter(property = "sluice.acceptQueue")
    String acceptQueue;

    /** Longest wait in the queue before a 503, such as {@code 5s} (default off). */
    @Parameter(property = "sluice.queueTimeout")
    String queueTimeout;

    /** Open connections (default 10000). */
    @Parameter(property = "sluice.maxConnections")
    String maxConnections;

    /** Any other limit by its {@code conf/sluice.properties} name, such as {@code <keepAliveTimeout>5s</...>}. */
    @Parameter
    Map<String, String> limits;

    /** Skips the goal (for example {@code -Dsluice.skip} to build without the integration tests' server). */
    @Parameter(property = "sluice.skip", defaultValue = "false")
    boolean skip;

    /** Lays out the exploded webapp and starts the server; hot deploy redeploys changes when not null. */
    final DevServer startServer(Duration hotDeploy) throws MojoExecutionException {
        String folder;
        try {
            folder = WebappFolderName.of(contextPath);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        DevServer.WebappSources sources = new DevServer.WebappSources(webappDirectory.toPath(),
                classesDirectory.toPath(), runtimeJars());
        try {
            return DevServer.start(serverDirectory.toPath(), folder, sources, host, port, limits(), hotDeploy);
        } catch (IOException e) {
            throw new MojoExecutionException("Sluice could not start on " + host + ":" + port + ": " + e.getMessage(),
                    e);
        }
    }

    /** The URL of the webapp, for the log and for the tests of the build. */
    final String url(DevServer server) {
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        String path = contextPath == null || contextPath.trim().equals("/") ? "" : contextPath.trim();
        return "http://" + shown + ":" + server.port() + path;
    }

    /** The limits of the parameters, parsed as the launcher parses conf/sluice.properties. */
    final Limits limits() throws MojoExecutionException {
        Properties p = new Properties();
        if (limits != null) {
            TreeSet<String> unknown = new TreeSet<>(limits.keySet());
            unknown.removeAll(Limits.propertyKeys());
            if (!unknown.isEmpty()) {
                throw new MojoExecutionException("Unknown limit " + String.join(", ", unknown) + "; known: "
                        + String.join(", ", new TreeSet<>(Limits.propertyKeys())));
            }
            limits.forEach((k, v) -> p.setProperty(k, v == null ? "" : v.trim()));
        }
        put(p, "maxThreads", maxThreads);
        put(p, "acceptQueue", acceptQueue);
        put(p, "queueTimeout", queueTimeout);
        put(p, "maxConnections", maxConnections);
        try {
            return Limits.fromProperties(p, Limits.DEFAULTS);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Bad limit: " + e.getMessage(), e);
        }
    }

    private static void put(Properties p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.setProperty(key, value.trim());
        }
    }

    /** The project's compile and runtime jars, for WEB-INF/lib (provided and test scope stay out, as in a WAR). */
    private List<Path> runtimeJars() {
        List<Path> jars = new ArrayList<>();
        for (Artifact a : project.getArtifacts()) {
            boolean runtime = Artifact.SCOPE_COMPILE.equals(a.getScope()) || Artifact.SCOPE_RUNTIME.equals(a.getScope());
            if (runtime && a.getFile() != null && a.getArtifactHandler().isAddedToClasspath()) {
                jars.add(a.getFile().toPath());
            }
        }
        return jars;
    }
}
