package dev.sluice.bench;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.servlets.DefaultServlet;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.WsSci;

/**
 * Embedded Tomcat 11 with tomcat-embed-websocket: {@link WsEcho} at {@code /ws/echo} and {@link HelloWorldServlet}
 * at {@code /hello} (the scripts' readiness check). Usage as {@link TomcatMain}.
 */
public final class TomcatWsMain {
    private TomcatWsMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerOptions options = ServerOptions.parse(args);
        Path base = TempDirs.create("bench-tomcat-ws");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        connector.setPort(options.port());
        connector.setProperty("address", options.host());
        connector.setProperty("maxThreads", Integer.toString(options.threads()));
        connector.setProperty("minSpareThreads", Integer.toString(Math.min(10, options.threads())));
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
        context.addServletContainerInitializer(new WsSci(), null);
        // The endpoint is added by a listener, once the initializer has set up the ServerContainer.
        context.addApplicationListener(EchoDeployer.class.getName());
        // Tomcat answers 404 before any filter (WsFilter does the upgrade) when no servlet maps the path.
        Tomcat.addServlet(context, "default", new DefaultServlet());
        context.addServletMappingDecoded("/", "default");
        Tomcat.addServlet(context, "hello", new HelloWorldServlet());
        context.addServletMappingDecoded("/hello", "hello");
        tomcat.start();
        System.out.println(options.readyLine("tomcat-ws"));
        tomcat.getServer().await();
    }

    /** Adds {@link WsEcho} from contextInitialized; Tomcat creates it by name. */
    public static final class EchoDeployer implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent sce) {
            ServerContainer sc = (ServerContainer) sce.getServletContext().getAttribute(ServerContainer.class.getName());
            try {
                sc.addEndpoint(WsEcho.class);
            } catch (DeploymentException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
