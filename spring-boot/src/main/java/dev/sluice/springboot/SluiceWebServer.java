package dev.sluice.springboot;

import dev.sluice.connector.HttpConnector;
import dev.sluice.servlet.ServletContainer;
import java.io.IOException;
import java.time.Duration;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.web.server.GracefulShutdownCallback;
import org.springframework.boot.web.server.GracefulShutdownResult;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.WebServerException;

/**
 * A running (or startable) Sluice server under Spring Boot's control. The webapp is deployed when this is
 * created; {@link #start()} builds a connector and binds its port, {@link #stop()} closes it (so the server can
 * be started again, as Boot's lifecycle may), {@link #destroy()} also undeploys the webapp.
 *
 * <p>Graceful shutdown ({@code server.shutdown=graceful}) is the connector's own drain: the port is closed, a new
 * request on an open connection is answered 503 with {@code Connection: close}, and requests in flight get up to
 * the {@code drainTimeout} limit to finish. Thread-safe: Boot starts and stops it from its lifecycle thread, and
 * the graceful drain runs on a thread of its own.
 */
public final class SluiceWebServer implements WebServer {
    private static final Log LOG = LogFactory.getLog(SluiceWebServer.class);

    /** Builds a new, unstarted connector for each start. */
    @FunctionalInterface
    interface ConnectorFactory {
        HttpConnector create();
    }

    private final Object monitor = new Object();
    private final ServletContainer container;
    private final ConnectorFactory connectors;
    private final boolean https;
    private final boolean graceful;
    private final Duration drainTimeout;
    private final String contextPath;
    private final int configuredPort;
    private volatile HttpConnector connector;

    SluiceWebServer(ServletContainer container, ConnectorFactory connectors, boolean https, boolean graceful,
                    Duration drainTimeout, String contextPath, int configuredPort) {
        this.container = container;
        this.connectors = connectors;
        this.https = https;
        this.graceful = graceful;
        this.drainTimeout = drainTimeout;
        this.contextPath = contextPath;
        this.configuredPort = configuredPort;
    }

    @Override
    public void start() throws WebServerException {
        synchronized (monitor) {
            if (connector != null) {
                return;
            }
            HttpConnector c = connectors.create();
            try {
                c.start();
            } catch (IOException e) {
                PortInUseException.throwIfPortBindingException(e, () -> configuredPort);
                throw new WebServerException("Unable to start Sluice: " + e.getMessage(), e);
            }
            connector = c;
            LOG.info("Sluice started on port " + getPort() + (https ? " (https)" : " (http)")
                    + " with context path '" + (contextPath.isEmpty() ? "/" : contextPath) + "'");
        }
    }

    @Override
    public void stop() throws WebServerException {
        HttpConnector c;
        synchronized (monitor) {
            c = connector;
            connector = null;
        }
        if (c != null) {
            // After a graceful drain this returns at once; otherwise it waits out the drain (zero when immediate).
            c.close();
        }
    }

    @Override
    public void destroy() {
        stop();
        container.close();
    }

    /** The bound port (the HTTPS one with server.ssl), or -1 when not started. */
    @Override
    public int getPort() {
        HttpConnector c = connector;
        if (c == null) {
            return -1;
        }
        return https ? c.httpsAddress().getPort() : c.localAddress().getPort();
    }

    /**
     * Closes the port and drains on a new thread, then tells {@code callback}: {@code IDLE} when every request
     * finished, {@code REQUESTS_ACTIVE} when the drain timeout ran out first, {@code IMMEDIATE} when graceful
     * shutdown is off.
     */
    @Override
    public void shutDownGracefully(GracefulShutdownCallback callback) {
        HttpConnector c = connector;
        if (!graceful || c == null) {
            callback.shutdownComplete(graceful ? GracefulShutdownResult.IDLE : GracefulShutdownResult.IMMEDIATE);
            return;
        }
        LOG.info("Commencing graceful shutdown. Waiting up to " + drainTimeout.toSeconds()
                + " s for active requests to complete");
        Thread t = new Thread(() -> {
            long start = System.nanoTime();
            c.close();
            // The drain ends early only when nothing is in flight, so having used all of it means requests remained.
            boolean timedOut = System.nanoTime() - start >= drainTimeout.toNanos() && !drainTimeout.isZero();
            LOG.info(timedOut ? "Graceful shutdown aborted with requests still active" : "Graceful shutdown complete");
            callback.shutdownComplete(timedOut ? GracefulShutdownResult.REQUESTS_ACTIVE
                    : GracefulShutdownResult.IDLE);
        }, "sluice-shutdown");
        t.start();
    }

    /** The servlet container, for tests and customizations that need its figures. */
    public ServletContainer getContainer() {
        return container;
    }

    /** The connector while started, else null; its metrics are the server's live figures. */
    public HttpConnector getConnector() {
        return connector;
    }
}
