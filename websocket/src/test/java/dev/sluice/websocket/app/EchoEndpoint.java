package dev.sluice.websocket.app;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Echoes text and binary messages; a few text commands exercise pings, closes and the thread it runs on. */
@ServerEndpoint("/echo")
public class EchoEndpoint {
    @OnMessage
    public String text(String message, Session session) throws IOException {
        switch (message) {
            case "thread":
                return Thread.currentThread().getName();
            case "ping-me":
                session.getBasicRemote().sendPing(ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8)));
                return null;
            case "bye":
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(4000), "bye for now"));
                return null;
            case "idle":
                session.setMaxIdleTimeout(300);
                return "idle 300";
            default:
                return message;
        }
    }

    @OnMessage
    public ByteBuffer binary(ByteBuffer data) {
        return data;
    }

    @OnMessage
    public void pong(PongMessage pong, Session session) throws IOException {
        session.getBasicRemote().sendText("pong:" + StandardCharsets.UTF_8.decode(pong.getApplicationData()));
    }
}
