package dev.sluice.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The worker pool's admission, queue, take-back and shutdown, with latches instead of sleeps. */
class WorkerPoolTest {
    private static final long WAIT_SECONDS = 30;
    private final List<WorkerPool> pools = new ArrayList<>();

    @AfterEach
    void shutDown() throws InterruptedException {
        for (WorkerPool pool : pools) {
            pool.shutdown(0);
        }
    }

    private WorkerPool pool(int maxThreads, int acceptQueue) {
        WorkerPool pool = new WorkerPool("test", maxThreads, acceptQueue);
        pools.add(pool);
        return pool;
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
        waitFor(() -> !first.admitted.get() && !second.admitted.get() && !third.admitted.get());
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
        Connection queued = connection(() -> { throw new AssertionError("removed: must not run"); });
        assertTrue(pool.tryExecute(queued));
        assertTrue(pool.remove(queued));
        assertFalse(pool.remove(queued));
        assertEquals(0, pool.queueDepth());
        assertFalse(queued.admitted.get());
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
            waitFor(() -> !failing.admitted.get());
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
        assertFalse(late.admitted.get());
        waitFor(() -> pool.threads() == 0);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(WAIT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
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
