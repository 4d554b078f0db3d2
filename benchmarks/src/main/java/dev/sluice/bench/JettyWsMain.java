package dev.sluice.bench;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Embedded Jetty 12.1 (ee10) with its Jakarta WebSocket server: {@link WsEcho} at {@code /ws/echo} and
 * {@link HelloWorldServlet} at {@code /hello}. The pool gets the acceptor and selector threads on top of
 * {@code --threads}, as in {@link JettyMain}; the header cache is 0 when asked (idle-memory runs).
 */
public final class JettyWsMain {
    private JettyWsMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerOptions options = ServerOptions.parse(args);
        int poolSize = options.threads() + 2;
        QueuedThreadPool pool = new QueuedThreadPool(poolSize, Math.min(8, poolSize));
        pool.setName("jetty-worker");
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        if (options.jettyHeaderCache() >= 0) {
            http.setHeaderCacheSize(options.jettyHeaderCache());
        }
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(options.host());
        connector.setPort(options.port());
        if (options.idleTimeoutMs() > 0) {
            connector.setIdleTimeout(options.idleTimeoutMs());
        }
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder("hello", new HelloWorldServlet()), "/hello");
        JakartaWebSocketServletContainerInitializer.configure(context,
                (servletContext, container) -> container.addEndpoint(WsEcho.class));
        server.setHandler(context);
        server.start();
        System.out.println(options.readyLine("jetty-ws"));
        server.join();
    }
}
