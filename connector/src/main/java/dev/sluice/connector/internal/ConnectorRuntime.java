package dev.sluice.connector.internal;

import dev.sluice.connector.ExchangeListener;
import dev.sluice.connector.RefusalListener;
import dev.sluice.core.Handler;
import dev.sluice.core.Limits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.time.Clock;

/**
 * The running parts of one connector: acceptor, selector loops, worker pool. Built and driven by
 * {@code HttpConnector}; not an API.
 */
public final class ConnectorRuntime {
    private final ConnectorContext ctx;
    private final int selectorCount;
    private final String name;
    private final ConnectionSlots slots;
    private WorkerPool pool;
    private SelectorLoop[] loops;
    private Acceptor acceptor;
    private Acceptor tlsAcceptor;
    private TlsContext tlsContext;
    private InetSocketAddress bound;
    private InetSocketAddress tlsBound;
    private boolean running;

    public ConnectorRuntime(String name, Limits limits, Clock clock, String serverName, Handler handler,
                            int selectorCount, ConnectorStats stats, ExchangeListener listener,
                            RefusalListener refusals) {
        this.name = name;
        this.ctx = new ConnectorContext(limits, clock, serverName, handler, stats, listener, refusals);
        this.selectorCount = selectorCount;
        this.slots = new ConnectionSlots(limits.maxConnections());
    }

    /**
     * Who may report the client in forwarding fields, and whether connections open with a PROXY protocol
     * header. Before {@link #start}.
     */
    public void proxies(dev.sluice.core.TrustedProxies trusted, boolean proxyProtocol) {
        ctx.trustedProxies = java.util.Objects.requireNonNull(trusted, "trusted");
        ctx.proxyProtocol = proxyProtocol;
    }

    /** Binds and starts every thread. */
    public InetSocketAddress start(String host, int port) throws IOException {
        return start(host, port, -1, null);
    }

    /**
     * Binds the HTTP port and, with {@code tls}, the HTTPS port beside it (both fed to the same selector loops,
     * worker pool, request queue and limits), and starts every thread. A negative {@code port} binds no HTTP
     * port: HTTPS only.
     *
     * @throws IOException when a port cannot be bound or the TLS certificates cannot be read
     */
    public InetSocketAddress start(String host, int port, int httpsPort, dev.sluice.connector.TlsConfig tls)
            throws IOException {
        if (tls != null) {
            try {
                tlsContext = new TlsContext(tls, ctx.clock);
            } catch (java.security.GeneralSecurityException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        ServerSocketChannel server = port < 0 ? null : bind(host, port);
        ServerSocketChannel tlsServer = null;
        if (tlsContext != null) {
            try {
                tlsServer = bind(host, httpsPort);
            } catch (IOException e) {
                if (server != null) {
                    server.close();
                }
                throw e;
            }
            tlsBound = (InetSocketAddress) tlsServer.getLocalAddress();
        }
        bound = server == null ? null : (InetSocketAddress) server.getLocalAddress();
        pool = new WorkerPool(name, ctx.limits.maxThreads(), ctx.limits.acceptQueue());
        pool.countBusy(ctx.stats.busy);
        Http1Processor processor = new Http1Processor(ctx);
        loops = new SelectorLoop[selectorCount];
        for (int i = 0; i < loops.length; i++) {
            loops[i] = new SelectorLoop(name + "-selector-" + i, ctx, processor, pool, slots);
            loops[i].start();
        }
        if (server != null) {
            acceptor = new Acceptor(name, server, loops, slots, ctx, null);
            acceptor.start();
        }
        running = true;
        if (tlsServer != null) {
            tlsAcceptor = new Acceptor(name + "-https", tlsServer, loops, slots, ctx, tlsContext);
            tlsAcceptor.start();
        }
        return bound;
    }

    private ServerSocketChannel bind(String host, int port) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(new InetSocketAddress(host, port), ctx.limits.backlog());
            return server;
        } catch (IOException e) {
            server.close();
            throw e;
        }
    }

    public InetSocketAddress localAddress() {
        return bound;
    }

    /** The bound HTTPS address, or null without one. */
    public InetSocketAddress httpsAddress() {
        return tlsBound;
    }

    public int queueDepth() {
        return pool == null ? 0 : pool.queueDepth();
    }

    /**
     * Graceful stop: stop accepting; from now on new requests get 503 with close; wait up to the drain timeout
     * for requests in flight (queued or running); then close every connection and stop every thread.
     */
    /** How long callbacks queued by the final closes (e.g. an upgrade handler's destroy) may run at stop. */
    static final long STOP_CALLBACK_GRACE_MILLIS = 2_000;

    public void stop() throws InterruptedException {
        if (!running) {
            return;
        }
        running = false;
        ctx.draining = true;
        if (acceptor != null) {
            acceptor.stop();
        }
        if (tlsAcceptor != null) {
            tlsAcceptor.stop();
            tlsAcceptor = null;
        }
        long deadline = System.nanoTime() + ctx.limits.drainTimeout().toNanos();
        while (ctx.stats.inFlight() > 0 || ctx.stats.busyWorkers() > 0 || queueDepth() > 0) {
            if (System.nanoTime() - deadline >= 0) {
                break;
            }
            Thread.sleep(10);
        }
        for (SelectorLoop loop : loops) {
            loop.stop();
        }
        pool.shutdown(STOP_CALLBACK_GRACE_MILLIS);
        if (tlsContext != null) {
            tlsContext.close();
        }
        acceptor = null;
    }
}
