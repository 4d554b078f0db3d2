package dev.sluice.samples.it;

import dev.sluice.connector.HttpConnector;
import dev.sluice.connector.ConnectorMetrics;
import dev.sluice.core.Handler;
import dev.sluice.core.Limits;
import dev.sluice.servlet.Realm;
import dev.sluice.servlet.ServletContainer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Semaphore;

/**
 * A real Sluice on a free loopback port: the connector in front of the servlet container, with the named
 * samples deployed from the exploded folders their modules built. Counts how often the container's
 * {@link Handler#handle} returned, so a test can tell when a worker thread was given back.
 */
final class SampleServer implements AutoCloseable {
    private final ServletContainer container;
    private final Semaphore handlerReturns = new Semaphore(0);
    private final HttpConnector connector;

    private SampleServer(Limits limits, Realm realm) {
        container = ServletContainer.builder().realm(realm).build();
        Handler counting = (request, response) -> {
            try {
                container.handle(request, response);
            } finally {
                handlerReturns.release();
            }
        };
        connector = HttpConnector.builder().host("127.0.0.1").port(0).limits(limits).handler(counting).build();
    }

    static SampleServer start(String... samples) throws IOException {
        return start(Limits.DEFAULTS, samples);
    }

    static SampleServer start(Limits limits, String... samples) throws IOException {
        return start(limits, null, samples);
    }

    /** With the users and roles of {@code realm} for the samples' login. */
    static SampleServer start(Limits limits, Realm realm, String... samples) throws IOException {
        SampleServer server = new SampleServer(limits, realm);
        try {
            for (String sample : samples) {
                server.container.deploy(exploded(sample));
            }
            server.connector.start();
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** The folder {@code samples/<name>/target/<name>} that {@code mvn package} laid out for a sample. */
    static Path exploded(String sample) {
        Path samplesDir = Path.of(System.getProperty("samples.dir", ".."));
        Path folder = samplesDir.resolve(sample).resolve("target").resolve(sample).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder.resolve("WEB-INF"))) {
            throw new IllegalStateException("no exploded webapp at " + folder + "; run mvn package on samples/" + sample);
        }
        return folder;
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    int port() {
        return connector.localAddress().getPort();
    }

    ConnectorMetrics metrics() {
        return connector.metrics();
    }

    /** Released once each time the container's handler returns to the connector (its worker is free again). */
    Semaphore handlerReturns() {
        return handlerReturns;
    }

    @Override
    public void close() {
        connector.close();
        container.close();
    }
}
