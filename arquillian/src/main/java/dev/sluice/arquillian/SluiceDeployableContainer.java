package dev.sluice.arquillian;

import dev.sluice.connector.HttpConnector;
import dev.sluice.servlet.ServletContainer;
import dev.sluice.servlet.internal.files.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.client.protocol.metadata.Servlet;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.ArchiveAsset;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;

/**
 * Runs Sluice in the test's JVM. A deployment is written out as an exploded folder (nested archives such as
 * WEB-INF/lib jars stay jar files, as in a real .war) and deployed at {@code /<archive name without .war>},
 * {@code ROOT.war} at the root. With an HTTPS listener ({@code bindHttpsPort}) the deployment's URL names it
 * ({@code https://host:port/context/}) unless {@code urlScheme} is {@code http}.
 */
public class SluiceDeployableContainer implements DeployableContainer<SluiceContainerConfiguration> {
    private SluiceContainerConfiguration configuration;
    private ServletContainer servlets;
    private HttpConnector connector;
    private Path workDir;
    /** Archive name to what its deployment made: the adapter chooses the context path, undeploy must reuse it. */
    private final Map<String, Deployed> deployed = new HashMap<>();

    private record Deployed(Path folder, String contextPath) {
    }

    @Override
    public Class<SluiceContainerConfiguration> getConfigurationClass() {
        return SluiceContainerConfiguration.class;
    }

    @Override
    public void setup(SluiceContainerConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void start() throws LifecycleException {
        try {
            workDir = Files.createTempDirectory("sluice-arquillian");
            HttpsSettings https = configuration.toHttps();
            servlets = configuration.toServletContainer()
                    // CONFIDENTIAL over plain HTTP redirects to the HTTPS listener, once it is bound
                    .redirectPort(() -> connector == null || connector.httpsAddress() == null
                            ? 0 : connector.httpsAddress().getPort())
                    .build();
            HttpConnector.Builder builder = HttpConnector.builder()
                    .host(configuration.getBindAddress())
                    .port(configuration.getBindHttpPort())
                    .limits(configuration.toLimits())
                    .handler(servlets);
            if (https != null) {
                builder.https(https.port(), https.toTlsConfig());
            }
            connector = builder.build();
            connector.start();
        } catch (IOException | RuntimeException e) {
            throw new LifecycleException("Cannot start Sluice: " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() throws LifecycleException {
        try {
            if (connector != null) {
                connector.close();
            }
            if (servlets != null) {
                servlets.close();
            }
            if (workDir != null) {
                FileTrees.delete(workDir);
            }
        } catch (IOException e) {
            throw new LifecycleException("Cannot clean " + workDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Servlet 5.0");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        String name = archive.getName().replaceFirst("\\.war$", "");
        Path folder = workDir.resolve(name.equals("ROOT") ? "ROOT" : name);
        try {
            FileTrees.delete(folder);
            explode(archive, folder);
            String contextPath = servlets.deploy(folder);
            deployed.put(archive.getName(), new Deployed(folder, contextPath));
            boolean secure = configuration.urlsNameHttps();
            InetSocketAddress listener = secure ? connector.httpsAddress() : connector.localAddress();
            String host = listener.getAddress().isAnyLocalAddress()
                    ? "127.0.0.1" : listener.getAddress().getHostAddress();
            HTTPContext http = new HTTPContext(host, listener.getPort(), secure);
            String root = contextPath.isEmpty() ? "/" : contextPath;
            http.add(new Servlet("default", root));
            return new ProtocolMetaData().addContext(http);
        } catch (IOException | RuntimeException e) {
            throw new DeploymentException("Cannot deploy " + archive.getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void undeploy(Archive<?> archive) throws DeploymentException {
        Deployed app = deployed.remove(archive.getName());
        if (app == null) {
            return;
        }
        servlets.undeploy(app.contextPath());
        try {
            FileTrees.delete(app.folder());
        } catch (IOException e) {
            throw new DeploymentException("Cannot remove " + app.folder() + ": " + e.getMessage(), e);
        }
    }

    /** Writes every entry of {@code archive} under {@code folder}; nested archives become .jar files. */
    static void explode(Archive<?> archive, Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<ArchivePath, Node> entry : archive.getContent().entrySet()) {
            String relative = entry.getKey().get().replaceFirst("^/", "");
            Path target = folder.resolve(relative).normalize();
            if (!target.startsWith(folder)) {
                throw new IOException("entry escapes the deployment folder: " + entry.getKey().get());
            }
            Asset asset = entry.getValue().getAsset();
            if (asset == null) {
                Files.createDirectories(target);
                continue;
            }
            Files.createDirectories(target.getParent());
            if (asset instanceof ArchiveAsset) {
                ((ArchiveAsset) asset).getArchive().as(ZipExporter.class).exportTo(target.toFile(), true);
                continue;
            }
            try (InputStream in = asset.openStream(); OutputStream out = Files.newOutputStream(target)) {
                in.transferTo(out);
            }
        }
    }
}
