package dev.sluice.distribution.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HistorySamplerTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicReference<HistorySampler.Reading> reading = new AtomicReference<>();
    private final AtomicLong nanos = new AtomicLong(5 * SECOND);
    private final AtomicLong millis = new AtomicLong(1_700_000_000_000L);
    private final StatusHistory history = new StatusHistory(10);
    private final HistorySampler sampler = new HistorySampler(reading::get, history, nanos::get, millis::get);
    /** Cumulative histograms, as the connector keeps them. */
    private final Histogram queue = new Histogram(3_600_000_000L, 2);
    private final Histogram service = new Histogram(3_600_000_000L, 2);

    private void read(int open, int idle, int busy, int queued, long completed, long rejected) {
        reading.set(new HistorySampler.Reading(open, idle, busy, queued, completed, rejected, queue.copy(),
                service.copy()));
    }

    private void tick(long elapsedNanos) {
        nanos.addAndGet(elapsedNanos);
        millis.addAndGet(elapsedNanos / 1_000_000);
        sampler.run();
    }

    @Test
    void theFirstTickOnlyTakesTheBaseline() {
        read(3, 1, 2, 0, 500, 9);
        sampler.run();
        assertEquals(List.of(), history.all());
    }

    @Test
    void ratesAndGaugesOfTheSecondJustPast() {
        read(3, 1, 2, 0, 500, 9);
        sampler.run();
        read(40, 10, 8, 25, 620, 39);
        tick(SECOND);
        assertEquals(List.of(new HistorySample(1_700_000_001L, 40, 10, 8, 25, 120, 30, 0, 0)), history.all());
    }

    @Test
    void aLateTickIsPerSecondOfTimeReallyElapsed() {
        read(0, 0, 0, 0, 0, 0);
        sampler.run();
        read(0, 0, 0, 0, 300, 0);
        tick(2 * SECOND);
        assertEquals(150.0, history.all().get(0).requestsPerSecond());
    }

    @Test
    void p99CoversOnlyTheRequestsThatEndedInTheSecond() {
        // Before: 1000 slow requests of 2 s each in the queue. Then, in one second, 100 quick ones of 1 ms.
        queue.recordValueWithCount(2_000_000, 1000);
        service.recordValueWithCount(2_000_000, 1000);
        read(0, 0, 0, 0, 1000, 0);
        sampler.run();
        queue.recordValueWithCount(1_000, 100);
        service.recordValueWithCount(50_000, 99);
        service.recordValue(400_000);
        read(0, 0, 0, 0, 1100, 0);
        tick(SECOND);
        HistorySample s = history.all().get(0);
        assertEquals(1.0, s.queueP99Ms(), 0.02, "queue p99 of this second, not of the 2 s ones before");
        assertEquals(50.0, s.serviceP99Ms(), 0.5);
    }

    @Test
    void aQuietSecondHasNoLatency() {
        queue.recordValue(7_000);
        read(1, 1, 0, 0, 1, 0);
        sampler.run();
        tick(SECOND);
        HistorySample s = history.all().get(0);
        assertEquals(0.0, s.queueP99Ms());
        assertEquals(0.0, s.requestsPerSecond());
    }

    @Test
    void catchUpTicksAfterAStallAreSkipped() {
        read(0, 0, 0, 0, 0, 0);
        sampler.run();
        read(0, 0, 0, 0, 40, 0);
        tick(4 * SECOND); // a stall of four seconds: one sample for all of it
        read(0, 0, 0, 0, 41, 0);
        tick(1_000_000); // the scheduler's catch-up bursts a millisecond apart
        tick(1_000_000);
        assertEquals(1, history.all().size());
        assertEquals(10.0, history.all().get(0).requestsPerSecond());
        tick(SECOND);
        assertEquals(2, history.all().size());
        assertEquals(1.0, history.all().get(1).requestsPerSecond(), 0.01);
    }
}
