package dev.sluice.servlet.internal.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Listener callbacks run one at a time, in order, with the webapp's loader; none waits on a thread. */
class SerialCallbacksTest {
    private final ClassLoader webapp = new URLClassLoader(new URL[0], null);

    @Test
    void callbacksDuringTheDispatchWaitForItAndRunInOrderAfterIt() {
        SerialCallbacks serial = new SerialCallbacks(() -> webapp);
        List<String> log = new CopyOnWriteArrayList<>();
        serial.holdForDispatch();
        serial.run(() -> log.add("first"));
        serial.run(() -> log.add("second"));
        assertEquals(List.of(), log, "held while the dispatch runs");
        serial.dispatchReturned();
        assertEquals(List.of("first", "second"), log);
        serial.run(() -> log.add("third"));
        assertEquals(List.of("first", "second", "third"), log, "not held any more: runs at once");
    }

    @Test
    void aCallbackRegisteredFromACallbackRunsAfterItOnTheSameThread() {
        SerialCallbacks serial = new SerialCallbacks(() -> webapp);
        List<String> log = new CopyOnWriteArrayList<>();
        serial.run(() -> {
            serial.holdForDispatch(); // a no-op inside a callback: the turn is held already
            serial.run(() -> log.add("inner"));
            log.add("outer");
        });
        assertEquals(List.of("outer", "inner"), log);
        serial.dispatchReturned(); // nothing was held by a dispatch
        serial.run(() -> log.add("after"));
        assertEquals(3, log.size());
    }

    @Test
    void callbacksFromManyThreadsNeverOverlapAndSeeTheWebappLoader() throws Exception {
        SerialCallbacks serial = new SerialCallbacks(() -> webapp);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger wrongLoader = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        try {
            for (int i = 0; i < 2000; i++) {
                pool.execute(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    ClassLoader before = Thread.currentThread().getContextClassLoader();
                    serial.run(() -> {
                        if (running.incrementAndGet() != 1) {
                            overlaps.incrementAndGet();
                        }
                        if (Thread.currentThread().getContextClassLoader() != webapp) {
                            wrongLoader.incrementAndGet();
                        }
                        running.decrementAndGet();
                        done.incrementAndGet();
                    });
                    if (Thread.currentThread().getContextClassLoader() != before) {
                        wrongLoader.incrementAndGet(); // not restored after the callback
                    }
                });
            }
            start.countDown();
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS));
        }
        assertEquals(2000, done.get());
        assertEquals(0, overlaps.get());
        assertEquals(0, wrongLoader.get());
    }
}
