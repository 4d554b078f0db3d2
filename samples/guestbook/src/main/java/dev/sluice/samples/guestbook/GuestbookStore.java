package dev.sluice.samples.guestbook;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The guestbook's entries, in memory, newest first. Bounded: once full, signing drops the oldest entry, so a
 * busy or abused guestbook cannot grow the heap without limit. Safe for concurrent requests.
 */
final class GuestbookStore {
    /** Name of the ServletContext attribute under which {@link GuestbookStoreListener} publishes the store. */
    static final String ATTRIBUTE = GuestbookStore.class.getName();

    private final int capacity;
    private final Clock clock;
    private final Deque<Entry> newestFirst = new ArrayDeque<>();
    private long lastId;

    GuestbookStore(int capacity, Clock clock) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Adds a validated entry, stamped with the store's clock, and returns it. */
    synchronized Entry add(String name, String message) {
        Entry entry = new Entry(++lastId, name, message, clock.instant());
        newestFirst.addFirst(entry);
        if (newestFirst.size() > capacity) {
            newestFirst.removeLast();
        }
        return entry;
    }

    /** A snapshot of the entries, newest first. */
    synchronized List<Entry> entries() {
        return List.copyOf(new ArrayList<>(newestFirst));
    }

    int capacity() {
        return capacity;
    }
}
