package dev.sluice.distribution.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusHistoryTest {
    private static HistorySample second(long t) {
        return new HistorySample(t, (int) t, 0, 0, 0, t, 0, 0, 0);
    }

    private static List<Long> times(List<HistorySample> samples) {
        return samples.stream().map(HistorySample::epochSecond).toList();
    }

    @Test
    void holdsTenMinutesOfSecondsByDefault() {
        assertEquals(600, new StatusHistory().capacity());
    }

    @Test
    void keepsSamplesOldestFirstUntilFull() {
        StatusHistory h = new StatusHistory(4);
        assertEquals(List.of(), h.all());
        h.record(second(100));
        h.record(second(101));
        h.record(second(102));
        assertEquals(List.of(100L, 101L, 102L), times(h.all()));
    }

    @Test
    void dropsTheOldestWhenFullAtEveryWrapPoint() {
        StatusHistory h = new StatusHistory(3);
        for (long t = 1; t <= 10; t++) {
            h.record(second(t));
            List<Long> expected = new java.util.ArrayList<>();
            for (long k = Math.max(1, t - 2); k <= t; k++) {
                expected.add(k);
            }
            assertEquals(expected, times(h.all()), "after recording second " + t);
        }
    }

    @Test
    void sinceReturnsOnlyLaterSeconds() {
        StatusHistory h = new StatusHistory(5);
        for (long t = 1; t <= 7; t++) {
            h.record(second(t));
        }
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L), times(h.since(0)));
        assertEquals(List.of(6L, 7L), times(h.since(5)));
        assertEquals(List.of(), times(h.since(7)));
        assertEquals(List.of(), times(h.since(1_000)));
    }

    @Test
    void keepsTheSampleValues() {
        StatusHistory h = new StatusHistory(2);
        HistorySample s = new HistorySample(5, 10, 4, 8, 3, 120.5, 7, 1.25, 200);
        h.record(s);
        assertEquals(List.of(s), h.all());
    }

    @Test
    void refusesAnEmptyRing() {
        assertThrows(IllegalArgumentException.class, () -> new StatusHistory(0));
    }
}
