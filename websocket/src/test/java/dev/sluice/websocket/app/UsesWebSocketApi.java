package dev.sluice.websocket.app;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.websocket.server.ServerContainer;

/** A listener that needs the WebSocket API at start-up: what fails to deploy without the module. */
public class UsesWebSocketApi implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent sce) {
        ServerContainer c = (ServerContainer) sce.getServletContext().getAttribute(ServerContainer.class.getName());
        c.setDefaultMaxSessionIdleTimeout(60_000);
    }
}
