package dev.sluice.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Handler;
import dev.sluice.core.Limits;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A connector with {@code port(-1)}: an HTTPS listener and no plain HTTP one (Spring Boot's server.ssl). */
class HttpsOnlySocketTest {
    @TempDir
    static Path dir;
    static TlsServer server;
    HttpConnector connector;

    static final Handler SCHEME = (req, res) ->
            res.body().write((req.tls() == null ? "plain" : "tls").getBytes(StandardCharsets.UTF_8));

    @BeforeAll
    static void certificates() throws Exception {
        server = new TlsServer(dir);
    }

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
    }

    @Test
    void servesHttpsAndHasNoHttpListener() throws Exception {
        connector = HttpConnector.builder().host("127.0.0.1").port(-1).https(0, server.tls().build())
                .limits(Limits.DEFAULTS).handler(SCHEME).build();
        connector.start();
        server.connector = connector;

        HttpResponse<String> res = server.client().send(HttpRequest.newBuilder(server.uri("/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, res.statusCode());
        assertEquals("tls", res.body());
        IllegalStateException e = assertThrows(IllegalStateException.class, connector::localAddress);
        assertEquals("No HTTP listener (HTTPS only)", e.getMessage());
        connector.close();
        connector.close();
        assertTrue(connector.httpsAddress().getPort() > 0);
        server.connector = null;
    }

    @Test
    void withoutHttpsAConnectorNeedsAnHttpPort() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HttpConnector.builder().port(-1).handler(SCHEME).build());
        assertEquals("A connector without an HTTP port needs an HTTPS listener", e.getMessage());
        assertNull(connector);
    }
}
