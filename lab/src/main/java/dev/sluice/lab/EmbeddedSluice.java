package dev.sluice.lab;

import dev.sluice.connector.ConnectorMetrics;
import dev.sluice.connector.HttpConnector;
import dev.sluice.core.Limits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sluice in this JVM: an {@link HttpConnector} on a free loopback port serving {@link LabHandler}. Its figures
 * are read in-process from {@link HttpConnector#metrics()}, so sampling them adds no request to the counts.
 */
public final class EmbeddedSluice implements ServerFactory {
    @Override
    public Running start(Limits limits) throws IOException {
        return startOn(0, limits);
    }

    /** Starts on {@code port} (0 for any free one) of 127.0.0.1. */
    public static Running startOn(int port, Limits limits) throws IOException {
        Server s = new Server();
        s.handler = new LabHandler(s::gauges);
        s.connector = HttpConnector.builder().host("127.0.0.1").port(port).limits(limits)
                .handler(s.handler).name("lab").build();
        s.connector.start();
        return s;
    }

    private static final class Server implements Running {
        private HttpConnector connector;
        private LabHandler handler;

        @Override
        public InetSocketAddress address() {
            return connector.localAddress();
        }

        @Override
        public MetricsSource metrics() {
            return () -> {
                Map<String, Double> m = new LinkedHashMap<>();
                gauges().forEach((k, v) -> m.put(k, v.doubleValue()));
                return m;
            };
        }

        /** The figures under the names of the distribution's {@code /sluice/metrics}. */
        Map<String, Number> gauges() {
            ConnectorMetrics m = connector.metrics();
            Map<String, Number> g = new LinkedHashMap<>();
            g.put("sluice_connections_open", m.openConnections());
            g.put("sluice_connections_idle", m.idleConnections());
            g.put("sluice_workers_busy", m.busyWorkers());
            g.put("sluice_queue_depth", m.queueDepth());
            g.put("sluice_connections_accepted_total", m.accepted());
            g.put("sluice_requests_completed_total", m.completed());
            for (ConnectorMetrics.RejectReason r : ConnectorMetrics.RejectReason.values()) {
                g.put("sluice_rejected_total{reason=\"" + r.name().toLowerCase(Locale.ROOT) + "\"}", m.rejected(r));
            }
            return g;
        }

        @Override
        public Map<String, Long> counters() {
            ConnectorMetrics m = connector.metrics();
            Map<String, Long> c = new LinkedHashMap<>();
            c.put("accepted", m.accepted());
            c.put("completed", m.completed());
            c.put("handled", handler.served());
            for (ConnectorMetrics.RejectReason r : ConnectorMetrics.RejectReason.values()) {
                c.put("rejected_" + r.name().toLowerCase(Locale.ROOT), m.rejected(r));
            }
            return c;
        }

        @Override
        public void close() {
            connector.close();
        }
    }
}
