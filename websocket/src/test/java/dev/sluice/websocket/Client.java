package dev.sluice.websocket;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link java.net.http.WebSocket} client that records what it receives as text lines: {@code text:...},
 * {@code binary:<hex>}, {@code pong:...}, {@code close:<code> <reason>}, {@code error:...}.
 */
final class Client implements WebSocket.Listener {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final StringBuilder text = new StringBuilder();
    private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
    final WebSocket socket;

    private Client(URI uri, String[] subprotocols, String... headers) throws Exception {
        WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        if (subprotocols.length > 0) {
            String[] rest = java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length);
            b.subprotocols(subprotocols[0], rest);
        }
        socket = b.buildAsync(uri, this).get(10, TimeUnit.SECONDS);
    }

    static Client open(URI uri, String... headers) throws Exception {
        return new Client(uri, new String[0], headers);
    }

    static Client withSubprotocols(URI uri, String... subprotocols) throws Exception {
        return new Client(uri, subprotocols);
    }

    /** The next thing received, waiting up to 10 s; fails the test when nothing comes. */
    String next() throws InterruptedException {
        String s = received.poll(10, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("nothing received within 10 s");
        }
        return s;
    }

    String send(String message) throws Exception {
        socket.sendText(message, true).get(10, TimeUnit.SECONDS);
        return next();
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            received.add("text:" + text);
            text.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        byte[] b = new byte[data.remaining()];
        data.get(b);
        binary.writeBytes(b);
        if (last) {
            StringBuilder hex = new StringBuilder();
            for (byte x : binary.toByteArray()) {
                hex.append(String.format("%02x", x));
            }
            received.add("binary:" + hex);
            binary.reset();
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
        received.add("pong:" + StandardCharsets.UTF_8.decode(message));
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        received.add("close:" + statusCode + " " + reason);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        received.add("error:" + error);
    }
}
