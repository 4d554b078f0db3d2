package dev.sluice.samples.guestbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GuestbookStoreTest {
    private static final Instant NOON = Instant.parse("2026-11-26T12:00:00Z");
    private final Clock clock = Clock.fixed(NOON, ZoneOffset.UTC);

    @Test
    void listsNewestFirstWithIdsAndTime() {
        GuestbookStore store = new GuestbookStore(10, clock);
        store.add("Ann", "first");
        store.add("Bob", "second");
        assertEquals(List.of(new Entry(2, "Bob", "second", NOON), new Entry(1, "Ann", "first", NOON)),
                store.entries());
    }

    @Test
    void dropsTheOldestWhenFull() {
        GuestbookStore store = new GuestbookStore(2, clock);
        store.add("a", "1");
        store.add("b", "2");
        store.add("c", "3");
        assertEquals(List.of("c", "b"), store.entries().stream().map(Entry::name).toList());
    }

    @Test
    void entriesIsASnapshot() {
        GuestbookStore store = new GuestbookStore(5, clock);
        List<Entry> before = store.entries();
        store.add("a", "1");
        assertEquals(0, before.size());
        assertEquals(1, store.entries().size());
    }

    @Test
    void rejectsAZeroCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new GuestbookStore(0, clock));
    }

    @Test
    void concurrentSignersGetDistinctIdsAndNoneIsLost() throws Exception {
        int threads = 4;
        int perThread = 250;
        GuestbookStore store = new GuestbookStore(threads * perThread, clock);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        store.add("n", "m");
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Entry> entries = store.entries();
        assertEquals(threads * perThread, entries.size());
        assertEquals(threads * perThread, new HashSet<>(entries.stream().map(Entry::id).toList()).size());
    }

    @Test
    void listenerReadsTheCapacityParameter() {
        assertEquals(100, GuestbookStoreListener.capacity(null));
        assertEquals(100, GuestbookStoreListener.capacity(" "));
        assertEquals(7, GuestbookStoreListener.capacity(" 7 "));
        assertThrows(IllegalArgumentException.class, () -> GuestbookStoreListener.capacity("0"));
        assertThrows(IllegalArgumentException.class, () -> GuestbookStoreListener.capacity("many"));
    }
}
