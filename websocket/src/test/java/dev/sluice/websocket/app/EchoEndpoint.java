package dev.sluice.websocket.app;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Echoes text and binary messages; a few text commands exercise pings, closes and the thread it runs on.
 * {@code name:X} names the session; when a named session ends, its {@code @OnClose} records {@code X=<code>},
 * which {@code closes} lists (the sessions of this webapp share this class).
 */
@ServerEndpoint("/echo")
public class EchoEndpoint {
    private static final Queue<String> CLOSES = new ConcurrentLinkedQueue<>();

    @OnMessage
    public String text(String message, Session session) throws IOException {
        if (message.startsWith("name:")) {
            session.getUserProperties().put("name", message.substring(5));
            return "named";
        }
        switch (message) {
            case "closes":
                return String.join(" ", CLOSES);
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

    @OnClose
    public void closed(Session session, CloseReason reason) {
        Object name = session.getUserProperties().get("name");
        if (name != null) {
            CLOSES.add(name + "=" + reason.getCloseCode().getCode());
        }
    }

    @OnMessage
    public void pong(PongMessage pong, Session session) throws IOException {
        session.getBasicRemote().sendText("pong:" + StandardCharsets.UTF_8.decode(pong.getApplicationData()));
    }
}
