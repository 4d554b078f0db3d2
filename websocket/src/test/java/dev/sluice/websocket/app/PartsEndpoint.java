package dev.sluice.websocket.app;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;

/**
 * Partial text messages (counted and joined), streamed binary messages (read as a stream, answered through the
 * send writer and, asynchronously, through the async remote).
 */
@ServerEndpoint("/parts")
public class PartsEndpoint {
    private final StringBuilder text = new StringBuilder();
    private int parts;

    @OnMessage
    public void part(String part, boolean last, Session session) throws IOException {
        text.append(part);
        parts++;
        if (last) {
            try (Writer w = session.getBasicRemote().getSendWriter()) {
                w.write(parts + " parts: ");
                w.write(text.toString());
            }
            text.setLength(0);
            parts = 0;
        }
    }

    @OnMessage
    public void stream(InputStream in, Session session) throws IOException {
        byte[] all = in.readAllBytes();
        long sum = 0;
        for (byte b : all) {
            sum += b & 0xFF;
        }
        String answer = all.length + " bytes, sum " + sum;
        session.getAsyncRemote().sendText(answer, result -> {
            if (result.isOK()) {
                session.getAsyncRemote().sendText("async sent: " + answer);
            }
        });
    }
}
