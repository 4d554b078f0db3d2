package dev.sluice.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Coordinated omission, on a simulated clock: one connection, 200 requests per second for 3 s, a server that
 * answers at once except for one stall of 1 s at request 200. The closed loop measures from the actual send and
 * sees one slow request; the open loop measures from each request's due time ({@link OpenLoop#dueAt}) and must
 * charge the stall to every request that was due during it, spread evenly from the full stall down to zero.
 *
 * <p>The clock is the test's: each request is sent when it is due or when the connection is free, whichever is
 * later, and answered when the server's (simulated) work is done, so the counts below are exact on any machine.
 * How fast the real generator keeps its rate is a benchmark's question, not a unit test's.
 */
class CoordinatedOmissionTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int RATE = 200;
    private static final int REQUESTS = 3 * RATE;
    private static final int STALLED_REQUEST = RATE; // due 1 s into the run
    private static final long STALL = 1000 * MS;

    /** Runs the simulation, recording each response's latency from the due time (open) or the send (closed). */
    private static Histogram run(boolean open) {
        long start = 1_000_000 * MS; // any origin: only differences count
        RunRecorder recorder = new RunRecorder(start);
        long free = start; // when the one connection can send its next request
        for (int k = 0; k < REQUESTS; k++) {
            long due = open ? OpenLoop.dueAt(start, 1e9 / RATE, k) : free;
            long sent = Math.max(due, free);
            long end = sent + (k == STALLED_REQUEST ? STALL : 0);
            recorder.response(new ResponseReader.Response(200, false, true, 1, end), open ? due : sent, sent, end);
            free = end + (open ? 0 : 5 * MS); // the closed loop thinks 5 ms between requests
        }
        return recorder.latencyInterval(null);
    }

    @Test
    void openLoopSpreadsTheStallOverTheRequestsDueDuringIt() {
        Histogram h = run(true);
        assertEquals(REQUESTS, h.getTotalCount());
        // Requests 201..399 were due 5..995 ms before the stall ended and all left when it did: 995, 990 ... 5 ms,
        // 50 to each quarter of the stall (the last one also holds the stalled request's own 1000 ms).
        assertEquals(REQUESTS - 150, countBetween(h, 0, 250), "the fast requests and the first quarter's 50");
        assertEquals(50, countBetween(h, 250, 500), "second quarter of the stall");
        assertEquals(50, countBetween(h, 500, 750), "third quarter");
        assertEquals(50, countBetween(h, 750, 1300), "last quarter");
        assertEquals(1000, h.getMaxValue() / 1000.0, 1, "the stalled request waited the whole stall");
        assertEquals(700, h.getValueAtPercentile(90) / 1000.0, 1, "p90 shows the stall");
    }

    @Test
    void closedLoopHidesTheStallInOneRequest() {
        Histogram h = run(false);
        assertEquals(1, countBetween(h, 5, 10_000), "only the stalled request is slow");
        assertEquals(0, h.getValueAtPercentile(99) / 1000.0, 0.01, "p99 does not see the stall");
    }

    /**
     * Latencies from {@code from} to {@code to} milliseconds, each bound but 0 moved up by half a step: the
     * simulated latencies are multiples of 5 ms, so none sits at a bound where the histogram's buckets could
     * count it on either side.
     */
    private static long countBetween(Histogram h, long fromMillis, long toMillis) {
        long from = fromMillis == 0 ? 0 : fromMillis * 1000 + 2500;
        return h.getCountBetweenValues(from, toMillis * 1000 + 2500 - 1);
    }
}
