package dev.sluice.servlet;

import dev.sluice.connector.HttpConnector;
import dev.sluice.core.Handler;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** One request through a real connector on a free loopback port, for tests of webapps deployed in a container. */
final class OverSocket {
    private OverSocket() {
    }

    /**
     * Starts a connector (no Server header) in front of {@code handler}, writes {@code request} on one connection,
     * reads until the server closes it, and returns the response without its Date header.
     */
    static String exchange(Handler handler, String request) throws IOException {
        try (HttpConnector connector = HttpConnector.builder()
                .host("127.0.0.1").port(0).handler(handler).serverName(null).build()) {
            connector.start();
            try (Socket socket = new Socket()) {
                socket.connect(connector.localAddress(), 10_000);
                socket.setSoTimeout(20_000);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)
                        .replaceAll("Date: [^\r]*\r\n", "");
            }
        }
    }
}
