package dev.sluice.distribution;

import dev.sluice.connector.HttpConnector;
import dev.sluice.core.Limits;
import dev.sluice.servlet.ServletContainer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A whole Sluice server: the servlet container with its webapps behind one connector. What {@code bin/sluice run}
 * starts, and what a program or test embeds.
 */
public final class SluiceServer implements AutoCloseable {
    private final ServletContainer container;
    private final HttpConnector connector;
    private final Path webapps;

    private SluiceServer(String host, int port, Limits limits, Path webapps) {
        this.webapps = webapps;
        this.container = new ServletContainer();
        this.connector = HttpConnector.builder()
                .host(host)
                .port(port)
                .limits(limits)
                .handler(container)
                .build();
    }

    /**
     * Deploys every webapp in {@code webapps} (null for none), then binds and starts serving.
     *
     * @throws IOException when the address cannot be bound
     */
    public static SluiceServer start(String host, int port, Limits limits, Path webapps) throws IOException {
        SluiceServer server = new SluiceServer(Objects.requireNonNull(host, "host"), port,
                Objects.requireNonNull(limits, "limits"), webapps);
        try {
            if (webapps != null) {
                server.container.deployAll(webapps);
            }
            server.connector.start();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** The bound address. */
    public InetSocketAddress localAddress() {
        return connector.localAddress();
    }

    public ServletContainer container() {
        return container;
    }

    public HttpConnector connector() {
        return connector;
    }

    /** The folder webapps were deployed from, or null. */
    public Path webapps() {
        return webapps;
    }

    /** Stops gracefully: the connector drains requests in flight, then every webapp is undeployed. */
    @Override
    public void close() {
        try {
            connector.close();
        } finally {
            container.close();
        }
    }
}
