package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The laid-out server with its websocket module in lib/: the chat sample between two java.net.http clients, the
 * open sessions on the metrics, and a stop that says 1001 Going Away to every client.
 */
class ChatIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void twoMembersChatTheMetricsCountThemAndAStopSaysGoingAway() throws Exception {
        try (Stream<Path> lib = Files.list(Paths.get("target/sluice/lib"))) {
            assertTrue(lib.anyMatch(p -> p.getFileName().toString().startsWith("sluice-websocket-")),
                    "lib/ holds the websocket module");
        }
        SluiceServer server = SluiceServer.builder().host("127.0.0.1").port(0)
                .webapps(Paths.get("target/sluice/webapps")).start();
        boolean stopped = false;
        try {
            String base = "127.0.0.1:" + server.localAddress().getPort();
            Member ann = new Member(URI.create("ws://" + base + "/chat/room/it?name=ann"));
            assertEquals("* ann joined it (1 here)", ann.next());
            Member bob = new Member(URI.create("ws://" + base + "/chat/room/it?name=b%3Cob%3E"));
            assertEquals("* bob joined it (2 here)", ann.next());
            assertEquals("* bob joined it (2 here)", bob.next());
            ann.socket.sendText("hello bob", true).get(10, TimeUnit.SECONDS);
            assertEquals("ann: hello bob", bob.next());
            assertEquals("ann: hello bob", ann.next());

            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + base
                    + "/sluice/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(metrics.contains("\nsluice_websocket_sessions_open 2\n"), metrics);

            bob.socket.sendText("x".repeat(4001), true).get(10, TimeUnit.SECONDS);
            assertTrue(bob.next().startsWith("close:1009 "));
            assertEquals("* bob left", ann.next());

            server.close();
            stopped = true;
            assertEquals("close:1001 Server stopping", ann.next());
        } finally {
            if (!stopped) {
                server.close();
            }
        }
    }

    /** One chat member: what it receives, as lines ("close:<code> <reason>" for the close). */
    private static final class Member implements WebSocket.Listener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final WebSocket socket;
        private final StringBuilder text = new StringBuilder();

        Member(URI uri) throws Exception {
            socket = HTTP.newWebSocketBuilder().buildAsync(uri, this).get(10, TimeUnit.SECONDS);
        }

        String next() throws InterruptedException, IOException {
            String s = received.poll(10, TimeUnit.SECONDS);
            if (s == null) {
                throw new AssertionError("nothing received within 10 s");
            }
            return s;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                received.add(text.toString());
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            received.add("close:" + statusCode + " " + reason);
            return CompletableFuture.completedFuture(null);
        }
    }
}
