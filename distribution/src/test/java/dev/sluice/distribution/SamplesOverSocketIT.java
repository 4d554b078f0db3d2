package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connector and servlet adapter together on a real socket, serving the samples exactly as the distribution lays
 * them out.
 */
class SamplesOverSocketIT {
    private static SluiceServer server;

    @BeforeAll
    static void start() throws IOException {
        server = SluiceServer.builder()
                .host("127.0.0.1")
                .port(0)
                .webapps(Paths.get("target/sluice/webapps"))
                .start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void helloAnswersWithExactlyTheseBytes() throws IOException {
        String response = exchange("GET /hello/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertEquals("HTTP/1.1 200 OK\r\n"
                + "Date: <date>\r\n"
                + "Server: Sluice\r\n"
                + "Content-Type: text/plain;charset=UTF-8\r\n"
                + "Content-Length: 63\r\n"
                + "Connection: close\r\n"
                + "\r\n"
                + "Hello from Sluice\n"
                + "method: GET\n"
                + "path: /hello/\n"
                + "protocol: HTTP/1.1\n", withoutDate(response));
    }

    @Test
    void helloOnHttp10ClosesAfterTheResponse() throws IOException {
        String response = exchange("HEAD /hello/ HTTP/1.0\r\n\r\n");
        assertEquals("HTTP/1.1 200 OK\r\n"
                + "Date: <date>\r\n"
                + "Server: Sluice\r\n"
                + "Content-Type: text/plain;charset=UTF-8\r\n"
                + "Content-Length: 64\r\n"
                + "Connection: close\r\n"
                + "\r\n", withoutDate(response));
    }

    @Test
    void metricsCountRequestsPerWebapp() throws IOException {
        exchange("GET /hello/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        String metrics = exchange("GET /sluice/metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(metrics.startsWith("HTTP/1.1 200 OK\r\n"), metrics);
        assertTrue(metrics.matches("(?s).*\nsluice_webapp_requests_total\\{context=\"/hello\"} [1-9][0-9]*\n.*"),
                metrics);
    }

    private static String exchange(String request) throws IOException {
        return RawExchange.send(server, request);
    }

    private static String withoutDate(String response) {
        return response.replaceFirst("\r\nDate: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT\r\n",
                "\r\nDate: <date>\r\n");
    }
}
