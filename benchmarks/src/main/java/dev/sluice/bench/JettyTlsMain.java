package dev.sluice.bench;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Embedded Jetty 12.1 (ee10) serving {@link HelloWorldServlet} at {@code /hello} over HTTPS only, on
 * {@code --port}. Usage: {@code JettyTlsMain --keystore=FILE --port=N [...]} ({@link TlsOptions},
 * {@link ServerOptions}). As in {@link JettyMain}, the pool gets its acceptor and selector on top of
 * {@code --threads}. Runs until killed.
 */
public final class JettyTlsMain {
    private static final int ACCEPTORS = 1;
    private static final int SELECTORS = 1;

    private JettyTlsMain() {
    }

    public static void main(String[] args) throws Exception {
        TlsOptions tls = TlsOptions.parse(args);
        ServerOptions options = ServerOptions.parse(tls.rest());
        int poolSize = options.threads() + ACCEPTORS + SELECTORS;
        QueuedThreadPool pool = new QueuedThreadPool(poolSize, Math.min(8, poolSize));
        pool.setName("jetty-worker");
        Server server = new Server(pool);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        if (options.jettyHeaderCache() >= 0) {
            http.setHeaderCacheSize(options.jettyHeaderCache());
        }
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // the benchmark calls 127.0.0.1, the certificate names localhost
        http.addCustomizer(secure);
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.keyStore().toAbsolutePath().toString());
        ssl.setKeyStorePassword(tls.password());
        ssl.setKeyStoreType("PKCS12");
        ssl.setIncludeProtocols(TlsOptions.PROTOCOLS.toArray(new String[0]));
        ssl.setIncludeCipherSuites(TlsOptions.CIPHER_SUITES.toArray(new String[0]));
        ssl.setUseCipherSuitesOrder(true);
        ServerConnector connector = new ServerConnector(server, ACCEPTORS, SELECTORS,
                new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        if (options.idleTimeoutMs() > 0) {
            connector.setIdleTimeout(options.idleTimeoutMs());
        }
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder("hello", new HelloWorldServlet()), "/hello");
        server.setHandler(context);

        server.start();
        System.out.println(options.readyLine("jetty-tls"));
        server.join();
    }
}
