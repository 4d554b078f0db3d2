package dev.sluice.distribution.internal.status;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One consistent-enough snapshot of the server's live figures, taken once per status or metrics request and
 * rendered as HTML, JSON, Prometheus text or JMX attributes. Plain immutable data; no behaviour.
 */
public final class ServerFigures {
    /** Latency percentiles in milliseconds, read from an HdrHistogram. */
    public static final class Latency {
        public static final Latency NONE = new Latency(0, 0, 0, 0, 0, 0);

        public final long count;
        public final double p50;
        public final double p90;
        public final double p99;
        public final double p999;
        public final double max;

        public Latency(long count, double p50, double p90, double p99, double p999, double max) {
            this.count = count;
            this.p50 = p50;
            this.p90 = p90;
            this.p99 = p99;
            this.p999 = p999;
            this.max = max;
        }
    }

    public final long uptimeMillis;
    public final int openConnections;
    public final int idleConnections;
    public final int maxConnections;
    public final int busyWorkers;
    public final int maxThreads;
    public final int queueDepth;
    public final int acceptQueue;
    public final long accepted;
    public final long completed;
    public final long bytesIn;
    public final long bytesOut;
    /** 503s the connector sent itself, by reason (queue_full, queue_timeout, connection_limit, draining). */
    public final Map<String, Long> rejected;
    public final Latency queueTime;
    public final Latency serviceTime;
    /** Requests completed per webapp context path ("/" for ROOT). */
    public final Map<String, Long> requestsPerWebapp;
    /**
     * TLS handshakes of the HTTPS listener by state (in_progress, completed, resumed, failed, timed_out,
     * refused, plaintext_refused); resumed ones are also counted in completed; empty without one.
     */
    public final Map<String, Long> tlsHandshakes;
    /** The container modules' live figures by name, such as {@code websocket_sessions_open}. */
    public final Map<String, Long> modules;
    /**
     * Completed TLS handshakes by what they agreed on, keyed {@code "<protocol> <cipher suite>"}; empty without
     * an HTTPS listener.
     */
    public final Map<String, Long> tlsNegotiated;

    @SuppressWarnings("checkstyle:ParameterNumber")
    public ServerFigures(long uptimeMillis, int openConnections, int idleConnections, int maxConnections,
                         int busyWorkers, int maxThreads, int queueDepth, int acceptQueue, long accepted,
                         long completed, long bytesIn, long bytesOut, Map<String, Long> rejected,
                         Latency queueTime, Latency serviceTime, Map<String, Long> requestsPerWebapp) {
        this(uptimeMillis, openConnections, idleConnections, maxConnections, busyWorkers, maxThreads, queueDepth,
                acceptQueue, accepted, completed, bytesIn, bytesOut, rejected, queueTime, serviceTime,
                requestsPerWebapp, Map.of(), Map.of());
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    public ServerFigures(long uptimeMillis, int openConnections, int idleConnections, int maxConnections,
                         int busyWorkers, int maxThreads, int queueDepth, int acceptQueue, long accepted,
                         long completed, long bytesIn, long bytesOut, Map<String, Long> rejected,
                         Latency queueTime, Latency serviceTime, Map<String, Long> requestsPerWebapp,
                         Map<String, Long> tlsHandshakes, Map<String, Long> modules) {
        this(uptimeMillis, openConnections, idleConnections, maxConnections, busyWorkers, maxThreads, queueDepth,
                acceptQueue, accepted, completed, bytesIn, bytesOut, rejected, queueTime, serviceTime,
                requestsPerWebapp, tlsHandshakes, modules, Map.of());
    }

    @SuppressWarnings("checkstyle:ParameterNumber")
    public ServerFigures(long uptimeMillis, int openConnections, int idleConnections, int maxConnections,
                         int busyWorkers, int maxThreads, int queueDepth, int acceptQueue, long accepted,
                         long completed, long bytesIn, long bytesOut, Map<String, Long> rejected,
                         Latency queueTime, Latency serviceTime, Map<String, Long> requestsPerWebapp,
                         Map<String, Long> tlsHandshakes, Map<String, Long> modules,
                         Map<String, Long> tlsNegotiated) {
        this.tlsNegotiated = Collections.unmodifiableMap(new LinkedHashMap<>(tlsNegotiated));
        this.tlsHandshakes = Collections.unmodifiableMap(new LinkedHashMap<>(tlsHandshakes));
        this.uptimeMillis = uptimeMillis;
        this.openConnections = openConnections;
        this.idleConnections = idleConnections;
        this.maxConnections = maxConnections;
        this.busyWorkers = busyWorkers;
        this.maxThreads = maxThreads;
        this.queueDepth = queueDepth;
        this.acceptQueue = acceptQueue;
        this.accepted = accepted;
        this.completed = completed;
        this.bytesIn = bytesIn;
        this.bytesOut = bytesOut;
        this.rejected = Collections.unmodifiableMap(new LinkedHashMap<>(rejected));
        this.queueTime = queueTime;
        this.serviceTime = serviceTime;
        this.requestsPerWebapp = Collections.unmodifiableMap(new LinkedHashMap<>(requestsPerWebapp));
        this.modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
    }

    /** Every 503 the connector sent itself. */
    public long rejectedTotal() {
        long sum = 0;
        for (long n : rejected.values()) {
            sum += n;
        }
        return sum;
    }
}
