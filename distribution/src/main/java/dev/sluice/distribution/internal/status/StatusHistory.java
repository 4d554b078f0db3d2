package dev.sluice.distribution.internal.status;

import java.util.ArrayList;
import java.util.List;

/**
 * The last {@link #capacity()} per-second samples of the status page, oldest first, in a fixed ring: memory stays
 * the same however long the server runs, and the oldest second falls out when a new one comes in.
 *
 * <p>Thread safety: one thread records (the sampler, once a second) while any number of status requests read;
 * both are synchronized on this object, and each holds the lock for a copy of at most {@link #capacity()} small
 * records.
 */
public final class StatusHistory {
    /** Ten minutes of one sample a second. */
    public static final int DEFAULT_CAPACITY = 600;

    private final HistorySample[] ring;
    /** Where the next sample goes. */
    private int next;
    private int size;

    public StatusHistory() {
        this(DEFAULT_CAPACITY);
    }

    public StatusHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.ring = new HistorySample[capacity];
    }

    public int capacity() {
        return ring.length;
    }

    /** Adds the newest sample, dropping the oldest when the ring is full. */
    public synchronized void record(HistorySample sample) {
        ring[next] = sample;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
    }

    /** Every sample held, oldest first. */
    public List<HistorySample> all() {
        return since(Long.MIN_VALUE);
    }

    /**
     * The samples of seconds after {@code epochSecond}, oldest first: what a page that already drew up to that
     * second is missing.
     */
    public synchronized List<HistorySample> since(long epochSecond) {
        List<HistorySample> out = new ArrayList<>(size);
        int oldest = (next - size + ring.length) % ring.length;
        for (int i = 0; i < size; i++) {
            HistorySample s = ring[(oldest + i) % ring.length];
            if (s.epochSecond() > epochSecond) {
                out.add(s);
            }
        }
        return out;
    }
}
