package dev.sluice.connector;

import dev.sluice.connector.internal.ConnectorStats;
import dev.sluice.connector.internal.ConnectorStats.Rejection;
import org.HdrHistogram.Histogram;

/**
 * A read-only snapshot of a connector's live figures, for the status page and the load lab. Counters run from
 * start; latency histograms are in microseconds.
 */
public final class ConnectorMetrics {
    /** Why the connector answered 503 itself. */
    public enum RejectReason { QUEUE_FULL, QUEUE_TIMEOUT, CONNECTION_LIMIT, DRAINING }

    private final int openConnections;
    private final int idleConnections;
    private final int busyWorkers;
    private final int queueDepth;
    private final long accepted;
    private final long completed;
    private final long[] rejected = new long[RejectReason.values().length];
    private final long bytesIn;
    private final long bytesOut;
    private final long upgraded;
    private final int handshaking;
    private final long handshakesCompleted;
    private final long handshakesFailed;
    private final long handshakeTimeouts;
    private final long handshakesRefused;
    private final long plaintextRefused;
    private final long abandonedInQueue;
    private final long proxyHeaderRefused;
    private final Histogram requestsPerConnection;
    private final Histogram queueTime;
    private final Histogram serviceTime;

    ConnectorMetrics(ConnectorStats stats, int queueDepth) {
        this.openConnections = stats.openConnections();
        this.idleConnections = stats.idleConnections();
        this.busyWorkers = stats.busyWorkers();
        this.queueDepth = queueDepth;
        this.accepted = stats.accepted();
        this.completed = stats.completed();
        for (RejectReason r : RejectReason.values()) {
            rejected[r.ordinal()] = stats.rejected(Rejection.valueOf(r.name()));
        }
        this.bytesIn = stats.bytesIn();
        this.bytesOut = stats.bytesOut();
        this.upgraded = stats.upgraded();
        this.handshaking = stats.handshaking();
        this.handshakesCompleted = stats.handshakesCompleted();
        this.handshakesFailed = stats.handshakesFailed();
        this.handshakeTimeouts = stats.handshakeTimeouts();
        this.handshakesRefused = stats.handshakesRefused();
        this.plaintextRefused = stats.plaintextRefused();
        this.abandonedInQueue = stats.abandonedInQueue();
        this.proxyHeaderRefused = stats.proxyHeaderRefused();
        this.requestsPerConnection = stats.requestsPerConnection();
        this.queueTime = stats.queueTimeMicros();
        this.serviceTime = stats.serviceTimeMicros();
    }

    /** Connections open now, including idle ones and those being refused. */
    public int openConnections() { return openConnections; }

    /** Open connections waiting for a request with nothing of it received: these cost no thread. */
    public int idleConnections() { return idleConnections; }

    /** Workers running a request now. */
    public int busyWorkers() { return busyWorkers; }

    /** Requests whose head is complete, waiting for a worker. */
    public int queueDepth() { return queueDepth; }

    /** Connections accepted since start. */
    public long accepted() { return accepted; }

    /** Requests whose exchange ended (whatever the status) since start. */
    public long completed() { return completed; }

    /** 503s the connector answered itself for {@code reason}. */
    public long rejected(RejectReason reason) { return rejected[reason.ordinal()]; }

    /** All 503s the connector answered itself. */
    public long rejectedTotal() {
        long sum = 0;
        for (long r : rejected) {
            sum += r;
        }
        return sum;
    }

    public long bytesIn() { return bytesIn; }

    public long bytesOut() { return bytesOut; }

    /** Connections that switched protocols (101) and left HTTP, since start. */
    public long upgradedConnections() { return upgraded; }

    /** TLS handshakes in progress now (each holds no worker). */
    public int tlsHandshaking() { return handshaking; }

    /** TLS handshakes that completed since start. */
    public long tlsHandshakesCompleted() { return handshakesCompleted; }

    /** TLS handshakes that failed (bad or unknown client, no common protocol or cipher, client gone). */
    public long tlsHandshakesFailed() { return handshakesFailed; }

    /** TLS connections closed because their handshake did not finish within the handshake timeout. */
    public long tlsHandshakeTimeouts() { return handshakeTimeouts; }

    /** TLS connections closed at accept because maxHandshakes were in progress. */
    public long tlsHandshakesRefused() { return handshakesRefused; }

    /** Connections to the HTTPS port that spoke plain HTTP (answered 400 and closed). */
    public long tlsPlaintextRefused() { return plaintextRefused; }

    /**
     * Requests that waited in the queue and were dropped there, without a worker or a response, because their
     * client closed or reset the connection first (since start). They are not counted as rejected.
     */
    public long abandonedInQueue() { return abandonedInQueue; }

    /**
     * Connections closed without a response on a PROXY protocol listener because their header was missing,
     * invalid or not complete within headerTimeout (since start).
     */
    public long proxyHeaderRefused() { return proxyHeaderRefused; }

    /** Requests served per closed connection. */
    public Histogram requestsPerConnection() { return requestsPerConnection; }

    /** Microseconds from a complete head to a worker starting it. */
    public Histogram queueTimeMicros() { return queueTime; }

    /** Microseconds from a worker starting a request to its response being complete. */
    public Histogram serviceTimeMicros() { return serviceTime; }

    @Override
    public String toString() {
        return "open=" + openConnections + " idle=" + idleConnections + " busy=" + busyWorkers + " queued="
                + queueDepth + " accepted=" + accepted + " completed=" + completed + " rejected=" + rejectedTotal()
                + java.util.Arrays.toString(rejected)
                + " abandonedInQueue=" + abandonedInQueue + " in=" + bytesIn + " out=" + bytesOut
                + " upgraded=" + upgraded + " proxyHeaderRefused=" + proxyHeaderRefused + " tls[handshaking="
                + handshaking + " completed=" + handshakesCompleted + " failed=" + handshakesFailed + " timeouts="
                + handshakeTimeouts + " refused=" + handshakesRefused + " plaintext=" + plaintextRefused + "]";
    }
}
