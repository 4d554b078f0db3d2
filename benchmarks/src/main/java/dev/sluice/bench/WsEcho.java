package dev.sluice.bench;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** The WebSocket endpoint all three servers run for the echo benchmark: a text message comes back as it is. */
@ServerEndpoint("/ws/echo")
public class WsEcho {
    @OnMessage
    public String echo(String message) {
        return message;
    }
}
