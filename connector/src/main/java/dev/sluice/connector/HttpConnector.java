package dev.sluice.connector;

import dev.sluice.connector.internal.ConnectorRuntime;
import dev.sluice.connector.internal.ConnectorStats;
import dev.sluice.core.Handler;
import dev.sluice.core.Limits;
import dev.sluice.core.TrustedProxies;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Objects;

/**
 * Serves a {@link Handler} over HTTP/1.1 on one TCP port: a few selector threads hold every connection and parse
 * request heads; a pool of {@code maxThreads} workers fed by a queue of {@code acceptQueue} runs the handler;
 * when both are full the connector answers 503 with Retry-After itself. See {@code docs/connector.md}.
 *
 * <p>Thread-safe. {@link #start()} once; {@link #close()} stops gracefully.
 */
public final class HttpConnector implements AutoCloseable {
    private final String host;
    private final int port;
    private final int httpsPort;
    private final TlsConfig tls;
    private final Limits limits;
    private final ConnectorStats stats = new ConnectorStats();
    private final ConnectorRuntime runtime;
    private boolean started;

    private HttpConnector(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.httpsPort = b.httpsPort;
        this.tls = b.tls;
        this.limits = b.limits;
        if (port < 0 && tls == null) {
            throw new IllegalArgumentException("A connector without an HTTP port needs an HTTPS listener");
        }
        this.runtime = new ConnectorRuntime(b.name, b.limits, b.clock, b.serverName,
                Objects.requireNonNull(b.handler, "handler"), b.selectors, stats, b.listener, b.refusals);
        runtime.proxies(b.trustedProxies, b.proxyProtocol);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving. @throws IOException when the address cannot be bound */
    public synchronized void start() throws IOException {
        if (started) {
            throw new IllegalStateException("Already started");
        }
        runtime.start(host, port, httpsPort, tls);
        started = true;
    }

    /** The bound address, after {@link #start()}. */
    public InetSocketAddress localAddress() {
        InetSocketAddress address = runtime.localAddress();
        if (address == null) {
            throw new IllegalStateException(started && port < 0 ? "No HTTP listener (HTTPS only)" : "Not started");
        }
        return address;
    }

    /** The bound HTTPS address, after {@link #start()}; null when the connector has no HTTPS listener. */
    public InetSocketAddress httpsAddress() {
        return runtime.httpsAddress();
    }

    public Limits limits() {
        return limits;
    }

    /** The live figures, read now. */
    public ConnectorMetrics metrics() {
        return new ConnectorMetrics(stats, runtime.queueDepth());
    }

    /**
     * Graceful stop: stop accepting; new requests on open connections get 503 with {@code Connection: close};
     * requests in flight finish within the drain timeout; then every connection is closed.
     */
    @Override
    public synchronized void close() {
        try {
            runtime.stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Configuration of a connector. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 8080;
        private int httpsPort = -1;
        private TlsConfig tls;
        private Limits limits = Limits.DEFAULTS;
        private Handler handler;
        private String serverName = "Sluice";
        private Clock clock = Clock.systemUTC();
        private int selectors = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));
        private String name = "sluice";
        private ExchangeListener listener;
        private RefusalListener refusals;
        private TrustedProxies trustedProxies = TrustedProxies.NONE;
        private boolean proxyProtocol;

        private Builder() {
        }

        public Builder host(String host) { this.host = Objects.requireNonNull(host); return this; }
        /** The HTTP port; 0 for any free one, -1 for none (HTTPS only, with {@link #https}). */
        public Builder port(int port) { this.port = port; return this; }
        /**
         * Adds an HTTPS listener on {@code port} (0 for any free one) beside the HTTP one, served by the same
         * workers, queue and limits. Off by default.
         */
        public Builder https(int port, TlsConfig tls) {
            this.httpsPort = port;
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        public Builder limits(Limits limits) { this.limits = Objects.requireNonNull(limits); return this; }
        public Builder handler(Handler handler) { this.handler = handler; return this; }

        /** The Server header sent with every response; null sends none. Default {@code Sluice}. */
        public Builder serverName(String serverName) { this.serverName = serverName; return this; }

        /** The clock all timeouts and the Date header are measured on (tests inject their own). */
        public Builder clock(Clock clock) { this.clock = Objects.requireNonNull(clock); return this; }

        /** Number of selector threads; default half the processors, 1 to 4. */
        public Builder selectors(int selectors) {
            if (selectors < 1) {
                throw new IllegalArgumentException("selectors must be at least 1");
            }
            this.selectors = selectors;
            return this;
        }

        /** Told of every completed exchange (access log, per-webapp figures); null for none. */
        public Builder exchangeListener(ExchangeListener listener) { this.listener = listener; return this; }

        /**
         * Told of every response the connector writes itself (its 503s and canned errors, the HTTPERR log);
         * null for none. See {@link RefusalListener} for its threading contract: it must not block.
         */
        public Builder refusalListener(RefusalListener refusals) { this.refusals = refusals; return this; }

        /**
         * Peers whose Forwarded and X-Forwarded-* fields are believed: the handler sees the client they report as
         * {@link dev.sluice.core.Request#client()}; a malformed field from one of them is a 400. Default
         * {@link TrustedProxies#NONE}: every such field is ignored.
         */
        public Builder trustedProxies(TrustedProxies trusted) {
            this.trustedProxies = Objects.requireNonNull(trusted);
            return this;
        }

        /**
         * Every connection must open with a PROXY protocol header (v1 or v2), whose source becomes the request's
         * remote address; a connection without a valid one is closed without a response and counted
         * ({@link ConnectorMetrics#proxyHeaderRefused()}). Default off.
         */
        public Builder proxyProtocol(boolean on) { this.proxyProtocol = on; return this; }

        /** Prefix of thread names. */
        public Builder name(String name) { this.name = Objects.requireNonNull(name); return this; }

        public HttpConnector build() {
            return new HttpConnector(this);
        }
    }
}
