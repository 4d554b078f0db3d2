package dev.sluice.websocket.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Extension;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.ext.extension.deflate.PerMessageDeflateExtension;
import org.glassfish.tyrus.server.TyrusServerContainer;

/**
 * One webapp's {@link jakarta.websocket.server.ServerContainer}: Tyrus' container and engine (endpoint scanning,
 * handshake, frames, messages) bound to the webapp's context path. Thread-safe as Tyrus' container is.
 */
final class SluiceServerContainer extends TyrusServerContainer {
    /** Room for the longest frame header (RFC 6455 section 5.2: 2 + 8 length + 4 mask bytes). */
    private static final int FRAME_HEADER_BYTES = 14;

    private static final Set<Extension> INSTALLED = Set.of(new PerMessageDeflateExtension());

    private final String contextPath;
    private final int maxFrameBytes;
    private final OpenWebSockets open;
    private final TyrusWebSocketEngine engine;
    private final Set<ServerEndpointConfig> upgradeOnlyConfigs = ConcurrentHashMap.newKeySet();

    private final ModuleExecutors executors;

    SluiceServerContainer(Set<Class<?>> classes, String contextPath, int maxFrameBytes, OpenWebSockets open,
                          ModuleExecutors executors) {
        super(classes);
        this.executors = executors;
        this.contextPath = contextPath;
        this.maxFrameBytes = maxFrameBytes;
        this.open = open;
        this.engine = TyrusWebSocketEngine.builder(this)
                .incomingBufferSize(maxFrameBytes + FRAME_HEADER_BYTES)
                .build();
    }

    @Override
    public void register(Class<?> endpointClass) throws DeploymentException {
        engine.register(endpointClass, contextPath);
    }

    @Override
    public void register(ServerEndpointConfig config) throws DeploymentException {
        engine.register(config, contextPath);
    }

    /**
     * permessage-deflate (RFC 7692), installed for every endpoint declared with {@code @ServerEndpoint}; a
     * programmatic {@code ServerEndpointConfig} lists its extensions itself and may name this one.
     */
    @Override
    public Set<Extension> getInstalledExtensions() {
        return INSTALLED;
    }

    /** Idle timeouts: the module's one timer thread instead of ten per webapp. */
    @Override
    public ScheduledExecutorService getScheduledExecutorService() {
        return executors.timer();
    }

    /** Streamed messages' handlers. */
    @Override
    public ExecutorService getExecutorService() {
        return executors.streams();
    }

    /** The executors are the module's and outlive this webapp. */
    @Override
    public void shutdown() {
    }

    @Override
    public TyrusWebSocketEngine getWebSocketEngine() {
        return engine;
    }

    int maxFrameBytes() {
        return maxFrameBytes;
    }

    StreamStarts streamStarts() {
        return executors.streams();
    }

    OpenWebSockets open() {
        return open;
    }

    String contextPath() {
        return contextPath;
    }

    /**
     * Jakarta WebSocket 2.2 section 6.7: a servlet or filter upgrades this request to {@code config}'s endpoint
     * without the endpoint being deployed. The config is registered with the engine on its first use (its path
     * must not clash with a deployed endpoint's); the handshake then runs as for any request to that path, with
     * the path parameters given.
     */
    @Override
    public void upgradeHttpToWebSocket(Object request, Object response, ServerEndpointConfig config,
                                       Map<String, String> pathParameters) throws IOException, DeploymentException {
        if (upgradeOnlyConfigs.add(config)) {
            try {
                engine.register(config, contextPath);
            } catch (DeploymentException e) {
                upgradeOnlyConfigs.remove(config);
                throw e;
            }
        }
        String path = EndpointPaths.expand(config.getPath(), pathParameters);
        try {
            boolean upgraded = new Handshake(this, (HttpServletRequest) request, (HttpServletResponse) response)
                    .run(contextPath + path);
            if (!upgraded) {
                throw new DeploymentException("Not a WebSocket handshake request: " + path);
            }
        } catch (ServletException e) {
            throw new DeploymentException(e.getMessage(), e);
        }
    }
}
