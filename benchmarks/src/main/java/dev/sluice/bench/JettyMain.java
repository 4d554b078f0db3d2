package dev.sluice.bench;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Embedded Jetty 12.1 (ee10) serving {@link HelloWorldServlet} at {@code /hello} and {@code /slow}. Runs until
 * killed. Usage: {@code JettyMain --port=N [--threads=N] [--queue=N] ...} (see {@link ServerOptions}).
 *
 * <p>Jetty's acceptor and selector run on threads of its one pool, so the pool gets those on top of
 * {@code --threads}: the same number of threads is left for requests as on Tomcat and Sluice.
 */
public final class JettyMain {
    private static final int ACCEPTORS = 1;
    private static final int SELECTORS = 1;

    private JettyMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerOptions options = ServerOptions.parse(args);
        int poolSize = options.threads() + ACCEPTORS + SELECTORS;
        QueuedThreadPool pool;
        if (options.boundedQueue()) {
            pool = new QueuedThreadPool(poolSize, poolSize, 60_000, new BlockingArrayQueue<>(options.queue()));
            // Reserved threads would take requests beyond the named workers; off for the saturation test.
            pool.setReservedThreads(0);
        } else {
            pool = new QueuedThreadPool(poolSize, Math.min(8, poolSize));
        }
        pool.setName("jetty-worker");

        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        if (options.jettyHeaderCache() >= 0) {
            http.setHeaderCacheSize(options.jettyHeaderCache());
        }
        ServerConnector connector = new ServerConnector(server, ACCEPTORS, SELECTORS, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        if (options.idleTimeoutMs() > 0) {
            connector.setIdleTimeout(options.idleTimeoutMs());
        }
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder("hello", new HelloWorldServlet()), "/hello");
        context.addServlet(new ServletHolder("slow", new HelloWorldServlet(options.slowMs())), "/slow");
        server.setHandler(context);

        server.start();
        System.out.println(options.readyLine("jetty"));
        server.join();
    }
}
