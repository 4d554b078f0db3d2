package dev.sluice.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * A server that answers at once except for one stall of a known length. The closed loop on one connection
 * waits politely and sees one slow request; the open loop, measuring from each request's due time, must charge
 * the stall to every request that was due during it, spread evenly from the full stall down to zero.
 */
class CoordinatedOmissionTest {
    private static final long STALL_MS = 1000;
    private static final int RATE = 200;
    /** The stall starts with this request, about one second into the run. */
    private static final int STALLED_REQUEST = RATE;

    private static StubServer stallingServer() throws Exception {
        return new StubServer((n, k, head) -> {
            if (n == STALLED_REQUEST) {
                TimeUnit.MILLISECONDS.sleep(STALL_MS);
            }
            return StubServer.Answer.ok("s");
        });
    }

    @Test
    void openLoopSpreadsTheStallOverTheRequestsDueDuringIt() throws Exception {
        try (StubServer s = stallingServer()) {
            RunResult r = LoadGenerator.run(RunConfig.builder().target(s.address()).model(RunConfig.Model.OPEN)
                    .rate(RATE).connections(1).duration(Duration.ofSeconds(3)).build());
            Histogram h = r.latency();
            long expectedDuringStall = RATE * STALL_MS / 1000; // 200 requests were due during the stall
            long quarter = expectedDuringStall / 4;            // 50 per quarter of the stall
            long q1 = countBetween(h, 0, 250);
            long q2 = countBetween(h, 250, 500);
            long q3 = countBetween(h, 500, 750);
            long q4 = countBetween(h, 750, 1300);
            String seen = "quarters " + q2 + "/" + q3 + "/" + q4 + ", " + r.summary();
            System.out.println("open loop against a 1 s stall: " + seen);
            assertTrue(q1 > 350, "most requests are fast: " + q1 + ", " + seen);
            // Each quarter of the stall holds about a quarter of the requests due during it.
            for (long q : new long[] {q2, q3, q4}) {
                assertTrue(q >= quarter / 2 && q <= quarter * 2, seen);
            }
            assertEquals(STALL_MS, h.getMaxValue() / 1000.0, 300, "the first request waited the whole stall");
            assertTrue(r.latencyMillis(90) > 100, "p90 shows the stall: " + seen);
        }
    }

    @Test
    void closedLoopHidesTheStallInOneRequest() throws Exception {
        try (StubServer s = stallingServer()) {
            RunResult r = LoadGenerator.run(RunConfig.builder().target(s.address()).connections(1)
                    .thinkTime(Duration.ofMillis(5)).duration(Duration.ofSeconds(3)).build());
            Histogram h = r.latency();
            System.out.println("closed loop against a 1 s stall: " + r.summary());
            assertEquals(1, countBetween(h, 500, 10_000), "only the stalled request is slow: " + r.summary());
            assertTrue(r.latencyMillis(99) < 500, "p99 does not see the stall: " + r.summary());
        }
    }

    private static long countBetween(Histogram h, long fromMillis, long toMillis) {
        return h.getCountBetweenValues(fromMillis * 1000, toMillis * 1000 - 1);
    }
}
