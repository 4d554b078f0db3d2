package dev.sluice.websocket.app;

import jakarta.websocket.EndpointConfig;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.List;

/** A Configurator that refuses foreign origins and adds a response header from a request header. */
@ServerEndpoint(value = "/guarded", configurator = GuardedEndpoint.Guard.class)
public class GuardedEndpoint {
    public static final class Guard extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String origin) {
            return origin == null || origin.equals("http://good.example");
        }

        @Override
        public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request,
                                    HandshakeResponse response) {
            List<String> ticket = request.getHeaders().get("X-Ticket");
            response.getHeaders().put("X-Ticket-Seen", List.of(ticket == null ? "none" : ticket.get(0)));
            config.getUserProperties().put("ticket", ticket == null ? "none" : ticket.get(0));
        }
    }

    @OnOpen
    public void open(Session session, EndpointConfig config) throws IOException {
        session.getBasicRemote().sendText("ticket " + config.getUserProperties().get("ticket"));
    }
}
