package dev.sluice.bench;

import dev.sluice.connector.HttpConnector;
import dev.sluice.core.Handler;
import dev.sluice.core.Limits;
import dev.sluice.core.Request;
import dev.sluice.core.Response;
import dev.sluice.core.Status;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Sluice's connector with a plain core {@link Handler} (no servlet layer) answering the same bytes as
 * {@link HelloWorldServlet} at {@code /hello} and {@code /slow}: the connector's own cost. Runs until killed.
 * Usage: {@code SluiceMain --port=N [--threads=N] [--queue=N] ...} (see {@link ServerOptions}).
 */
public final class SluiceMain {
    private SluiceMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerOptions options = ServerOptions.parse(args);
        HttpConnector connector = HttpConnector.builder()
                .host(options.host())
                .port(options.port())
                .limits(limits(options))
                .handler(new HelloHandler(options.slowMs()))
                .build();
        connector.start();
        System.out.println(options.readyLine("sluice"));
        new CountDownLatch(1).await();
    }

    /** Sluice's limits from the shared options; everything not named keeps Sluice's default. */
    static Limits limits(ServerOptions options) {
        Limits.Builder limits = Limits.DEFAULTS.toBuilder().maxThreads(options.threads());
        if (options.boundedQueue()) {
            limits.acceptQueue(options.queue());
        }
        if (options.idleTimeoutMs() > 0) {
            limits.keepAliveTimeout(Duration.ofMillis(options.idleTimeoutMs()));
        }
        if (options.maxConnections() > 0) {
            limits.maxConnections(options.maxConnections());
        }
        return limits.build();
    }

    /** The servlet's behaviour, written against the core model. */
    public static final class HelloHandler implements Handler {
        private final long slowMillis;

        public HelloHandler(long slowMillis) {
            this.slowMillis = slowMillis;
        }

        @Override
        public void handle(Request request, Response response) throws Exception {
            String path = request.head().path();
            if ("/slow".equals(path)) {
                Thread.sleep(slowMillis);
            } else if (!"/hello".equals(path)) {
                response.setStatus(Status.NOT_FOUND);
                response.headers().set("Content-Length", "0");
                return;
            }
            response.headers().set("Content-Type", "text/plain");
            response.headers().set("Content-Length", Integer.toString(HelloWorldServlet.BODY.length));
            try (OutputStream body = response.body()) {
                body.write(HelloWorldServlet.BODY);
            }
        }
    }
}
