package dev.sluice.distribution.internal.status;

import dev.sluice.connector.ConnectorMetrics;
import dev.sluice.connector.HttpConnector;
import dev.sluice.core.Limits;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/** Takes {@link ServerFigures} snapshots from a running connector and the per-webapp counters. */
public final class FiguresSource implements Supplier<ServerFigures> {
    private final HttpConnector connector;
    private final WebappCounters webapps;
    private final Supplier<Map<String, Long>> modules;
    private final long startedMillis = System.currentTimeMillis();

    public FiguresSource(HttpConnector connector, WebappCounters webapps) {
        this(connector, webapps, Map::of);
    }

    /** @param modules the container modules' figures (open WebSockets), read with every snapshot */
    public FiguresSource(HttpConnector connector, WebappCounters webapps, Supplier<Map<String, Long>> modules) {
        this.connector = connector;
        this.webapps = webapps;
        this.modules = modules;
    }

    @Override
    public ServerFigures get() {
        ConnectorMetrics m = connector.metrics();
        Limits limits = connector.limits();
        Map<String, Long> rejected = new LinkedHashMap<>();
        for (ConnectorMetrics.RejectReason reason : ConnectorMetrics.RejectReason.values()) {
            rejected.put(reason.name().toLowerCase(Locale.ROOT), m.rejected(reason));
        }
        return new ServerFigures(System.currentTimeMillis() - startedMillis, m.openConnections(),
                m.idleConnections(), limits.maxConnections(), m.busyWorkers(), limits.maxThreads(),
                m.queueDepth(), limits.acceptQueue(), m.accepted(), m.completed(), m.bytesIn(), m.bytesOut(),
                rejected, latency(m.queueTimeMicros()), latency(m.serviceTimeMicros()), webapps.snapshot(),
                connector.httpsAddress() == null ? Map.of() : tlsHandshakes(m),
                withHttp2(m, modules.get()), m.tlsNegotiated());
    }

    /** HTTP/2 figures beside the modules' (status page rows, /metrics gauges, JSON "modules"). */
    private static Map<String, Long> withHttp2(ConnectorMetrics m, Map<String, Long> modules) {
        Map<String, Long> all = new LinkedHashMap<>();
        all.put("http2_connections_open", (long) m.http2Connections());
        all.put("http2_streams_active", (long) m.activeStreams());
        all.put("http2_streams_total", m.http2Streams());
        all.put("http2_streams_refused", m.refusedStreams());
        all.putAll(modules);
        return all;
    }

    private static Map<String, Long> tlsHandshakes(ConnectorMetrics m) {
        Map<String, Long> tls = new LinkedHashMap<>();
        tls.put("in_progress", (long) m.tlsHandshaking());
        tls.put("completed", m.tlsHandshakesCompleted());
        tls.put("resumed", m.tlsSessionsResumed());
        tls.put("failed", m.tlsHandshakesFailed());
        tls.put("timed_out", m.tlsHandshakeTimeouts());
        tls.put("refused", m.tlsHandshakesRefused());
        tls.put("plaintext_refused", m.tlsPlaintextRefused());
        return tls;
    }

    /** Percentiles in milliseconds of a histogram recorded in microseconds. */
    static ServerFigures.Latency latency(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return ServerFigures.Latency.NONE;
        }
        return new ServerFigures.Latency(micros.getTotalCount(), ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)),
                ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()));
    }

    private static double ms(long micros) {
        return Math.round(micros / 10.0) / 100.0;
    }
}
