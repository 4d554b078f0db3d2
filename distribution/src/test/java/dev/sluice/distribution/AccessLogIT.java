package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.distribution.internal.accesslog.AccessLogFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access log of a real server: one line per exchange, with the connector's own figures. */
class AccessLogIT {
    @TempDir
    Path logs;

    @Test
    void w3cLinesForPipelinedRequests() throws IOException {
        SluiceServer server = SluiceServer.builder().host("127.0.0.1").port(0)
                .webapps(Paths.get("target/sluice/webapps"))
                .accessLog(logs, AccessLogFormat.W3C)
                .start();
        try {
            RawExchange.send(server, "GET /hello/?x=1 HTTP/1.1\r\nHost: h\r\nUser-Agent: probe 1.0\r\n\r\n"
                    + "HEAD /nothing-here HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");
        } finally {
            server.close();
        }
        List<String> lines = Files.readAllLines(logs.resolve("access." + LocalDate.now() + ".log"));
        assertEquals("#Software: Sluice", lines.get(0));
        assertEquals(5, lines.size(), String.join("\n", lines));
        String[] hello = lines.get(3).split(" ");
        // date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs-version cs(User-Agent)
        // cs(Referer) sc-status sc-bytes time-taken x-queue-time x-connection-id x-request-number
        assertEquals(List.of("GET", "/hello/", "x=1"), List.of(hello[3], hello[4], hello[5]));
        assertEquals(List.of("127.0.0.1", "HTTP/1.1", "probe+1.0", "-", "200", "63"),
                List.of(hello[8], hello[9], hello[10], hello[11], hello[12], hello[13]));
        assertEquals("1", hello[17], "request number");
        String[] missing = lines.get(4).split(" ");
        assertEquals("HEAD", missing[3]);
        assertEquals("404", missing[12]);
        assertEquals(hello[16], missing[16], "both came on one connection");
        assertEquals("2", missing[17], "request number");
        assertTrue(Long.parseLong(hello[14]) >= Long.parseLong(hello[15]), "time-taken includes queue time");
    }
}
