package dev.sluice.bench;

import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat 11 (NIO connector) serving {@link HelloWorldServlet} at {@code /hello} and {@code /slow}.
 * Runs until killed. Usage: {@code TomcatMain --port=N [--threads=N] [--queue=N] ...} (see {@link ServerOptions}).
 */
public final class TomcatMain {
    private TomcatMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerOptions options = ServerOptions.parse(args);
        Path base = TempDirs.create("bench-tomcat");

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        connector.setPort(options.port());
        connector.setProperty("address", options.host());
        connector.setProperty("maxThreads", Integer.toString(options.threads()));
        // Tomcat starts minSpareThreads (default 10) workers; never more than the pool itself.
        connector.setProperty("minSpareThreads", Integer.toString(Math.min(10, options.threads())));
        if (options.boundedQueue()) {
            // The executor's task queue; when it is full Tomcat closes the connection (no 503).
            connector.setProperty("maxQueueSize", Integer.toString(options.queue()));
        }
        if (options.idleTimeoutMs() > 0) {
            connector.setProperty("keepAliveTimeout", Long.toString(options.idleTimeoutMs()));
            connector.setProperty("connectionTimeout", Long.toString(options.idleTimeoutMs()));
        }
        if (options.maxConnections() > 0) {
            connector.setProperty("maxConnections", Integer.toString(options.maxConnections()));
        }
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);

        Context context = tomcat.addContext("", base.toString());
        Tomcat.addServlet(context, "hello", new HelloWorldServlet());
        context.addServletMappingDecoded("/hello", "hello");
        Tomcat.addServlet(context, "slow", new HelloWorldServlet(options.slowMs()));
        context.addServletMappingDecoded("/slow", "slow");

        tomcat.start();
        System.out.println(options.readyLine("tomcat"));
        tomcat.getServer().await();
    }
}
