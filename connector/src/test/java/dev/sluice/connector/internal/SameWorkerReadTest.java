package dev.sluice.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Handler;
import dev.sluice.core.Limits;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Same-worker keep-alive (issue 22): a next request the client sent while its previous one ran is read and run by
 * the worker that answered the previous one, at most {@link SameWorkerRead#MAX_IN_ROW} in a row, never past other
 * connections' queued requests, counted as admitted with zero queue time.
 */
class SameWorkerReadTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    static final Limits LIMITS = Limits.builder().maxKeepAliveRequests(100).build();

    private static String get(int n) {
        return "GET /" + n + " HTTP/1.1\r\nHost: a\r\n\r\n";
    }

    private static String ok(int n) {
        String body = "/" + n;
        return "HTTP/1.1 200 OK\r\nDate: Fri, 02 Jan 2026 03:04:05 GMT\r\nServer: Sluice\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body;
    }

    /** Answers the path; {@code during} runs inside each request with its number, before the answer. */
    private static MemoryConnector connector(List<MemoryConnector> self, BiConsumer<MemoryConnector, Integer> during) {
        Handler handler = (req, res) -> {
            int n = Integer.parseInt(req.head().path().substring(1));
            during.accept(self.get(0), n);
            res.body().write(req.head().path().getBytes(StandardCharsets.ISO_8859_1));
        };
        MemoryConnector c = new MemoryConnector(LIMITS, CLOCK, handler);
        self.add(c);
        return c;
    }

    @Test
    void nextRequestSentDuringAResponseRunsWithoutTheLoopAndCountsZeroQueueTime() {
        List<MemoryConnector> self = new ArrayList<>();
        MemoryConnector c = connector(self, (mc, n) -> {
            if (n == 1) {
                mc.arriveWhileRunning(get(2));
            }
        });
        assertEquals(ok(1) + ok(2), c.send(get(1)));
        ConnectorStats stats = c.ctx.stats;
        assertEquals(1, stats.sameWorkerRuns());
        assertEquals(1, c.resumes, "handed back once, after the second request only");
        assertEquals(2, stats.completed());
        Histogram queue = stats.queueTimeMicros();
        assertEquals(2, queue.getTotalCount(), "both admitted: the queued one and the same-worker one");
        assertTrue(queue.getCountAtValue(0) >= 1, "the same-worker one waited 0");
    }

    @Test
    void atMostMaxInARowThenBackThroughTheLoop() {
        int total = SameWorkerRead.MAX_IN_ROW + 4;
        List<MemoryConnector> self = new ArrayList<>();
        MemoryConnector c = connector(self, (mc, n) -> {
            if (n < total) {
                mc.arriveWhileRunning(get(n + 1));
            }
        });
        StringBuilder expected = new StringBuilder();
        for (int i = 1; i <= total; i++) {
            expected.append(ok(i));
        }
        assertEquals(expected.toString(), c.send(get(1)), "every response, in order");
        // 1 queued, 16 on the same worker, then request 18 goes back through the loop, and 19, 20 follow it
        assertEquals(SameWorkerRead.MAX_IN_ROW + 2, c.ctx.stats.sameWorkerRuns());
        assertEquals(2, c.resumes);
    }

    @Test
    void queuedRequestsOfOtherConnectionsGoFirst() {
        List<MemoryConnector> self = new ArrayList<>();
        MemoryConnector c = connector(self, (mc, n) -> {
            if (n == 1) {
                mc.arriveWhileRunning(get(2));
            }
        });
        c.othersQueued = true;
        assertEquals(ok(1) + ok(2), c.send(get(1)));
        assertEquals(0, c.ctx.stats.sameWorkerRuns());
        assertEquals(2, c.resumes, "each request went back through the loop");
    }

    @Test
    void partOfAHeadGoesBackToTheLoopWhichReadsTheRest() {
        List<MemoryConnector> self = new ArrayList<>();
        MemoryConnector c = connector(self, (mc, n) -> {
            if (n == 1) {
                mc.arriveWhileRunning("GET /2 HTTP/1.1\r\nHo");
            }
        });
        assertEquals(ok(1), c.send(get(1)));
        assertEquals(0, c.ctx.stats.sameWorkerRuns());
        assertEquals(1, c.resumes);
        assertEquals(ok(1) + ok(2), c.send("st: a\r\n\r\n"), "the parser kept the part the worker read");
    }

    @Test
    void aClientThatClosedIsClosed() {
        List<MemoryConnector> self = new ArrayList<>();
        MemoryConnector c = connector(self, (mc, n) -> mc.closeWhileRunning());
        assertEquals(ok(1), c.send(get(1)));
        assertEquals(MemoryConnector.State.CLOSED, c.state());
        assertEquals(0, c.resumes);
    }

    @Test
    void aBadNextHeadIsAnsweredAndTheConnectionLingers() {
        List<MemoryConnector> self = new ArrayList<>();
        MemoryConnector c = connector(self, (mc, n) -> mc.arriveWhileRunning("GET /2 HTTP/1.1\r\nBad Name: x\r\n\r\n"));
        String out = c.send(get(1));
        assertTrue(out.startsWith(ok(1) + "HTTP/1.1 400 Bad Request\r\n"), out);
        assertEquals(MemoryConnector.State.LINGERING, c.state());
    }

    @Test
    void aRequestBodyAfterTheHeadIsReadOnByTheSameWorker() {
        List<MemoryConnector> self = new ArrayList<>();
        Handler echo = (req, res) -> {
            if (req.head().path().equals("/1")) {
                self.get(0).arriveWhileRunning("POST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello");
            }
            res.body().write(req.body().readAllBytes());
        };
        MemoryConnector c = new MemoryConnector(LIMITS, CLOCK, echo);
        self.add(c);
        String out = c.send(get(1));
        assertTrue(out.endsWith("Content-Length: 5\r\n\r\nhello"), out);
        assertEquals(1, c.ctx.stats.sameWorkerRuns());
    }
}
