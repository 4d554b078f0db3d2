package dev.sluice.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker pool's admission, queue, take-back and shutdown, with latches instead of sleeps. */
class WorkerPoolTest {
    private static final long WAIT_SECONDS = 30;
    private final List<WorkerPool> pools = new ArrayList<>();

    /** Failures inside pool tasks, carried back to the test thread (a worker's own exception is swallowed). */
    private final Queue<Throwable> taskFailures = new ConcurrentLinkedQueue<>();

    @AfterEach
    void shutDown() throws InterruptedException {
        for (WorkerPool pool : pools) {
            pool.shutdown(WAIT_SECONDS * 1000);
        }
        assertTrue(taskFailures.isEmpty(), () -> "failed inside a pool task: " + taskFailures);
    }

    private WorkerPool pool(int maxThreads, int acceptQueue) {
        WorkerPool pool = new WorkerPool("test", maxThreads, acceptQueue);
        pools.add(pool);
        return pool;
    }

    private static boolean held(Connection c) {
        WorkerPool.Admission a = c.admission;
        return a != null && a.held();
    }

    private static Connection connection(Runnable task) {
        Connection c = new Connection(1, null, null, null);
        c.task = task;
        return c;
    }

    @Test
    void admitsMaxThreadsPlusQueueThenRefuses() throws Exception {
        WorkerPool pool = pool(2, 1);
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(3);
        Runnable blocking = () -> {
            running.countDown();
            await(go);
            done.countDown();
        };
        Connection first = connection(blocking);
        Connection second = connection(blocking);
        Connection third = connection(done::countDown);
        assertTrue(pool.tryExecute(first));
        assertTrue(pool.tryExecute(second));
        assertTrue(running.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(pool.tryExecute(third));
        assertEquals(1, pool.queueDepth());
        assertFalse(pool.tryExecute(connection(() -> { })), "2 running + 1 queued: full");
        go.countDown();
        assertTrue(done.await(WAIT_SECONDS, TimeUnit.SECONDS));
        waitFor(() -> pool.queueDepth() == 0);
        // each admission comes back after its task: then three more fit again
        waitFor(() -> !held(first) && !held(second) && !held(third));
        CountDownLatch again = new CountDownLatch(3);
        CountDownLatch hold = new CountDownLatch(1);
        for (int i = 0; i < 3; i++) {
            assertTrue(pool.tryExecute(connection(() -> {
                await(hold);
                again.countDown();
            })));
        }
        hold.countDown();
        assertTrue(again.await(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void aBurstReachesEveryWorker() throws Exception {
        WorkerPool pool = pool(8, 0);
        CountDownLatch allRunning = new CountDownLatch(8);
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < 8; i++) {
            assertTrue(pool.tryExecute(connection(() -> {
                allRunning.countDown();
                await(go); // only when all 8 run at once can this latch open
            })));
        }
        assertTrue(allRunning.await(WAIT_SECONDS, TimeUnit.SECONDS));
        go.countDown();
    }

    @Test
    void noRequestIsStrandedUnderManyShortTasks() throws Exception {
        WorkerPool pool = pool(4, 100_000);
        int n = 50_000;
        CountDownLatch done = new CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            assertTrue(pool.tryExecute(connection(done::countDown)));
            if (i % 1000 == 0) {
                Thread.yield(); // let workers go idle now and then, so hand-offs to waiting workers happen too
            }
        }
        assertTrue(done.await(WAIT_SECONDS, TimeUnit.SECONDS), done.getCount() + " never ran");
        assertTrue(pool.threads() <= 4);
    }

    @Test
    void aQueuedConnectionCanBeTakenBackOnce() throws Exception {
        WorkerPool pool = pool(1, 1);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        assertTrue(pool.tryExecute(connection(() -> {
            running.countDown();
            await(go);
        })));
        assertTrue(running.await(WAIT_SECONDS, TimeUnit.SECONDS));
        AtomicBoolean removedRan = new AtomicBoolean();
        Connection queued = connection(() -> removedRan.set(true));
        assertTrue(pool.tryExecute(queued));
        assertTrue(pool.remove(queued));
        assertFalse(pool.remove(queued));
        assertEquals(0, pool.queueDepth());
        assertFalse(held(queued));
        go.countDown();
        // one worker, first in first out: once a later task has run, the removed one would have run before it
        CountDownLatch later = new CountDownLatch(1);
        assertTrue(pool.tryExecute(connection(later::countDown)));
        assertTrue(later.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertFalse(removedRan.get(), "a removed connection must not run");
    }

    /**
     * Issue 14: a worker hands its connection back (giving back its admission) and the selector queues the
     * connection's next request before the worker has returned; the end of the first run must not give back the
     * next request's admission, or one request more than maxThreads + acceptQueue would be admitted.
     */
    @Test
    void theEndOfARunNeverGivesBackTheNextRequestsAdmission() throws Exception {
        WorkerPool pool = pool(1, 1);
        CountDownLatch nextRunning = new CountDownLatch(1);
        CountDownLatch go = new CountDownLatch(1);
        Connection c = connection(null);
        AtomicInteger runs = new AtomicInteger();
        c.task = () -> {
            if (runs.incrementAndGet() == 1) {
                pool.release(c); // what the hand-back (resume) does
                if (!pool.tryExecute(c)) { // the selector queues the next request at once
                    taskFailures.add(new AssertionError("next request refused with a free worker"));
                }
            } else {
                nextRunning.countDown(); // the first run's afterExecute is over: it came before this
                await(go);
            }
        };
        assertTrue(pool.tryExecute(c));
        assertTrue(nextRunning.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(held(c), "the running request still holds its admission");
        assertTrue(pool.tryExecute(connection(() -> { })), "one queue place is free");
        assertFalse(pool.tryExecute(connection(() -> { })), "1 running + 1 queued: full");
        assertEquals(1, pool.queueDepth());
        go.countDown();
    }

    @Test
    void aFailingTaskFreesItsAdmission() throws Exception {
        WorkerPool pool = pool(1, 0);
        Connection failing = new Connection(1, null, null, new RecordingOwner());
        failing.task = () -> {
            throw new IllegalStateException("handler bug");
        };
        Thread.UncaughtExceptionHandler quiet = (t, e) -> { };
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(quiet);
        try {
            assertTrue(pool.tryExecute(failing));
            waitFor(() -> ((RecordingOwner) failing.owner).closed);
            waitFor(() -> !held(failing));
            CountDownLatch done = new CountDownLatch(1);
            waitFor(() -> pool.tryExecute(connection(done::countDown)));
            assertTrue(done.await(WAIT_SECONDS, TimeUnit.SECONDS));
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }

    @Test
    void shutdownRefusesNewWorkAndEndsTheWorkers() throws Exception {
        WorkerPool pool = pool(2, 2);
        CountDownLatch done = new CountDownLatch(1);
        assertTrue(pool.tryExecute(connection(done::countDown)));
        assertTrue(done.await(WAIT_SECONDS, TimeUnit.SECONDS));
        pool.shutdown(0);
        Connection late = connection(() -> { });
        assertFalse(pool.tryExecute(late));
        assertFalse(held(late));
        waitFor(() -> pool.threads() == 0);
    }

    /** Waits inside a pool task; a timeout or interrupt is carried back to the test thread. */
    private void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                taskFailures.add(new AssertionError("latch not opened in " + WAIT_SECONDS + " s"));
            }
        } catch (InterruptedException e) {
            taskFailures.add(e);
            Thread.currentThread().interrupt();
        }
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached in time");
            Thread.sleep(5);
        }
    }

    static final class RecordingOwner implements ConnectionOwner {
        volatile boolean closed;

        @Override
        public void resume(Connection c) {
        }

        @Override
        public void dispatch(Connection c) {
        }

        @Override
        public void linger(Connection c) {
        }

        @Override
        public void close(Connection c) {
            closed = true;
        }
    }
}
