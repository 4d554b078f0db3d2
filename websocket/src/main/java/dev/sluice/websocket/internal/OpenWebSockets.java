package dev.sluice.websocket.internal;

import jakarta.websocket.CloseReason;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The WebSocket connections open now, of one webapp or of every webapp (a module-wide instance is the parent of
 * each webapp's). Thread-safe: connections open and close on any worker.
 */
public final class OpenWebSockets {
    public static final CloseReason GOING_AWAY_SERVER_STOPS =
            new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "Server stopping");
    public static final CloseReason GOING_AWAY_UNDEPLOYED =
            new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "Webapp undeployed");

    private final Set<WebSocketConnection> connections = ConcurrentHashMap.newKeySet();
    private final OpenWebSockets parent;

    public OpenWebSockets() {
        this(null);
    }

    private OpenWebSockets(OpenWebSockets parent) {
        this.parent = parent;
    }

    /** A set for one webapp whose members also count here. */
    OpenWebSockets child() {
        return new OpenWebSockets(this);
    }

    void opened(WebSocketConnection c) {
        connections.add(c);
        if (parent != null) {
            parent.opened(c);
        }
    }

    void closed(WebSocketConnection c) {
        connections.remove(c);
        if (parent != null) {
            parent.closed(c);
        }
    }

    public int count() {
        return connections.size();
    }

    /** Sends each open connection a close frame with {@code reason} and closes it. */
    public void closeAll(CloseReason reason) {
        for (WebSocketConnection c : connections.toArray(new WebSocketConnection[0])) {
            c.close(reason);
        }
    }
}
