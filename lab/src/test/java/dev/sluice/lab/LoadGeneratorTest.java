package dev.sluice.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Real sockets against {@link StubServer}: what the generator counts must match what the server saw. */
class LoadGeneratorTest {
    private static RunConfig.Builder against(StubServer s) {
        return RunConfig.builder().target(s.address()).duration(Duration.ofSeconds(30));
    }

    @Test
    void closedLoopKeepAliveUsesOneConnectionEach() throws Exception {
        try (StubServer s = new StubServer((n, k, head) -> StubServer.Answer.ok("hi"))) {
            RunResult r = LoadGenerator.run(against(s).connections(4).maxRequests(400).build());
            assertEquals(400, r.totals().get(Count.OK_2XX));
            assertEquals(400, r.totals().get(Count.SENT));
            assertEquals(400, s.requests());
            assertEquals(4, r.totals().get(Count.CONNECTIONS_OPENED));
            assertEquals(4, s.connections());
            assertEquals(400, r.latency().getTotalCount());
            assertEquals(400, r.ttfb().getTotalCount());
            assertEquals(r.totals(), r.intervals().stream().map(Interval::counts).reduce(Counts.ZERO, Counts::plus));
        }
    }

    @Test
    void withoutKeepAliveEveryRequestOpensAConnection() throws Exception {
        try (StubServer s = new StubServer((n, k, head) -> StubServer.Answer.ok("x"))) {
            RunResult r = LoadGenerator.run(against(s).connections(2).http10(true).keepAlive(false)
                    .maxRequests(50).build());
            assertEquals(50, r.totals().get(Count.OK_2XX));
            assertEquals(50, r.totals().get(Count.CONNECTIONS_OPENED));
            assertEquals(50, s.connections());
        }
    }

    @Test
    void pipelinedBatchesAreAnsweredInOrderAnd503sCounted() throws Exception {
        // Every third request is shed; the server keeps the connection, so nothing is lost.
        try (StubServer s = new StubServer((n, k, head) -> n % 3 == 0
                ? new StubServer.Answer("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n"
                        + "Content-Length: 0\r\n\r\n", false)
                : StubServer.Answer.ok("ok"))) {
            RunResult r = LoadGenerator.run(against(s).connections(1).pipeline(8).maxRequests(96).build());
            assertEquals(96, s.requests());
            assertEquals(64, r.totals().get(Count.OK_2XX));
            assertEquals(32, r.totals().get(Count.SHED_503));
            assertEquals(32, r.totals().get(Count.RETRY_AFTER_503));
            assertEquals(1, r.totals().get(Count.CONNECTIONS_OPENED));
        }
    }

    @Test
    void requestsPipelinedBehindAClosingResponseAreCountedUnanswered() throws Exception {
        try (StubServer s = new StubServer((n, k, head) -> k == 2
                ? new StubServer.Answer("HTTP/1.1 503 Busy\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", true)
                : StubServer.Answer.ok("ok"))) {
            RunResult r = LoadGenerator.run(against(s).connections(1).pipeline(4).maxRequests(40).build());
            Counts t = r.totals();
            assertEquals(40, t.get(Count.SENT));
            assertEquals(40, t.finished(), "every request has one outcome: " + t);
            // Each batch of 4: one 2xx, then a 503 that closes, then two requests never answered.
            assertEquals(10, t.get(Count.OK_2XX), t.toString());
            assertEquals(10, t.get(Count.SHED_503), t.toString());
            assertEquals(20, t.get(Count.CLOSED), t.toString());
            assertEquals(10, t.get(Count.CONNECTIONS_OPENED));
            assertEquals(20, s.requests(), "the server read only two requests per connection");
            assertEquals(0, t.get(Count.RETRY_AFTER_503));
        }
    }

    @Test
    void refusedConnectionsAreCountedAndTheRunEndsOnTime() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        long t0 = System.nanoTime();
        RunResult r = LoadGenerator.run(RunConfig.builder().port(port).connections(2)
                .duration(Duration.ofMillis(500)).build());
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos());
        assertTrue(r.totals().get(Count.REFUSED) > 0, r.summary());
        assertEquals(0, r.totals().responses());
        assertEquals(0, r.totals().get(Count.CONNECTIONS_OPENED));
    }

    @Test
    void aSilentServerGivesReadTimeouts() throws Exception {
        try (StubServer s = new StubServer((n, k, head) -> null)) {
            RunResult r = LoadGenerator.run(against(s).connections(2).readTimeout(Duration.ofMillis(200))
                    .duration(Duration.ofMillis(1500)).build());
            assertTrue(r.totals().get(Count.READ_TIMEOUT) >= 2, r.summary());
            assertEquals(0, r.totals().responses());
        }
    }

    @Test
    void theRunStopsAtItsDeadlineEvenWhenRequestsHang() throws Exception {
        try (StubServer s = new StubServer((n, k, head) -> null)) {
            long t0 = System.nanoTime();
            RunResult r = LoadGenerator.run(against(s).connections(3).readTimeout(Duration.ofMinutes(5))
                    .duration(Duration.ofMillis(700)).build());
            long took = System.nanoTime() - t0;
            assertTrue(took < Duration.ofSeconds(5).toNanos(), "took " + took / 1e9 + " s");
            assertEquals(3, r.totals().get(Count.ABANDONED), r.summary());
            assertEquals(0, r.totals().get(Count.READ_TIMEOUT));
        }
    }

    @Test
    void warmupIsNotMeasured() throws Exception {
        try (StubServer s = new StubServer((n, k, head) -> StubServer.Answer.ok("w"))) {
            RunResult r = LoadGenerator.run(against(s).connections(1).thinkTime(Duration.ofMillis(20))
                    .warmup(Duration.ofMillis(600)).duration(Duration.ofMillis(600)).build());
            long measured = r.totals().get(Count.OK_2XX);
            long warm = r.warmup().get(Count.OK_2XX);
            assertTrue(warm > 0 && measured > 0, "warm-up " + warm + ", measured " + measured);
            // The run ends by closing its sockets, so the last request may be cut off anywhere between the client
            // and the server's count: written but not yet read by the server's thread, or never written (the stop
            // came between the loop's check and the send). Either way the client calls it abandoned, so the
            // server saw every answered request and at most the abandoned ones on top: bounds, not an equality.
            long abandoned = r.totals().get(Count.ABANDONED);
            assertBetween(warm + measured, s.requests(), warm + measured + abandoned, "server count");
            assertEquals(measured, r.latency().getTotalCount());
            assertEquals(0.6, r.measuredSeconds(), 0.05);
        }
    }

    @Test
    void openLoopKeepsItsRate() throws Exception {
        try (StubServer s = new StubServer((n, k, head) -> StubServer.Answer.ok("o"))) {
            RunResult r = LoadGenerator.run(against(s).model(RunConfig.Model.OPEN).rate(200).connections(16)
                    .duration(Duration.ofSeconds(2)).build());
            // Due times are fixed: 200/s for 2 s is 400 requests, whatever the machine's load.
            long all = r.totals().finished() + r.totals().get(Count.UNSENT);
            assertEquals(400, all, r.summary());
            // How many of them a loaded machine manages to send in time is the benchmarks' business, not a unit
            // test's (issue 14): what was sent was answered, and the server saw exactly that.
            assertEquals(0, r.totals().transportErrors(), r.summary());
            // A request sent just before the deadline may still sit unread in the server's socket when the run
            // closes it (see warmupIsNotMeasured): the server saw every answered request and no more than were sent.
            assertBetween(r.totals().get(Count.OK_2XX), s.requests(), r.totals().get(Count.SENT), "server count");
        }
    }

    private static void assertBetween(long low, long actual, long high, String what) {
        assertTrue(low <= actual && actual <= high, what + " " + actual + " not in [" + low + ", " + high + "]");
    }
}
