package dev.sluice.distribution.internal.status;

import java.util.Locale;
import java.util.Map;

/**
 * Renders {@link ServerFigures} as Prometheus text exposition format 0.0.4 and as JSON. Both are written by hand:
 * a few dozen numbers do not justify a metrics library in the server's runtime.
 */
public final class MetricsText {
    public static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    public static final String JSON_TYPE = "application/json";

    private MetricsText() {
    }

    public static String prometheus(ServerFigures f) {
        StringBuilder sb = new StringBuilder(2048);
        gauge(sb, "sluice_connections_open", "Open connections", f.openConnections);
        gauge(sb, "sluice_connections_idle", "Open connections waiting for a request", f.idleConnections);
        gauge(sb, "sluice_connections_max", "maxConnections", f.maxConnections);
        gauge(sb, "sluice_workers_busy", "Workers running a request", f.busyWorkers);
        gauge(sb, "sluice_workers_max", "maxThreads", f.maxThreads);
        gauge(sb, "sluice_queue_depth", "Requests waiting for a worker", f.queueDepth);
        gauge(sb, "sluice_queue_max", "acceptQueue", f.acceptQueue);
        counter(sb, "sluice_connections_accepted_total", "Connections accepted", f.accepted);
        counter(sb, "sluice_requests_completed_total", "Requests completed", f.completed);
        counter(sb, "sluice_bytes_received_total", "Bytes read from clients", f.bytesIn);
        counter(sb, "sluice_bytes_sent_total", "Bytes written to clients", f.bytesOut);
        header(sb, "sluice_rejected_total", "503 answers sent by the connector itself, by reason", "counter");
        for (Map.Entry<String, Long> e : f.rejected.entrySet()) {
            sb.append("sluice_rejected_total{reason=\"").append(e.getKey()).append("\"} ").append(e.getValue())
                    .append('\n');
        }
        if (!f.tlsHandshakes.isEmpty()) {
            header(sb, "sluice_tls_handshakes", "TLS handshakes: in progress now, and how they ended", "gauge");
            for (Map.Entry<String, Long> e : f.tlsHandshakes.entrySet()) {
                sb.append("sluice_tls_handshakes{state=\"").append(e.getKey()).append("\"} ").append(e.getValue())
                        .append('\n');
            }
        }
        if (!f.tlsNegotiated.isEmpty()) {
            header(sb, "sluice_tls_negotiated_total", "Completed TLS handshakes by protocol and cipher suite",
                    "counter");
            for (Map.Entry<String, Long> e : f.tlsNegotiated.entrySet()) {
                String[] pc = e.getKey().split(" ", 2);
                sb.append("sluice_tls_negotiated_total{protocol=\"").append(escapeLabel(pc[0]))
                        .append("\",cipher=\"").append(escapeLabel(pc.length > 1 ? pc[1] : "")).append("\"} ")
                        .append(e.getValue()).append('\n');
            }
        }
        latency(sb, "sluice_queue_time_ms", "Time from a complete request head to a worker", f.queueTime);
        latency(sb, "sluice_service_time_ms", "Time from a worker starting a request to its end", f.serviceTime);
        header(sb, "sluice_webapp_requests_total", "Requests completed per webapp", "counter");
        for (Map.Entry<String, Long> e : f.requestsPerWebapp.entrySet()) {
            sb.append("sluice_webapp_requests_total{context=\"").append(escapeLabel(e.getKey())).append("\"} ")
                    .append(e.getValue()).append('\n');
        }
        for (Map.Entry<String, Long> e : f.modules.entrySet()) {
            gauge(sb, "sluice_" + e.getKey(), "A container module's figure", e.getValue());
        }
        gauge(sb, "sluice_uptime_seconds", "Seconds since the server started", f.uptimeMillis / 1000.0);
        return sb.toString();
    }

    public static String json(ServerFigures f) {
        StringBuilder sb = new StringBuilder(1024);
        sb.append('{');
        field(sb, "uptimeMillis", f.uptimeMillis).append(',');
        sb.append("\"connections\":{");
        field(sb, "open", f.openConnections).append(',');
        field(sb, "idle", f.idleConnections).append(',');
        field(sb, "max", f.maxConnections).append(',');
        field(sb, "accepted", f.accepted).append("},");
        sb.append("\"workers\":{");
        field(sb, "busy", f.busyWorkers).append(',');
        field(sb, "max", f.maxThreads).append("},");
        sb.append("\"queue\":{");
        field(sb, "depth", f.queueDepth).append(',');
        field(sb, "max", f.acceptQueue).append("},");
        field(sb, "completed", f.completed).append(',');
        field(sb, "bytesIn", f.bytesIn).append(',');
        field(sb, "bytesOut", f.bytesOut).append(',');
        sb.append("\"rejected\":");
        map(sb, f.rejected).append(',');
        if (!f.tlsHandshakes.isEmpty()) { // only with an HTTPS listener
            sb.append("\"tlsHandshakes\":");
            map(sb, f.tlsHandshakes).append(',');
            sb.append("\"tlsNegotiated\":");
            map(sb, f.tlsNegotiated).append(',');
        }
        sb.append("\"queueTimeMs\":");
        latency(sb, f.queueTime).append(',');
        sb.append("\"serviceTimeMs\":");
        latency(sb, f.serviceTime).append(',');
        sb.append("\"requestsPerWebapp\":");
        map(sb, f.requestsPerWebapp).append(',');
        sb.append("\"modules\":");
        map(sb, f.modules);
        return sb.append('}').toString();
    }

    private static void header(StringBuilder sb, String name, String help, String type) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void gauge(StringBuilder sb, String name, String help, double value) {
        header(sb, name, help, "gauge");
        sb.append(name).append(' ').append(number(value)).append('\n');
    }

    private static void counter(StringBuilder sb, String name, String help, long value) {
        header(sb, name, help, "counter");
        sb.append(name).append(' ').append(value).append('\n');
    }

    private static void latency(StringBuilder sb, String name, String help, ServerFigures.Latency l) {
        header(sb, name, help, "summary");
        quantile(sb, name, "0.5", l.p50);
        quantile(sb, name, "0.9", l.p90);
        quantile(sb, name, "0.99", l.p99);
        quantile(sb, name, "0.999", l.p999);
        quantile(sb, name, "1", l.max);
        sb.append(name).append("_count ").append(l.count).append('\n');
    }

    private static void quantile(StringBuilder sb, String name, String q, double value) {
        sb.append(name).append("{quantile=\"").append(q).append("\"} ").append(number(value)).append('\n');
    }

    private static StringBuilder latency(StringBuilder sb, ServerFigures.Latency l) {
        sb.append('{');
        field(sb, "count", l.count).append(',');
        field(sb, "p50", l.p50).append(',');
        field(sb, "p90", l.p90).append(',');
        field(sb, "p99", l.p99).append(',');
        field(sb, "p999", l.p999).append(',');
        field(sb, "max", l.max);
        return sb.append('}');
    }

    private static StringBuilder map(StringBuilder sb, Map<String, Long> map) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, Long> e : map.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            field(sb, e.getKey(), e.getValue());
        }
        return sb.append('}');
    }

    private static StringBuilder field(StringBuilder sb, String name, double value) {
        return sb.append('"').append(escapeJson(name)).append("\":").append(number(value));
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String escapeJson(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String escapeLabel(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
