package dev.sluice.distribution.internal.status;

/**
 * The server's figures over one second of the status page's history: the gauges as they stood at its end, the
 * requests completed and the connector's own 503s during it (per second), and the 99th percentile of the queue
 * and service times of the requests that ended during it (milliseconds; 0 when none ended).
 */
public record HistorySample(long epochSecond, int open, int idle, int busy, int queued, double requestsPerSecond,
                            double rejectedPerSecond, double queueP99Ms, double serviceP99Ms) {
}
