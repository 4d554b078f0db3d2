package dev.sluice.connector.internal;

import dev.sluice.connector.ExchangeListener;
import dev.sluice.connector.RefusalListener;
import dev.sluice.core.Handler;
import dev.sluice.core.HttpDate;
import dev.sluice.core.Limits;
import dev.sluice.core.TrustedProxies;
import java.time.Clock;

/** What every part of one connector shares: its settings, clock, buffers, figures and stop flag. */
final class ConnectorContext {
    final Limits limits;
    final Clock clock;
    final HttpDate date;
    /** The Server header value, or null to send none. */
    final String serverName;
    /** Date and Server as encoded lines for response heads. */
    final ServerFieldLines fieldLines;
    final Handler handler;
    final BufferPool buffers;
    final ConnectorStats stats;
    final RequestGate gate;
    /** Told of every completed exchange, or null. */
    final ExchangeListener listener;
    /** Told of every response the connector writes itself, or null. */
    final RefusalListener refusals;
    volatile boolean draining;
    /** The last connection id given out, by any listener. */
    final java.util.concurrent.atomic.AtomicLong connectionIds = new java.util.concurrent.atomic.AtomicLong();
    /** Peers whose Forwarded and X-Forwarded-* fields are believed; set before start. */
    TrustedProxies trustedProxies = TrustedProxies.NONE;
    /** Whether every connection starts with a PROXY protocol header; set before start. */
    boolean proxyProtocol;

    ConnectorContext(Limits limits, Clock clock, String serverName, Handler handler, ConnectorStats stats) {
        this(limits, clock, serverName, handler, stats, null);
    }

    ConnectorContext(Limits limits, Clock clock, String serverName, Handler handler, ConnectorStats stats,
                     ExchangeListener listener) {
        this(limits, clock, serverName, handler, stats, listener, null);
    }

    ConnectorContext(Limits limits, Clock clock, String serverName, Handler handler, ConnectorStats stats,
                     ExchangeListener listener, RefusalListener refusals) {
        this.listener = listener;
        this.refusals = refusals;
        this.limits = limits;
        this.clock = clock;
        this.date = new HttpDate(clock);
        this.serverName = serverName;
        this.fieldLines = new ServerFieldLines(date, serverName);
        this.handler = handler;
        this.buffers = new BufferPool(16 * 1024, Math.min(4096, limits.maxThreads() * 4 + 64));
        this.stats = stats;
        this.gate = new RequestGate(limits);
    }

    /**
     * Counts a 503 of one of the connector's limits and tells the refusal listener; the caller then writes the
     * canned response.
     */
    void reject(Connection c, ConnectorStats.Rejection why, String message) {
        stats.reject(why);
        Refusals.tell(this, c, why, message);
    }

    RequestHeadParser newParser() {
        return new RequestHeadParser(limits.maxRequestLine(), limits.maxHeaderBytes(), limits.maxHeaderCount(),
                limits.maxHeaderValueBytes());
    }
}
