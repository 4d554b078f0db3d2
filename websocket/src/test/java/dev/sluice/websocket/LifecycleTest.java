package dev.sluice.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.HttpConnector;
import dev.sluice.core.Limits;
import dev.sluice.servlet.ServletContainer;
import dev.sluice.websocket.app.EchoEndpoint;
import dev.sluice.websocket.app.UsesWebSocketApi;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open WebSockets against the server's limits and life cycle: threads, connections, undeploy, stop. */
class LifecycleTest {
    @TempDir
    Path dir;

    /** 200 idle WebSockets hold no worker: no busy worker, at most the 8 workers and the usual threads. */
    @Test
    void idleWebSocketsHoldNoThread() throws Exception {
        try (WsServer server = WsServer.start(dir, "idle", null, EchoEndpoint.class)) {
            Client warm = Client.open(server.ws("/echo"));
            assertEquals("text:warm", warm.send("warm"));
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            List<RawSocket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < 200; i++) {
                    sockets.add(RawSocket.open(server.port(), server.contextPath + "/echo"));
                }
                Waits.until(() -> server.module.figures().get("websocket_sessions_open") == 201, "201 open");
                // The last handshake's worker finishes; then no worker stays busy for the open sockets.
                Waits.until(() -> server.connector.metrics().busyWorkers() == 0, "no busy worker");
                assertTrue(server.connector.metrics().openConnections() >= 201);
                int threadsNow = ManagementFactory.getThreadMXBean().getThreadCount();
                // The pool may still be starting workers up to maxThreads (8): never one thread per socket.
                assertTrue(threadsNow - threadsBefore <= 8, threadsBefore + " -> " + threadsNow + " "
                        + Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList());
                // Every one still answers.
                RawSocket last = sockets.get(199);
                last.frame(0x81, "still here".getBytes(), true);
                assertEquals(0x81, last.in.read());
                assertEquals(10, last.in.read());
                assertEquals("still here", new String(last.in.readNBytes(10)));
            } finally {
                for (RawSocket s : sockets) {
                    s.close();
                }
            }
        }
    }

    /** An upgraded connection still counts against maxConnections: the next handshake gets the connector's 503. */
    @Test
    void webSocketsCountAgainstMaxConnections() throws Exception {
        Path webapp = WsServer.webapp(dir, "limited", null, EchoEndpoint.class);
        WebSocketModule module = new WebSocketModule();
        ServletContainer container = ServletContainer.builder().modules(List.of(module)).build();
        container.deploy(webapp);
        HttpConnector connector = HttpConnector.builder().host("127.0.0.1").port(0).serverName(null)
                .limits(Limits.DEFAULTS.toBuilder().maxThreads(8).maxConnections(3).build())
                .handler(container).build();
        connector.start();
        int port = connector.localAddress().getPort();
        try (RawSocket a = RawSocket.open(port, "/limited/echo"); RawSocket b = RawSocket.open(port, "/limited/echo");
             RawSocket c = RawSocket.open(port, "/limited/echo")) {
            String refused = RawSocket.handshake(port, "/limited/echo");
            assertTrue(refused.startsWith("HTTP/1.1 503 "), refused);
        } finally {
            connector.close();
            container.close();
        }
    }

    @Test
    void undeployClosesTheWebappsSessionsWith1001() throws Exception {
        try (WsServer server = WsServer.start(dir, "going", null, EchoEndpoint.class)) {
            Client c = Client.open(server.ws("/echo"));
            assertEquals("text:x", c.send("x"));
            assertTrue(server.container.undeploy(server.contextPath));
            assertEquals("close:1001 Webapp undeployed", c.next());
            Waits.until(() -> server.module.figures().get("websocket_sessions_open") == 0, "none open");
        }
    }

    @Test
    void serverStoppingClosesEverySessionWith1001() throws Exception {
        WsServer server = WsServer.start(dir, "stopping", null, EchoEndpoint.class);
        Client a = Client.open(server.ws("/echo"));
        RawSocket b = RawSocket.open(server.port(), server.contextPath + "/echo");
        assertEquals("text:x", a.send("x"));
        server.close(); // serverStopping, then the connector and the container close
        assertEquals("close:1001 Server stopping", a.next());
        assertEquals("1001 Server stopping", b.closeFrame());
        b.close();
    }

    /** Without the module an endpoint is just a class: the webapp deploys and the handshake finds nothing. */
    @Test
    void withoutTheModuleTheEndpointIsNotFound() throws Exception {
        Path webapp = WsServer.webapp(dir, "plain", null, EchoEndpoint.class);
        try (WsServer server = WsServer.startWith(List.of(), webapp)) {
            String r = RawSocket.handshake(server.port(), "/plain/echo");
            assertTrue(r.startsWith("HTTP/1.1 404 "), r);
        }
    }

    /** Without the module a webapp whose start needs the API fails with a one-line reason naming it. */
    @Test
    void withoutTheModuleAWebappNeedingTheApiFailsClearly() throws Exception {
        Path webapp = WsServer.webapp(dir, "needs", "<listener><listener-class>" + UsesWebSocketApi.class.getName()
                + "</listener-class></listener>", UsesWebSocketApi.class);
        ServletContainer container = ServletContainer.builder().modules(List.of()).build();
        try {
            IOException e = assertThrows(IOException.class, () -> container.deploy(webapp));
            assertEquals("Webapp needs failed to start: jakarta/websocket/server/ServerContainer"
                    + " (java.lang.ClassNotFoundException: jakarta.websocket.server.ServerContainer)", e.getMessage());
        } finally {
            container.close();
        }
    }

    /** A bad frame limit fails the webapp's start with one line naming the parameter. */
    @Test
    void aBadFrameLimitFailsTheDeploy() throws Exception {
        Path webapp = WsServer.webapp(dir, "bad", """
                <context-param>
                  <param-name>dev.sluice.websocket.maxFrameBytes</param-name><param-value>lots</param-value>
                </context-param>""", EchoEndpoint.class);
        ServletContainer container = ServletContainer.builder().modules(List.of(new WebSocketModule())).build();
        try {
            IOException e = assertThrows(IOException.class, () -> container.deploy(webapp));
            assertEquals("Webapp bad failed to start: Context parameter dev.sluice.websocket.maxFrameBytes must be a"
                    + " positive number of bytes: lots", e.getMessage());
        } finally {
            container.close();
        }
    }

    @Test
    void figuresNameTheOpenSessions() {
        assertEquals(Map.of("websocket_sessions_open", 0L), new WebSocketModule().figures());
    }
}
