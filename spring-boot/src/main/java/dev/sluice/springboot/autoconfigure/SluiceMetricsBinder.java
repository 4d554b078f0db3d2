package dev.sluice.springboot.autoconfigure;

import dev.sluice.connector.ConnectorMetrics;
import dev.sluice.connector.HttpConnector;
import dev.sluice.springboot.SluiceWebServer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Sluice's live figures as Micrometer meters once the web server has started (Boot's Tomcat metrics are bound
 * the same way): {@code sluice.connections.open} and {@code .idle}, {@code sluice.workers.busy} and {@code .max},
 * {@code sluice.queue.depth} and {@code .max}, and the counters {@code sluice.requests.completed} and
 * {@code sluice.requests.rejected} (tag {@code reason}: the connector's own 503s). Each reading takes a fresh
 * snapshot of the running connector; while it is stopped they read 0.
 */
final class SluiceMetricsBinder implements ApplicationListener<WebServerInitializedEvent> {
    private final ObjectProvider<MeterRegistry> registries;

    SluiceMetricsBinder(ObjectProvider<MeterRegistry> registries) {
        this.registries = registries;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        MeterRegistry registry = registries.getIfUnique();
        if (registry == null || !(event.getWebServer() instanceof SluiceWebServer server)) {
            return;
        }
        gauge(registry, server, "sluice.connections.open", "Open connections", ConnectorMetrics::openConnections);
        gauge(registry, server, "sluice.connections.idle", "Keep-alive connections waiting for a request",
                ConnectorMetrics::idleConnections);
        gauge(registry, server, "sluice.workers.busy", "Worker threads running a request",
                ConnectorMetrics::busyWorkers);
        gauge(registry, server, "sluice.queue.depth", "Requests waiting for a worker", ConnectorMetrics::queueDepth);
        Gauge.builder("sluice.workers.max", server, s -> limit(s, true)).description("maxThreads")
                .register(registry);
        Gauge.builder("sluice.queue.max", server, s -> limit(s, false)).description("acceptQueue")
                .register(registry);
        FunctionCounter.builder("sluice.requests.completed", server, s -> read(s, ConnectorMetrics::completed))
                .description("Requests answered").register(registry);
        for (ConnectorMetrics.RejectReason reason : ConnectorMetrics.RejectReason.values()) {
            FunctionCounter.builder("sluice.requests.rejected", server, s -> read(s, m -> m.rejected(reason)))
                    .tag("reason", reason.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Requests the connector answered 503 itself").register(registry);
        }
    }

    private static void gauge(MeterRegistry registry, SluiceWebServer server, String name, String description,
                              ToDoubleFunction<ConnectorMetrics> figure) {
        Gauge.builder(name, server, s -> read(s, figure)).description(description).register(registry);
    }

    private static double read(SluiceWebServer server, ToDoubleFunction<ConnectorMetrics> figure) {
        HttpConnector c = server.getConnector();
        return c == null ? 0 : figure.applyAsDouble(c.metrics());
    }

    private static double limit(SluiceWebServer server, boolean threads) {
        HttpConnector c = server.getConnector();
        return c == null ? 0 : threads ? c.limits().maxThreads() : c.limits().acceptQueue();
    }
}
