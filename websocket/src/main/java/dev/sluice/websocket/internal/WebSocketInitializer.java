package dev.sluice.websocket.internal;

import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpoint;
import java.util.HashSet;
import java.util.Set;

/**
 * Gives one webapp its {@link ServerContainer} (the {@code jakarta.websocket.server.ServerContainer} context
 * attribute, there for every webapp so listeners can add endpoints) and the handshake filter. The classes
 * {@code @HandlesTypes} selects are the candidates Jakarta WebSocket 2.2 section 6.2 scans: annotated endpoints,
 * programmatic endpoints and {@link ServerApplicationConfig}s; the container deploys them when the filter starts,
 * that is after every {@code ServletContextListener} had its chance to call {@code addEndpoint}.
 */
@HandlesTypes({ServerEndpoint.class, ServerApplicationConfig.class, Endpoint.class})
public final class WebSocketInitializer implements ServletContainerInitializer {
    /** Context parameter: the largest frame (payload) accepted, in bytes; larger ones get close 1009. */
    public static final String MAX_FRAME_BYTES = "dev.sluice.websocket.maxFrameBytes";
    static final int DEFAULT_MAX_FRAME_BYTES = 4 * 1024 * 1024;

    private final OpenWebSockets serverWide;
    private final ModuleExecutors executors;

    public WebSocketInitializer(OpenWebSockets serverWide, ModuleExecutors executors) {
        this.serverWide = serverWide;
        this.executors = executors;
    }

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext ctx) {
        Set<Class<?>> candidates = classes == null ? new HashSet<>() : new HashSet<>(classes);
        // The abstract API types themselves are never endpoints.
        candidates.remove(Endpoint.class);
        OpenWebSockets open = serverWide.child();
        int maxFrameBytes = intParameter(ctx, MAX_FRAME_BYTES, DEFAULT_MAX_FRAME_BYTES);
        SluiceServerContainer container = new SluiceServerContainer(candidates, ctx.getContextPath(),
                maxFrameBytes, open, executors);
        ctx.setAttribute(ServerContainer.class.getName(), container);

        HandshakeFilter filter = new HandshakeFilter(container);
        FilterRegistration.Dynamic reg = ctx.addFilter("sluice-websocket", filter);
        reg.setAsyncSupported(true);
        reg.addMappingForUrlPatterns(null, false, "/*");
        // Undeploy: every open WebSocket of this webapp gets 1001 before the webapp's classes go away.
        ctx.addListener(new ServletContextListener() {
            @Override
            public void contextDestroyed(ServletContextEvent sce) {
                open.closeAll(OpenWebSockets.GOING_AWAY_UNDEPLOYED);
                container.stop();
            }
        });
    }

    private static int intParameter(ServletContext ctx, String name, int fallback) {
        String value = ctx.getInitParameter(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the one-line reason below
        }
        throw new IllegalArgumentException("Context parameter " + name + " must be a positive number of bytes: "
                + value);
    }
}
