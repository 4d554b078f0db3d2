package dev.sluice.connector.internal;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * A latency histogram recorded by many threads without sharing a cache line: each recording thread has its own
 * plain {@link Histogram} (no atomic operation per value), and a read adds them up. A shared concurrent histogram
 * costs several contended atomic updates per value (its phaser, the count, minimum and maximum), which showed in
 * every request's profile.
 *
 * <p>Threads: {@link #record} from any thread; {@link #snapshot} from any thread, at any time. A snapshot taken
 * while threads record is a sum of counts read without stopping them: it may miss values being recorded at that
 * instant (monitoring figures, not accounting). The histogram of a thread that ended is added into a retired one
 * (at the next snapshot or new thread), so workers ending after their idle timeout neither lose their values nor
 * leave their histograms behind.
 */
final class PerThreadHistogram {
    private final long highest;
    private final int digits;
    private final ThreadLocal<Histogram> mine = ThreadLocal.withInitial(this::register);
    /** Guarded by this. */
    private final List<Slot> live = new ArrayList<>();
    /** Values of threads that ended; guarded by this. */
    private final Histogram retired;

    private record Slot(WeakReference<Thread> thread, Histogram histogram) {
    }

    /** @param highest the largest value kept apart; larger ones count as {@code highest} */
    PerThreadHistogram(long highest, int significantDigits) {
        this.highest = highest;
        this.digits = significantDigits;
        this.retired = new Histogram(highest, significantDigits);
    }

    /** Records {@code value} (negative counts as 0) in the calling thread's histogram. */
    void record(long value) {
        mine.get().recordValue(Math.min(Math.max(0, value), highest));
    }

    /** The sum of every thread's values so far, as a new histogram. */
    synchronized Histogram snapshot() {
        retireEnded();
        Histogram sum = retired.copy();
        for (Slot slot : live) {
            sum.add(slot.histogram());
        }
        return sum;
    }

    /** Threads whose histogram is kept apart now (for tests). */
    synchronized int liveThreads() {
        retireEnded();
        return live.size();
    }

    private synchronized Histogram register() {
        retireEnded();
        Histogram h = new Histogram(highest, digits);
        live.add(new Slot(new WeakReference<>(Thread.currentThread()), h));
        return h;
    }

    /** A thread's end happens-before isAlive() returns false: its last values are seen. */
    private void retireEnded() {
        for (Iterator<Slot> it = live.iterator(); it.hasNext();) {
            Slot slot = it.next();
            Thread thread = slot.thread().get();
            if (thread == null || !thread.isAlive()) {
                retired.add(slot.histogram());
                it.remove();
            }
        }
    }
}
