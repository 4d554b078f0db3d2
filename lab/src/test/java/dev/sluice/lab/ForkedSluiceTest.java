package dev.sluice.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Limits;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server in a child JVM: it serves, reports its figures over /sluice/metrics, and is gone after close. */
class ForkedSluiceTest {
    @Test
    void servesReportsAndStops() throws Exception {
        ServerFactory.Running server = new ForkedSluice().start(Limits.builder().maxThreads(4).build());
        try {
            RunResult r = LoadGenerator.run(RunConfig.builder().target(server.address()).connections(2)
                    .maxRequests(50).duration(Duration.ofSeconds(30)).build());
            assertEquals(50, r.totals().get(Count.OK_2XX), r.summary());
            Map<String, Double> figures = server.metrics().sample();
            assertTrue(figures.containsKey("sluice_workers_busy"), figures.toString());
            Map<String, Long> counters = server.counters();
            assertTrue(counters.get("requests_completed_total") >= 50, counters.toString());
            assertTrue(Long.parseLong(getHeap(server).trim()) > 0);
        } finally {
            server.close();
        }
        try (Socket s = new Socket(server.address().getAddress(), server.address().getPort())) {
            throw new AssertionError("the child still listens after close");
        } catch (ConnectException expected) {
            // the child is gone
        }
    }

    private static String getHeap(ServerFactory.Running server) throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        var uri = java.net.URI.create("http://127.0.0.1:" + server.address().getPort() + "/lab/heap");
        return client.send(java.net.http.HttpRequest.newBuilder(uri).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }
}
