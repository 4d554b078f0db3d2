package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server with a logs folder writes the connector's own refusals to logs/httperr.<date>.log. */
class HttpErrLogIT {
    @TempDir
    Path logs;

    @Test
    void aRequestTheConnectorRefusesIsOneLineOfTheHttpErrLog() throws Exception {
        LocalDate day = LocalDate.now(ZoneOffset.UTC);
        SluiceServer server = SluiceServer.builder().host("127.0.0.1").port(0).accessLog(logs, null).start();
        String response;
        try {
            response = RawExchange.send(server, "GET / HTTP/1.1\r\n\r\n");
        } finally {
            server.close(); // writes what is queued
        }
        assertTrue(response.startsWith("HTTP/1.1 400 Bad Request\r\n"), response);
        Path file = logs.resolve("httperr." + day + ".log");
        if (!Files.exists(file)) { // the request straddled midnight UTC
            file = logs.resolve("httperr." + day.plusDays(1) + ".log");
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(3).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} 127\\.0\\.0\\.1 \\d+ 400 "
                + "BAD_REQUEST - Missing\\+Host\\+header"), lines.get(3));
    }
}
