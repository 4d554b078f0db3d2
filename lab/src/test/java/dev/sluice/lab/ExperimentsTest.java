package dev.sluice.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Limits;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The experiments' shape, their workloads on a small scale against an embedded Sluice, and the command line. */
class ExperimentsTest {
    @Test
    void everyExperimentFitsInItsTimeBudget() {
        for (String name : Experiments.NAMES) {
            Sweep s = Experiments.sweep(name, 1);
            assertEquals(name, s.name());
            assertNotNull(s.server(), name + " runs against its own server");
            // Load time plus about a second per step for restarts and the warm-up run stays under 2 minutes.
            double budget = s.plannedSeconds() + s.steps().size() + 3;
            assertTrue(budget < 120, name + " would take about " + budget + " s");
        }
        assertThrows(IllegalArgumentException.class, () -> Experiments.sweep("nope", 1));
    }

    @Test
    void saturationVariesTheQueueAndTheRateWithEightWorkers() {
        Sweep s = Experiments.sweep("saturation", 1);
        assertTrue(s.steps().stream().allMatch(st -> st.limits().maxThreads() == 8));
        assertEquals(List.of(0, 8, 64, 1000, 1000), s.steps().stream().filter(st -> st.x() == 200)
                .map(st -> st.limits().acceptQueue()).toList());
        assertTrue(s.steps().stream().anyMatch(st -> st.limits().queueTimeout().equals(Duration.ofMillis(100))));
        assertTrue(s.steps().stream().allMatch(st -> st.config().model() == RunConfig.Model.OPEN));
    }

    @Test
    void pageLoadsUseSixConnectionsOrOnePipelinedOne() throws Exception {
        try (ServerFactory.Running server = new EmbeddedSluice().start(Limits.DEFAULTS)) {
            RunConfig config = RunConfig.builder().target(server.address()).maxRequests(6)
                    .duration(Duration.ofSeconds(20)).build();
            List<String> resources = List.of("/bytes?n=100", "/bytes?n=200", "/", "/delay?ms=20", "/delay?ms=20",
                    "/delay?ms=20", "/delay?ms=20", "/delay?ms=20");
            RunResult parallel = new PageLoad(2, "/bytes?n=1000", resources, 6, false).run(config);
            assertEquals(6, parallel.totals().get(Count.OK_2XX), parallel.summary());
            assertEquals(6 * 9, parallel.totals().get(Count.SENT));
            // Up to six per browser, kept between pages; how many get used depends on how fast helpers start.
            long opened = parallel.totals().get(Count.CONNECTIONS_OPENED);
            assertTrue(opened > 2 && opened <= 12, "parallel connections used: " + opened);

            RunResult pipelined = new PageLoad(2, "/bytes?n=1000", resources, 6, true).run(config);
            assertEquals(6, pipelined.totals().get(Count.OK_2XX), pipelined.summary());
            assertEquals(2, pipelined.totals().get(Count.CONNECTIONS_OPENED), "one per browser");

            RunResult missing = new PageLoad(1, "/", List.of("/missing"), 2, false)
                    .run(config.toBuilder().maxRequests(1).build());
            assertEquals(1, missing.totals().get(Count.OTHER_STATUS), "a page with a 404 part is not a 2xx page");
        }
    }

    @Test
    void idleClientsReconnectWhenTheServerClosedTheirConnection() throws Exception {
        Limits shortKeepAlive = Limits.builder().keepAliveTimeout(Duration.ofMillis(200)).build();
        try (ServerFactory.Running server = new EmbeddedSluice().start(shortKeepAlive)) {
            RunConfig config = RunConfig.builder().target(server.address()).duration(Duration.ofMillis(2500)).build();
            RunResult r = new IdlePopulation(4, 2, Duration.ofMillis(600), false).run(config);
            Counts t = r.totals().plus(r.warmup());
            assertTrue(t.get(Count.OK_2XX) >= 8, r.summary());
            assertTrue(t.get(Count.CONNECTIONS_OPENED) > 8, "connections closed while idle are reopened: " + t);
            assertEquals(0, t.get(Count.REFUSED) + t.get(Count.READ_TIMEOUT), t.toString());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "'/delay?ms=abc', 'HTTP/1.1 400', 'ms must be a number from 0 to 10000'",
            "'/bytes?n=-1', 'HTTP/1.1 400', 'n must be a number from 0 to 16777216'",
            "'/nothing', 'HTTP/1.1 404', 'no such lab endpoint: /nothing'",
            "'/bytes?n=5', 'HTTP/1.1 200', 'xxxxx'",
            "'/', 'HTTP/1.1 200', 'hello from the Sluice lab'"})
    void labEndpointsAnswerClearly(String target, String statusStart, String body) throws Exception {
        try (ServerFactory.Running server = new EmbeddedSluice().start(Limits.DEFAULTS);
             Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String response = all.toString(StandardCharsets.US_ASCII);
            assertTrue(response.startsWith(statusStart), response);
            assertTrue(response.endsWith("\r\n\r\n" + body + (body.startsWith("x") ? "" : "\n")), response);
        }
    }

    @Test
    void commandLineRejectsBadSettingsInOneLine() {
        StringWriter err = new StringWriter();
        var cl = LabCommand.commandLine();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        assertEquals(2, cl.execute("run", "--host", "192.0.2.7", "-d", "1s"));
        assertEquals("lab: refusing non-loopback target 192.0.2.7 (192.0.2.7); pass --allow-remote to load a "
                + "machine you own", err.toString().trim());
        err.getBuffer().setLength(0);
        assertEquals(2, cl.execute("run", "--think", "soon"));
        assertTrue(err.toString().contains("not a duration"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, cl.execute("experiment", "nope"));
        assertTrue(err.toString().startsWith("lab: unknown experiment nope"), err.toString());
    }
}
