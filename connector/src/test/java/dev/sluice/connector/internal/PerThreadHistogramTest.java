package dev.sluice.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PerThreadHistogramTest {

    @Test
    void valuesOfEveryThreadAddUpAndOutliveTheirThreads() throws Exception {
        PerThreadHistogram h = new PerThreadHistogram(3_600_000_000L, 2);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int base = (t + 1) * 1000;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    h.record(base);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        h.record(7); // this thread's own histogram, still live
        Histogram sum = h.snapshot();
        assertEquals(40_001, sum.getTotalCount());
        assertEquals(10_000, sum.getCountAtValue(3000));
        assertEquals(1, sum.getCountAtValue(7));
        assertEquals(1, h.liveThreads(), "the four ended threads were added into the retired histogram");
        assertEquals(40_001, h.snapshot().getTotalCount(), "and their values kept");
    }

    @Test
    void outOfRangeValuesAreClamped() {
        PerThreadHistogram h = new PerThreadHistogram(1_000_000L, 2);
        h.record(-5);
        h.record(5_000_000_000L);
        Histogram sum = h.snapshot();
        assertEquals(1, sum.getCountAtValue(0));
        assertEquals(2, sum.getTotalCount());
        assertEquals(true, sum.getMaxValue() >= 1_000_000L * 0.99, "counted at the top of the range");
    }
}
