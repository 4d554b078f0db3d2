package dev.sluice.websocket.app;

import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/** Path parameters and the query string, told on open; subprotocol negotiation. */
@ServerEndpoint(value = "/rooms/{room}", subprotocols = {"chat.v2", "chat.v1"})
public class RoomEndpoint {
    @OnOpen
    public void open(@PathParam("room") String room, Session session) throws IOException {
        session.getBasicRemote().sendText("room=" + room + " query=" + session.getQueryString()
                + " subprotocol=" + session.getNegotiatedSubprotocol());
    }
}
