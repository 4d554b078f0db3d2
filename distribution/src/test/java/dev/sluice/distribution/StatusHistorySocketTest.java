package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status page's per-second history and chart files over a real socket, from a running server. */
class StatusHistorySocketTest {
    @TempDir
    Path dir;
    private SluiceServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
    }

    @Test
    void historyCountsTheRequestsOfEachSecond() throws Exception {
        Path root = Files.createDirectories(dir.resolve("webapps/ROOT"));
        Files.writeString(root.resolve("index.html"), "home\n");
        server = SluiceServer.builder().host("127.0.0.1").port(0).webapps(dir.resolve("webapps"))
                .workDir(dir.resolve("work")).start();
        // Ten keep-alive requests on one connection, then the history until a second with them in it appears
        // (the sampler ticks once a second; the 60 s test timeout bounds the wait).
        RawExchange.send(server, get("/index.html").replace("Connection: close\r\n", "").repeat(9)
                + get("/index.html"));
        String body;
        do {
            String response = RawExchange.send(server, get("/sluice/status/history"));
            assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
            assertTrue(response.contains("\r\nContent-Type: application/json\r\n"), response);
            assertTrue(response.contains("\r\nCache-Control: no-store\r\n"), response);
            body = response.substring(response.indexOf("\r\n\r\n") + 4);
        } while (sum(column(body, "requestsPerSecond")) < 10);

        assertTrue(body.startsWith("{\"intervalSeconds\":1,\"capacity\":600,\"time\":["), body);
        String[] times = column(body, "time");
        for (String name : new String[] {"open", "idle", "busy", "queued", "requestsPerSecond",
                "rejectedPerSecond", "queueP99Ms", "serviceP99Ms"}) {
            assertEquals(times.length, column(body, name).length, name + " has a value for every second: " + body);
        }
        long newest = Long.parseLong(times[times.length - 1]);
        long now = System.currentTimeMillis() / 1000;
        assertTrue(newest <= now && newest > now - 30, "seconds since 1970: " + newest);
        assertEquals(0.0, sum(column(body, "rejectedPerSecond")), body);

        String later = RawExchange.send(server, get("/sluice/status/history?since=" + newest));
        assertTrue(!later.contains("\"time\":[" + newest + ",") && !later.contains("," + newest + ","), later);
    }

    @Test
    void theChartLibraryComesFromTheServer() throws Exception {
        server = SluiceServer.builder().host("127.0.0.1").port(0).start();
        String js = RawExchange.send(server, get("/sluice/status/uplot/uPlot.iife.min.js"));
        assertTrue(js.startsWith("HTTP/1.1 200 OK\r\n"), js.lines().findFirst().orElse(""));
        assertTrue(js.contains("\r\nContent-Type: text/javascript; charset=utf-8\r\n"), js.substring(0, 300));
        assertTrue(js.contains("(v1.6.30)"), "uPlot 1.6.30, as pinned in the root pom");
        String missing = RawExchange.send(server, get("/sluice/status/jquery.js"));
        assertTrue(missing.startsWith("HTTP/1.1 404 "), missing);
    }

    private static String[] column(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\\[([^\\]]*)\\]").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1).isEmpty() ? new String[0] : m.group(1).split(",");
    }

    private static double sum(String[] values) {
        double sum = 0;
        for (String v : values) {
            sum += Double.parseDouble(v);
        }
        return sum;
    }
}
