package dev.sluice.websocket.app;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/** Programmatic endpoints: from a ServerApplicationConfig, from a listener, and by upgradeHttpToWebSocket. */
public final class Programmatic {
    private Programmatic() {
    }

    /** Answers every text with a prefix naming where it was deployed from. */
    public static class Shout extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            Object from = config.getUserProperties().getOrDefault("from", "?");
            session.addMessageHandler(String.class, text -> {
                try {
                    session.getBasicRemote().sendText(from + ": " + text.toUpperCase()
                            + " " + session.getPathParameters());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /** Found by the scan: deploys Shout at /shout and keeps every scanned annotated endpoint. */
    public static class Config implements ServerApplicationConfig {
        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
            ServerEndpointConfig c = ServerEndpointConfig.Builder.create(Shout.class, "/shout").build();
            c.getUserProperties().put("from", "config");
            return Set.of(c);
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            return scanned;
        }
    }

    /** Adds Shout at /added from contextInitialized. */
    @WebListener
    public static class Adder implements ServletContextListener {
        @Override
        public void contextInitialized(ServletContextEvent sce) {
            ServerContainer container = (ServerContainer) sce.getServletContext()
                    .getAttribute(ServerContainer.class.getName());
            ServerEndpointConfig c = ServerEndpointConfig.Builder.create(Shout.class, "/added").build();
            c.getUserProperties().put("from", "listener");
            try {
                container.addEndpoint(c);
            } catch (DeploymentException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Upgrades GET /manual?id=7 to Shout at the template /manual-ws/{id}. */
    @WebServlet("/manual")
    public static class Manual extends HttpServlet {
        private static final ServerEndpointConfig CONFIG = config();

        private static ServerEndpointConfig config() {
            ServerEndpointConfig c = ServerEndpointConfig.Builder.create(Shout.class, "/manual-ws/{id}").build();
            c.getUserProperties().put("from", "servlet");
            return c;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            ServerContainer container = (ServerContainer) req.getServletContext()
                    .getAttribute(ServerContainer.class.getName());
            try {
                container.upgradeHttpToWebSocket(req, resp, CONFIG, Map.of("id", req.getParameter("id")));
            } catch (DeploymentException e) {
                resp.sendError(500, e.getMessage());
            }
        }
    }
}
