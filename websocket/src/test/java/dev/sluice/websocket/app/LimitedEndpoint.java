package dev.sluice.websocket.app;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Accepts text messages of at most 16 bytes; longer ones end the session with 1009. */
@ServerEndpoint("/limited")
public class LimitedEndpoint {
    @OnMessage(maxMessageSize = 16)
    public String text(String message) {
        return "ok " + message;
    }
}
