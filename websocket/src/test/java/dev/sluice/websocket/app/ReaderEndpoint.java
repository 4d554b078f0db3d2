package dev.sluice.websocket.app;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.Reader;

/** Streamed text messages: reads the whole message from a Reader and answers its length and text. */
@ServerEndpoint("/reader")
public class ReaderEndpoint {
    @OnMessage
    public String read(Reader in) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] chunk = new char[64];
        for (int n; (n = in.read(chunk)) >= 0; ) {
            text.append(chunk, 0, n);
        }
        return text.length() + " chars: " + text;
    }
}
