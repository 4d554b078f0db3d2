package dev.sluice.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.websocket.app.EchoEndpoint;
import dev.sluice.websocket.app.GuardedEndpoint;
import dev.sluice.websocket.app.LimitedEndpoint;
import dev.sluice.websocket.app.PartsEndpoint;
import dev.sluice.websocket.app.Point;
import dev.sluice.websocket.app.Programmatic;
import dev.sluice.websocket.app.RoomEndpoint;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jakarta WebSocket endpoints of one webapp, driven by java.net.http.WebSocket over a real connector. */
class EndpointsTest {
    @TempDir
    static Path dir;
    static WsServer server;

    @BeforeAll
    static void start() throws Exception {
        server = WsServer.start(dir, "app", null, EchoEndpoint.class, LimitedEndpoint.class, RoomEndpoint.class,
                Point.class, PartsEndpoint.class, GuardedEndpoint.class, Programmatic.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void textAndBinaryEchoOnAWorker() throws Exception {
        Client c = Client.open(server.ws("/echo"));
        assertEquals("text:héllo wörld", c.send("héllo wörld"));
        c.socket.sendBinary(ByteBuffer.wrap(new byte[] {0, 1, (byte) 0xFE, (byte) 0xFF}), true)
                .get(10, TimeUnit.SECONDS);
        assertEquals("binary:0001feff", c.next());
        String thread = c.send("thread");
        assertTrue(thread.startsWith("text:sluice-worker"), thread);
        c.socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        assertEquals("close:1000 done", c.next());
    }
}
