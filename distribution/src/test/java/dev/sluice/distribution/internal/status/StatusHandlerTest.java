package dev.sluice.distribution.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusHandlerTest {
    private final List<String> passedOn = new ArrayList<>();
    private final StatusHistory history = new StatusHistory(3);
    private final StatusHandler handler = new StatusHandler(
            (request, response) -> passedOn.add(request.head().path()), StatusHandlerTest::figures,
            new WebappCounters(() -> List.of("", "/hello")), history);

    static ServerFigures figures() {
        Map<String, Long> rejected = new LinkedHashMap<>();
        rejected.put("queue_full", 7L);
        rejected.put("queue_timeout", 0L);
        rejected.put("connection_limit", 2L);
        rejected.put("draining", 0L);
        Map<String, Long> perWebapp = new LinkedHashMap<>();
        perWebapp.put("/", 3L);
        perWebapp.put("/hello", 40L);
        return new ServerFigures(61_000, 12, 9, 10_000, 3, 8, 2, 16, 120, 43, 9000, 81000, rejected,
                new ServerFigures.Latency(43, 0.5, 1.25, 4, 8, 9.5),
                new ServerFigures.Latency(43, 2, 3, 201.5, 210, 220), perWebapp,
                Map.of(), Map.of("websocket_sessions_open", 5L));
    }

    /** The figures above with an HTTPS listener: handshakes by state, and what they agreed on. */
    static ServerFigures tlsFigures() {
        ServerFigures f = figures();
        Map<String, Long> handshakes = new LinkedHashMap<>();
        handshakes.put("in_progress", 1L);
        handshakes.put("completed", 11L);
        handshakes.put("resumed", 4L);
        handshakes.put("failed", 2L);
        Map<String, Long> negotiated = new LinkedHashMap<>();
        negotiated.put("TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", 3L);
        negotiated.put("TLSv1.3 TLS_AES_128_GCM_SHA256", 8L);
        return new ServerFigures(f.uptimeMillis, f.openConnections, f.idleConnections, f.maxConnections,
                f.busyWorkers, f.maxThreads, f.queueDepth, f.acceptQueue, f.accepted, f.completed, f.bytesIn,
                f.bytesOut, f.rejected, f.queueTime, f.serviceTime, f.requestsPerWebapp, handshakes, f.modules,
                negotiated);
    }

    @Test
    void tlsFiguresInPrometheusJsonAndThePage() throws Exception {
        String text = MetricsText.prometheus(tlsFigures());
        assertTrue(text.contains("\nsluice_tls_handshakes{state=\"resumed\"} 4\n"), text);
        assertTrue(text.contains("\n# TYPE sluice_tls_negotiated_total counter\n"
                + "sluice_tls_negotiated_total{protocol=\"TLSv1.2\",cipher=\"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256\"} 3\n"
                + "sluice_tls_negotiated_total{protocol=\"TLSv1.3\",cipher=\"TLS_AES_128_GCM_SHA256\"} 8\n"), text);
        String json = MetricsText.json(tlsFigures());
        assertTrue(json.contains("\"tlsHandshakes\":{\"in_progress\":1,\"completed\":11,\"resumed\":4,\"failed\":2},"
                + "\"tlsNegotiated\":{\"TLSv1.2 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256\":3,"
                + "\"TLSv1.3 TLS_AES_128_GCM_SHA256\":8},"), json);
        String page = StatusPage.render(tlsFigures());
        assertTrue(page.contains("<tr><td>TLS handshakes resumed</td><td class=\"n\" id=\"tls-resumed\">4</td></tr>"),
                page);
        assertTrue(page.contains("<tr><td>TLS handshakes with TLSv1.3 TLS_AES_128_GCM_SHA256</td>"
                + "<td class=\"n\" id=\"tlsn-TLSv1.3_TLS_AES_128_GCM_SHA256\">8</td></tr>"), page);
        String plain = MetricsText.prometheus(figures());
        assertTrue(!plain.contains("sluice_tls_") && !MetricsText.json(figures()).contains("tls"),
                "no TLS figures without an HTTPS listener");
    }

    @Test
    void prometheusTextForLoopback() throws Exception {
        MemoryExchange x = new MemoryExchange("GET", "/sluice/metrics", "127.0.0.1");
        handler.handle(x.request, x.response);
        assertEquals(Status.OK, x.response.status());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", x.response.headers().get("Content-Type"));
        String text = x.response.text();
        assertTrue(text.contains("\nsluice_workers_busy 3\n"), text);
        assertTrue(text.contains("\nsluice_queue_depth 2\n"), text);
        assertTrue(text.contains("\nsluice_rejected_total{reason=\"queue_full\"} 7\n"), text);
        assertTrue(text.contains("\nsluice_service_time_ms{quantile=\"0.99\"} 201.500\n"), text);
        assertTrue(text.contains("\nsluice_webapp_requests_total{context=\"/hello\"} 40\n"), text);
        assertTrue(text.contains("\n# TYPE sluice_websocket_sessions_open gauge\nsluice_websocket_sessions_open 5\n"),
                text);
        assertEquals(Integer.toString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                x.response.headers().get("Content-Length"));
    }

    @Test
    void jsonOnRequest() throws Exception {
        MemoryExchange x = new MemoryExchange("GET", "/sluice/metrics?format=json", "127.0.0.1");
        handler.handle(x.request, x.response);
        assertEquals("application/json", x.response.headers().get("Content-Type"));
        assertEquals("{\"uptimeMillis\":61000,\"connections\":{\"open\":12,\"idle\":9,\"max\":10000,"
                + "\"accepted\":120},\"workers\":{\"busy\":3,\"max\":8},\"queue\":{\"depth\":2,\"max\":16},"
                + "\"completed\":43,\"bytesIn\":9000,\"bytesOut\":81000,\"rejected\":{\"queue_full\":7,"
                + "\"queue_timeout\":0,\"connection_limit\":2,\"draining\":0},\"queueTimeMs\":{\"count\":43,"
                + "\"p50\":0.500,\"p90\":1.250,\"p99\":4,\"p999\":8,\"max\":9.500},\"serviceTimeMs\":{\"count\":43,"
                + "\"p50\":2,\"p90\":3,\"p99\":201.500,\"p999\":210,\"max\":220},\"requestsPerWebapp\":{\"/\":3,"
                + "\"/hello\":40},\"modules\":{\"websocket_sessions_open\":5}}", x.response.text());
    }

    @Test
    void jsonByAcceptHeader() throws Exception {
        MemoryExchange x = new MemoryExchange("GET", "/sluice/metrics", "::1", "Accept: application/json");
        handler.handle(x.request, x.response);
        assertEquals("application/json", x.response.headers().get("Content-Type"));
    }

    @Test
    void statusPageShowsTheFigures() throws Exception {
        MemoryExchange x = new MemoryExchange("GET", "/sluice/status", "127.0.0.1");
        handler.handle(x.request, x.response);
        assertEquals("text/html; charset=utf-8", x.response.headers().get("Content-Type"));
        String html = x.response.text();
        assertTrue(html.contains("<td class=\"n\" id=\"busy\">3</td><td class=\"n\" id=\"maxThreads\">8</td>"), html);
        assertTrue(html.contains("id=\"rejected-queue_full\">7</td>"), html);
        assertTrue(html.contains("<td>websocket sessions open</td><td class=\"n\" id=\"module-websocket_sessions_open\">5"
                + "</td>"), html);
        assertTrue(html.contains("setInterval(refresh, 1000)"), "page does not refresh itself");
    }

    @Test
    void statusPageHasTheChartsBesideTheTables() throws Exception {
        MemoryExchange x = new MemoryExchange("GET", "/sluice/status", "127.0.0.1");
        handler.handle(x.request, x.response);
        String html = x.response.text();
        assertTrue(html.contains("<div id=\"charts\" data-max-threads=\"8\" data-accept-queue=\"16\" "
                + "data-max-connections=\"10000\">"), html);
        assertTrue(html.contains("<script src=\"/sluice/status/uplot/uPlot.iife.min.js\"></script>\n"
                + "<script src=\"/sluice/status/charts.js\"></script>"), html);
        assertTrue(!html.contains("http://") && !html.contains("https://"), "the page loads nothing from elsewhere");
    }

    @Test
    void historyAsJsonColumns() throws Exception {
        history.record(new HistorySample(1000, 12, 9, 3, 2, 120, 0, 0.5, 201.5));
        history.record(new HistorySample(1001, 14, 2, 8, 16, 95.5, 30, 1200, 340));
        MemoryExchange x = new MemoryExchange("GET", "/sluice/status/history", "127.0.0.1");
        handler.handle(x.request, x.response);
        assertEquals(Status.OK, x.response.status());
        assertEquals("application/json", x.response.headers().get("Content-Type"));
        assertEquals("no-store", x.response.headers().get("Cache-Control"));
        assertEquals("{\"intervalSeconds\":1,\"capacity\":3,\"time\":[1000,1001],\"open\":[12,14],"
                + "\"idle\":[9,2],\"busy\":[3,8],\"queued\":[2,16],\"requestsPerSecond\":[120,95.5],"
                + "\"rejectedPerSecond\":[0,30],\"queueP99Ms\":[0.5,1200],\"serviceP99Ms\":[201.5,340]}",
                x.response.text());
    }

    @Test
    void historySinceASecondHasOnlyTheLaterOnes() throws Exception {
        for (long t = 1000; t < 1005; t++) {
            history.record(new HistorySample(t, 1, 1, 0, 0, 0, 0, 0, 0));
        }
        MemoryExchange x = new MemoryExchange("GET", "/sluice/status/history?since=1003", "127.0.0.1");
        handler.handle(x.request, x.response);
        assertTrue(x.response.text().startsWith("{\"intervalSeconds\":1,\"capacity\":3,\"time\":[1004],"),
                x.response.text());
    }

    @Test
    void historyWithABadSinceIsA400() throws Exception {
        MemoryExchange x = new MemoryExchange("GET", "/sluice/status/history?since=yesterday", "127.0.0.1");
        handler.handle(x.request, x.response);
        assertEquals(Status.BAD_REQUEST, x.response.status());
        assertEquals("since must be a whole number of seconds since 1970.\n", x.response.text());
    }

    @Test
    void servesTheChartLibraryItself() throws Exception {
        MemoryExchange x = new MemoryExchange("GET", "/sluice/status/uplot/uPlot.iife.min.js", "127.0.0.1");
        handler.handle(x.request, x.response);
        assertEquals(Status.OK, x.response.status());
        assertEquals("text/javascript; charset=utf-8", x.response.headers().get("Content-Type"));
        assertTrue(x.response.text().contains("var uPlot"), "uPlot's script, copied from its webjar by the build");
        MemoryExchange css = new MemoryExchange("GET", "/sluice/status/uplot/uPlot.min.css", "::1");
        handler.handle(css.request, css.response);
        assertEquals("text/css; charset=utf-8", css.response.headers().get("Content-Type"));
        assertTrue(css.response.text().contains(".uplot"), css.response.text());
        MemoryExchange js = new MemoryExchange("GET", "/sluice/status/charts.js", "127.0.0.1");
        handler.handle(js.request, js.response);
        assertTrue(js.response.text().contains("/sluice/status/history?since="), js.response.text());
    }

    @Test
    void unknownStatusFilesAre404AndNeverReachTheWebapps() throws Exception {
        for (String path : List.of("/sluice/status/nope.js", "/sluice/status/../status", "/sluice/status/uplot/")) {
            MemoryExchange x = new MemoryExchange("GET", path, "127.0.0.1");
            handler.handle(x.request, x.response);
            assertEquals(Status.NOT_FOUND, x.response.status(), path);
        }
        assertEquals(List.of(), passedOn);
    }

    @Test
    void historyIsForLoopbackClientsOnly() throws Exception {
        MemoryExchange x = new MemoryExchange("GET", "/sluice/status/history", "192.0.2.10");
        handler.handle(x.request, x.response);
        assertEquals(Status.FORBIDDEN, x.response.status());
    }

    @Test
    void otherClientsAreForbidden() throws Exception {
        MemoryExchange x = new MemoryExchange("GET", "/sluice/status", "192.0.2.10");
        handler.handle(x.request, x.response);
        assertEquals(Status.FORBIDDEN, x.response.status());
        assertEquals("The status page is only served to loopback clients.\n", x.response.text());
    }

    @Test
    void postIsNotAllowed() throws Exception {
        MemoryExchange x = new MemoryExchange("POST", "/sluice/metrics", "127.0.0.1");
        handler.handle(x.request, x.response);
        assertEquals(Status.METHOD_NOT_ALLOWED, x.response.status());
        assertEquals("GET, HEAD", x.response.headers().get("Allow"));
    }

    @Test
    void everythingElseIsPassedOn() throws Exception {
        MemoryExchange x = new MemoryExchange("GET", "/sluice/statusx", "127.0.0.1");
        handler.handle(x.request, x.response);
        MemoryExchange y = new MemoryExchange("GET", "/hello/", "192.0.2.10");
        handler.handle(y.request, y.response);
        assertEquals(List.of("/sluice/statusx", "/hello/"), passedOn);
    }
}
