package dev.sluice.distribution;

import dev.sluice.connector.HttpConnector;
import dev.sluice.core.Handler;
import dev.sluice.core.Limits;
import dev.sluice.core.TrustedProxies;
import dev.sluice.distribution.internal.ContainerModulesFound;
import dev.sluice.distribution.internal.WebappsWatcher;
import dev.sluice.distribution.internal.accesslog.AccessLog;
import dev.sluice.distribution.internal.accesslog.AccessLogFormat;
import dev.sluice.distribution.internal.accesslog.AccessLogListener;
import dev.sluice.distribution.internal.health.HealthHandler;
import dev.sluice.distribution.internal.health.Readiness;
import dev.sluice.distribution.internal.httperr.HttpErrLog;
import dev.sluice.distribution.internal.status.FiguresSource;
import dev.sluice.distribution.internal.status.HistorySampler;
import dev.sluice.distribution.internal.status.ServerFigures;
import dev.sluice.distribution.internal.status.ServerMBean;
import dev.sluice.distribution.internal.status.StatusHandler;
import dev.sluice.distribution.internal.status.StatusHistory;
import dev.sluice.distribution.internal.status.WebappCounters;
import dev.sluice.servlet.ContainerModule;
import dev.sluice.servlet.Realm;
import dev.sluice.servlet.ServletContainer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A whole Sluice server: the servlet container with its webapps behind one connector, and the watcher that keeps
 * the webapps folder deployed. What {@code bin/sluice run} starts, and what a program or test embeds.
 */
public final class SluiceServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(SluiceServer.class.getName());
    private final ServletContainer container;
    private final HttpConnector connector;
    private final WebappsWatcher watcher;
    /** Hot deploy scans, HTTPERR log flushes, status history: small periodic jobs on one thread (not the access log). */
    private final ScheduledExecutorService housekeeping;
    private final AccessLog accessLog;
    /** The connector's own 503s and canned errors (IIS HTTPERR); null without a logs folder. */
    private final HttpErrLog httpErrLog;
    private final Duration hotDeployInterval;
    private final FiguresSource figures;
    /** Records the status page's per-second history once a second; null when status pages are off. */
    private final HistorySampler historySampler;
    private Runnable unregisterMBean = () -> { };
    /** What /sluice/health/ready answers. */
    private final Readiness readiness;
    /** How long {@link #shutdown()} keeps serving with ready at 503. */
    private final Duration drainDelay;
    private final List<ContainerModule> modules;

    private SluiceServer(Builder b) {
        ServletContainer.Builder servlets = ServletContainer.builder()
                .maxConcurrentRequests(b.limits.maxConcurrentRequests())
                .retryAfterSeconds(b.limits.retryAfterSeconds());
        b.webappMaxConcurrentRequests.forEach(servlets::maxConcurrentRequests);
        if (b.workDir != null) {
            servlets.workDir(b.workDir);
        }
        // CONFIDENTIAL constraints over plain HTTP redirect to the HTTPS port, bound after the container is built
        servlets.redirectPort(this::boundHttpsPort);
        servlets.realm(b.realm);
        // The container modules on the class path (lib/): kept here to ask for figures and tell them of the stop.
        this.modules = ContainerModulesFound.onClassPath();
        servlets.modules(modules);
        b.containerSettings.forEach(servlets::setting);
        this.container = servlets.build();
        WebappCounters webapps = b.statusPages ? new WebappCounters(this::contextPaths) : null;
        // The status handler is built before the connector whose figures it shows: it reads them through this
        // server's field, set below, only when a request arrives.
        StatusHistory history = new StatusHistory();
        Handler handler = b.statusPages ? new StatusHandler(container, this::currentFigures, webapps, history)
                : container;
        this.readiness = new Readiness(this::queueDepth, b.limits.acceptQueue(), b.readyQueueFraction);
        this.drainDelay = b.drainDelay;
        handler = new HealthHandler(handler, readiness, b.trustedProxies);
        this.accessLog = b.accessLogFormat == null ? null
                : new AccessLog(b.logs, b.accessLogFormat, "Sluice", Clock.systemDefaultZone());
        this.httpErrLog = b.logs == null ? null : new HttpErrLog(b.logs);
        HttpConnector.Builder connectorBuilder = HttpConnector.builder();
        if (b.tls != null) {
            connectorBuilder.https(b.httpsPort, b.tls);
        }
        this.connector = connectorBuilder
                .host(b.host)
                .port(b.port)
                .limits(b.limits)
                .handler(b.hstsMaxAgeSeconds < 0 ? handler : new HstsHandler(handler, b.hstsMaxAgeSeconds))
                .exchangeListener(accessLog == null ? null : new AccessLogListener(accessLog))
                .refusalListener(httpErrLog)
                .trustedProxies(b.trustedProxies)
                .proxyProtocol(b.proxyProtocol)
                .build();
        // The container's own figures (sessions_active, caps_refused_*: docs/reliability.md) go with the modules'.
        this.figures = b.statusPages ? new FiguresSource(connector, webapps, () -> {
            java.util.Map<String, Long> all = new java.util.LinkedHashMap<>(container.figures());
            all.putAll(ContainerModulesFound.figures(modules));
            return all;
        }) : null;
        this.historySampler = b.statusPages
                ? new HistorySampler(() -> HistorySampler.Reading.of(connector.metrics()), history) : null;
        this.watcher = b.webapps == null ? null
                : new WebappsWatcher(b.webapps, new WebappsWatcher.Deployer() {
                    @Override
                    public String deploy(Path webapp) throws IOException {
                        return readiness.deploying(() -> container.deploy(webapp));
                    }

                    @Override
                    public boolean undeploy(String contextPath) {
                        return readiness.deploying(() -> container.undeploy(contextPath));
                    }
                });
        this.hotDeployInterval = b.hotDeployInterval;
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sluice-housekeeping");
            t.setDaemon(true);
            return t;
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The bound address. */
    public InetSocketAddress localAddress() {
        return connector.localAddress();
    }

    /** The bound HTTPS port, or 0 without an HTTPS listener or before it is bound. */
    private int boundHttpsPort() {
        InetSocketAddress https = connector == null ? null : connector.httpsAddress();
        return https == null ? 0 : https.getPort();
    }

    /** The bound HTTPS address, or null without an HTTPS listener. */
    public InetSocketAddress httpsAddress() {
        return connector.httpsAddress();
    }

    public ServletContainer container() {
        return container;
    }

    public HttpConnector connector() {
        return connector;
    }

    /** The live figures of the status page, or null when status pages are off. */
    public Supplier<ServerFigures> figures() {
        return figures;
    }

    private int queueDepth() {
        return connector.metrics().queueDepth();
    }

    private ServerFigures currentFigures() {
        return figures.get();
    }

    /** Context paths deployed from the webapps folder. */
    private Iterable<String> contextPaths() {
        return watcher == null ? List.of() : watcher.contextPaths();
    }

    private SluiceServer start() throws IOException {
        try {
            if (watcher != null) {
                watcher.deployAll();
            }
            connector.start();
            if (figures != null) {
                unregisterMBean = ServerMBean.register(figures);
            }
            if (watcher != null && hotDeployInterval != null) {
                long every = hotDeployInterval.toMillis();
                housekeeping.scheduleWithFixedDelay(watcher::scan, every, every, TimeUnit.MILLISECONDS);
            }
            if (historySampler != null) {
                housekeeping.scheduleAtFixedRate(historySampler, 0, 1, TimeUnit.SECONDS);
            }
            if (httpErrLog != null) {
                housekeeping.scheduleWithFixedDelay(httpErrLog::flush, 1, 1, TimeUnit.SECONDS);
            }
            readiness.started();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    /**
     * Stops the way a load balancer needs (SIGTERM): /sluice/health/ready turns 503 at once, requests are still
     * served for {@code drainDelay} so that the balancer's health checks notice and it stops sending new ones,
     * then {@link #close()} finishes the requests in flight. With a drain delay of 0 it is {@link #close()}.
     */
    public void shutdown() {
        readiness.drain();
        if (!drainDelay.isZero()) {
            LOG.log(System.Logger.Level.INFO, "Not ready any more; serving for " + drainDelay.toMillis()
                    + " ms (drainDelay) before stopping");
            try {
                Thread.sleep(drainDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // asked to hurry: stop now, still gracefully
            }
        }
        close();
    }

    /** Stops gracefully: hot deploy stops, the connector drains requests in flight, every webapp is undeployed. */
    @Override
    public void close() {
        housekeeping.shutdownNow();
        unregisterMBean.run();
        try {
            // WebSockets hear 1001 Going Away before the connector closes their connections.
            modules.forEach(ContainerModulesFound::serverStopping);
            connector.close();
        } finally {
            container.close();
            if (accessLog != null) {
                accessLog.close();
            }
            if (httpErrLog != null) {
                httpErrLog.close(); // after the connector: its last refusals are written too
            }
        }
    }

    /** Configuration of a server. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 8080;
        private Limits limits = Limits.DEFAULTS;
        private Path webapps;
        private Duration hotDeployInterval;
        private boolean statusPages = true;
        private Path logs;
        private Path workDir;
        private AccessLogFormat accessLogFormat;
        private Realm realm;
        private final java.util.Map<String, String> containerSettings = new java.util.LinkedHashMap<>();
        private int httpsPort = -1;
        private dev.sluice.connector.TlsConfig tls;
        private long hstsMaxAgeSeconds = -1;
        private final java.util.Map<String, Integer> webappMaxConcurrentRequests = new java.util.LinkedHashMap<>();
        private TrustedProxies trustedProxies = TrustedProxies.NONE;
        private boolean proxyProtocol;
        private Duration drainDelay = Duration.ZERO;
        private double readyQueueFraction = 0.8;

        private Builder() {
        }

        /**
         * Adds an HTTPS listener on {@code port} (0 for a free one) beside the HTTP one; a null {@code tls} adds
         * none.
         */
        public Builder https(int port, dev.sluice.connector.TlsConfig tls) {
            this.httpsPort = port;
            this.tls = tls;
            return this;
        }

        /** Sends {@code Strict-Transport-Security: max-age=N} on HTTPS responses; negative sends none. */
        public Builder hsts(long maxAgeSeconds) {
            this.hstsMaxAgeSeconds = maxAgeSeconds;
            return this;
        }

        /**
         * Peers whose Forwarded and X-Forwarded-* fields are believed, and who may ask for /sluice/health besides
         * loopback clients (default none). See docs/scale-out.md.
         */
        public Builder trustedProxies(TrustedProxies trusted) {
            this.trustedProxies = Objects.requireNonNull(trusted, "trusted");
            return this;
        }

        /** Every connection must open with a PROXY protocol v1/v2 header (default off). */
        public Builder proxyProtocol(boolean on) {
            this.proxyProtocol = on;
            return this;
        }

        /** How long {@link SluiceServer#shutdown()} keeps serving with ready at 503 (default 0). */
        public Builder drainDelay(Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("drainDelay must not be negative");
            }
            this.drainDelay = delay;
            return this;
        }

        /** Ready turns 503 once this fraction of acceptQueue is taken; more than 0, at most 1 (default 0.8). */
        public Builder readyQueueFraction(double fraction) {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("readyQueueFraction must be more than 0 and at most 1");
            }
            this.readyQueueFraction = fraction;
            return this;
        }

        /**
         * The {@code maxConcurrentRequests} of one webapp, by context path ({@code ""} for ROOT), instead of the
         * global one of {@link #limits}; 0 is off for that webapp. Past it, that webapp alone answers 503.
         */
        public Builder maxConcurrentRequests(String contextPath, int limit) {
            this.webappMaxConcurrentRequests.put(Objects.requireNonNull(contextPath, "contextPath"), limit);
            return this;
        }

        /** Users and roles for BASIC and FORM login in every webapp; null (the default) for none. */
        public Builder realm(Realm realm) {
            this.realm = realm;
            return this;
        }

        /**
         * Servlet container settings by their {@code conf/sluice.properties} keys ({@code localeEncodings},
         * {@code allowedTrailers}, {@code crossContext}, ...; see {@link ServletContainer.Builder#setting}).
         */
        public Builder containerSettings(java.util.Map<String, String> settings) {
            this.containerSettings.putAll(settings);
            return this;
        }

        /** Serve /sluice/status and /sluice/metrics to loopback clients and publish JMX figures (default on). */
        public Builder statusPages(boolean on) {
            this.statusPages = on;
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The TCP port; 0 picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** The folder whose exploded webapps and .war files are deployed at start; null for none. */
        public Builder webapps(Path webapps) {
            this.webapps = webapps;
            return this;
        }

        /**
         * Writes an access log of this format in {@code logs}, one file a day; a null format writes none. The
         * connector's own 503s and canned errors go to {@code logs/httperr.<date>.log} whenever {@code logs} is
         * given.
         */
        public Builder accessLog(Path logs, AccessLogFormat format) {
            this.logs = logs;
            this.accessLogFormat = format;
            return this;
        }

        /** Where .war files are unpacked (default: a folder under java.io.tmpdir). */
        public Builder workDir(Path workDir) {
            this.workDir = workDir;
            return this;
        }

        /** How often the webapps folder is scanned for changes; null turns hot deploy off. */
        public Builder hotDeploy(Duration interval) {
            this.hotDeployInterval = interval;
            return this;
        }

        /** Deploys the webapps, then binds and serves. @throws IOException when the address cannot be bound */
        public SluiceServer start() throws IOException {
            return new SluiceServer(this).start();
        }
    }
}
