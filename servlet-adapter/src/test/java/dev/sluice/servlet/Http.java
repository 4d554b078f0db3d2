package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Headers;
import java.nio.charset.StandardCharsets;

/** Sends in-memory requests to a container and waits for them to complete. */
final class Http {
    private final ServletContainer container;
    private long connectionId = 1;
    private int requestNumber;

    Http(ServletContainer container) {
        this.container = container;
    }

    MemoryExchange get(String target, String... headerLines) throws Exception {
        return send("GET", target, null, headerLines);
    }

    /** Sends a request; header lines are "Name: value". Waits up to 20 s for an async exchange. */
    MemoryExchange send(String method, String target, String body, String... headerLines) throws Exception {
        MemoryExchange exchange = begin(method, target, body, headerLines);
        assertTrue(exchange.await(20), "exchange did not complete");
        return exchange;
    }

    /** Sends a request and returns when the handler returns; a suspended exchange may still be running. */
    MemoryExchange begin(String method, String target, String body, String... headerLines) throws Exception {
        Headers headers = new Headers();
        for (String line : headerLines) {
            int colon = line.indexOf(':');
            headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            headers.set("Content-Length", Integer.toString(bytes.length));
        }
        MemoryExchange exchange = new MemoryExchange(method, target, headers, bytes, connectionId, ++requestNumber);
        container.handle(exchange.request, exchange.response);
        if (!exchange.response.isSuspended()) {
            exchange.finish();
        }
        return exchange;
    }

    /** Later requests look as if they came on a new connection. */
    void newConnection() {
        connectionId++;
        requestNumber = 0;
    }
}
