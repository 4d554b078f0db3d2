package dev.sluice.connector.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Live figures of one connector, updated by selector and worker threads without locks. Read by
 * {@code HttpConnector.metrics()}; the histograms are copied on read.
 */
public final class ConnectorStats {
    /** Why a request or connection was answered 503 by the connector itself. */
    public enum Rejection { QUEUE_FULL, QUEUE_TIMEOUT, CONNECTION_LIMIT, DRAINING }

    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger idle = new AtomicInteger();
    final AtomicInteger busy = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final LongAdder accepted = new LongAdder();
    final LongAdder completed = new LongAdder();
    final LongAdder bytesIn = new LongAdder();
    final LongAdder bytesOut = new LongAdder();
    /** Connections switched to another protocol (101) since start. */
    final LongAdder upgraded = new LongAdder();
    /** TLS handshakes in progress now, and how handshakes ended since start. */
    final AtomicInteger handshaking = new AtomicInteger();
    final LongAdder handshakesCompleted = new LongAdder();
    final LongAdder handshakesFailed = new LongAdder();
    final LongAdder handshakeTimeouts = new LongAdder();
    final LongAdder handshakesRefused = new LongAdder();
    /** Connections to the HTTPS port that sent plain HTTP (answered 400 and closed). */
    final LongAdder plaintextRefused = new LongAdder();
    /** Queued requests dropped because their client closed or reset the connection before a worker took them. */
    final LongAdder abandonedInQueue = new LongAdder();
    /** Connections closed on a PROXY protocol listener for a missing, invalid or incomplete header. */
    final LongAdder proxyHeaderRefused = new LongAdder();
    private final LongAdder[] rejected = new LongAdder[Rejection.values().length];
    /** Microseconds from a complete head to a worker starting it. */
    private final ConcurrentHistogram queueTime = new ConcurrentHistogram(3_600_000_000L, 2);
    /** Microseconds from a worker starting a request to its response being complete. */
    private final ConcurrentHistogram serviceTime = new ConcurrentHistogram(3_600_000_000L, 2);
    /** Requests served by each closed connection. */
    private final ConcurrentHistogram requestsPerConnection = new ConcurrentHistogram(10_000_000L, 2);

    public ConnectorStats() {
        for (int i = 0; i < rejected.length; i++) {
            rejected[i] = new LongAdder();
        }
    }

    void reject(Rejection why) {
        rejected[why.ordinal()].increment();
    }

    void queued(long nanos) {
        queueTime.recordValue(Math.max(0, nanos / 1000));
    }

    void served(long nanos) {
        serviceTime.recordValue(Math.max(0, nanos / 1000));
    }

    /**
     * Records a closed connection's figures, then publishes it as no longer open: whoever sees {@code open} drop
     * (a test, the status page, a drain) sees the figures too. The caller frees its slot before calling this.
     */
    void connectionClosed(int requests) {
        requestsPerConnection.recordValue(requests);
        open.decrementAndGet();
    }

    public int openConnections() { return open.get(); }
    public int idleConnections() { return idle.get(); }
    public int busyWorkers() { return busy.get(); }
    public int inFlight() { return inFlight.get(); }
    public long accepted() { return accepted.sum(); }
    public long completed() { return completed.sum(); }
    public long bytesIn() { return bytesIn.sum(); }
    public long bytesOut() { return bytesOut.sum(); }
    public long upgraded() { return upgraded.sum(); }
    public int handshaking() { return handshaking.get(); }
    public long handshakesCompleted() { return handshakesCompleted.sum(); }
    public long handshakesFailed() { return handshakesFailed.sum(); }
    public long handshakeTimeouts() { return handshakeTimeouts.sum(); }
    public long handshakesRefused() { return handshakesRefused.sum(); }
    public long plaintextRefused() { return plaintextRefused.sum(); }
    public long abandonedInQueue() { return abandonedInQueue.sum(); }
    public long proxyHeaderRefused() { return proxyHeaderRefused.sum(); }
    public long rejected(Rejection why) { return rejected[why.ordinal()].sum(); }
    public Histogram queueTimeMicros() { return queueTime.copy(); }
    public Histogram serviceTimeMicros() { return serviceTime.copy(); }
    public Histogram requestsPerConnection() { return requestsPerConnection.copy(); }
}
