package dev.sluice.websocket;

import dev.sluice.servlet.ContainerModule;
import dev.sluice.websocket.internal.ModuleExecutors;
import dev.sluice.websocket.internal.OpenWebSockets;
import dev.sluice.websocket.internal.WebSocketInitializer;
import jakarta.servlet.ServletContainerInitializer;
import java.util.List;
import java.util.Map;

/**
 * Jakarta WebSocket 2.2 for every webapp, as a container module (docs/websocket.md): Eclipse Tyrus' protocol
 * engine over the servlet adapter's non-blocking HTTP upgrade. Found through
 * {@code META-INF/services/dev.sluice.servlet.ContainerModule} when this jar is on the server class path.
 *
 * <p>Thread-safe: one instance serves every webapp of a container.
 */
public final class WebSocketModule implements ContainerModule {
    private final OpenWebSockets open = new OpenWebSockets();
    private final ModuleExecutors executors = new ModuleExecutors();

    @Override
    public String name() {
        return "websocket";
    }

    @Override
    public List<String> apiPackages() {
        return List.of("jakarta.websocket.");
    }

    @Override
    public List<ServletContainerInitializer> initializers() {
        return List.of(new WebSocketInitializer(open, executors));
    }

    /** {@code websocket_sessions_open}: WebSocket connections of every webapp open now. */
    @Override
    public Map<String, Long> figures() {
        return Map.of("websocket_sessions_open", (long) open.count());
    }

    /** Closes every open WebSocket with 1001 Going Away (RFC 6455 section 7.4.1) before the connector stops. */
    @Override
    public void serverStopping() {
        open.closeAll(OpenWebSockets.GOING_AWAY_SERVER_STOPS);
    }
}
