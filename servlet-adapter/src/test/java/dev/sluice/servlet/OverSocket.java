package dev.sluice.servlet;

import dev.sluice.connector.HttpConnector;
import dev.sluice.core.Handler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Requests through a real connector on a loopback port, for tests of webapps deployed in a container. */
final class OverSocket {
    private OverSocket() {
    }

    /**
     * Starts a connector (no Server header) in front of {@code handler}, writes {@code request} on one connection,
     * reads until the server closes it, and returns the response without its Date header.
     */
    static String exchange(Handler handler, String request) throws IOException {
        try (HttpConnector connector = start(handler)) {
            return exchange(connector.localAddress(), request);
        }
    }

    /** A started connector on a free loopback port, sending no Server header. */
    static HttpConnector start(Handler handler) throws IOException {
        HttpConnector connector = HttpConnector.builder()
                .host("127.0.0.1").port(0).handler(handler).serverName(null).build();
        connector.start();
        return connector;
    }

    /** Writes {@code request} on a new connection, reads until the server closes it; Date removed. */
    static String exchange(InetSocketAddress address, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, 10_000);
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("Date: [^\r]*\r\n", "");
        }
    }

    /** A GET with {@code Connection: close} and the given extra header lines. */
    static String get(InetSocketAddress address, String target, String... headers) throws IOException {
        StringBuilder sb = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: x\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        return exchange(address, sb.append("Connection: close\r\n\r\n").toString());
    }
}
