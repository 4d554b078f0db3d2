package dev.sluice.samples.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConnectionLedgerTest {
    private static final String ANN = "a".repeat(32);
    private static final String BOB = "b".repeat(32);

    private static ServerFigures on(long connection, int number) {
        return new ServerFigures(connection, number);
    }

    @Test
    void countsRequestsPerConnectionInFirstSeenOrder() {
        ConnectionLedger ledger = new ConnectionLedger(10, 10);
        ledger.startView(ANN);
        ledger.record(ANN, on(7, 1));
        ledger.record(ANN, on(9, 1));
        ledger.record(ANN, on(7, 2));
        ledger.record(ANN, on(8, 1));
        ledger.record(ANN, on(7, 3));
        assertEquals(new ViewSummary(List.of(
                new ConnectionUse(7, 3, 1, 3),
                new ConnectionUse(9, 1, 1, 1),
                new ConnectionUse(8, 1, 1, 1)), 5, 0), ledger.summary(ANN));
    }

    @Test
    void requestNumbersMayArriveOutOfOrderAndStartAboveOne() {
        // A kept-alive connection from an earlier view: its numbers continue, and parallel recording may
        // interleave them.
        ConnectionLedger ledger = new ConnectionLedger(10, 10);
        ledger.startView(ANN);
        ledger.record(ANN, on(3, 12));
        ledger.record(ANN, on(3, 10));
        ledger.record(ANN, on(3, 11));
        assertEquals(List.of(new ConnectionUse(3, 3, 10, 12)), ledger.summary(ANN).connections());
    }

    @Test
    void loadingThePageAgainStartsAFreshView() {
        ConnectionLedger ledger = new ConnectionLedger(10, 10);
        ledger.startView(ANN);
        ledger.record(ANN, on(1, 1));
        ledger.record(ANN, on(1, 2));
        ledger.startView(ANN);
        ledger.record(ANN, on(1, 3));
        assertEquals(new ViewSummary(List.of(new ConnectionUse(1, 1, 3, 3)), 1, 0), ledger.summary(ANN));
    }

    @Test
    void browsersAreKeptApart() {
        ConnectionLedger ledger = new ConnectionLedger(10, 10);
        ledger.record(ANN, on(1, 1));
        ledger.record(BOB, on(2, 1));
        ledger.record(BOB, on(2, 2));
        assertEquals(1, ledger.summary(ANN).requests());
        assertEquals(List.of(new ConnectionUse(2, 2, 1, 2)), ledger.summary(BOB).connections());
    }

    @Test
    void unknownBrowserHasAnEmptySummary() {
        assertEquals(ViewSummary.EMPTY, new ConnectionLedger(10, 10).summary(ANN));
    }

    @Test
    void requestsWithoutFiguresAreCountedAsUnattributed() {
        ConnectionLedger ledger = new ConnectionLedger(10, 10);
        ledger.record(ANN, null);
        ledger.record(ANN, on(4, 1));
        ledger.record(ANN, null);
        assertEquals(new ViewSummary(List.of(new ConnectionUse(4, 1, 1, 1)), 3, 2), ledger.summary(ANN));
    }

    @Test
    void connectionsPastTheBoundAreCountedButNotListed() {
        ConnectionLedger ledger = new ConnectionLedger(10, 2);
        ledger.record(ANN, on(1, 1));
        ledger.record(ANN, on(2, 1));
        ledger.record(ANN, on(3, 1));
        ledger.record(ANN, on(1, 2));
        assertEquals(new ViewSummary(List.of(new ConnectionUse(1, 2, 1, 2), new ConnectionUse(2, 1, 1, 1)), 4, 1),
                ledger.summary(ANN));
    }

    @Test
    void forgetsTheLeastRecentlyActiveBrowserWhenFull() {
        ConnectionLedger ledger = new ConnectionLedger(2, 10);
        String carl = "c".repeat(32);
        ledger.record(ANN, on(1, 1));
        ledger.record(BOB, on(2, 1));
        ledger.record(ANN, on(1, 2)); // Ann active again: Bob is now the eldest
        ledger.record(carl, on(3, 1));
        assertEquals(2, ledger.browsers());
        assertEquals(ViewSummary.EMPTY, ledger.summary(BOB));
        assertEquals(2, ledger.summary(ANN).requests());
        assertEquals(1, ledger.summary(carl).requests());
    }

    @Test
    void rejectsZeroBounds() {
        assertThrows(IllegalArgumentException.class, () -> new ConnectionLedger(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ConnectionLedger(1, 0));
    }

    @Test
    void parallelRecordingLosesNothing() throws Exception {
        // Like a browser loading one page over six connections at once.
        int connections = 6;
        int perConnection = 500;
        ConnectionLedger ledger = new ConnectionLedger(10, 10);
        ledger.startView(ANN);
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 1; c <= connections; c++) {
                long id = c;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int n = 1; n <= perConnection; n++) {
                        ledger.record(ANN, on(id, n));
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
        ViewSummary view = ledger.summary(ANN);
        assertEquals(connections * perConnection, view.requests());
        assertEquals(connections, view.connections().size());
        for (ConnectionUse use : view.connections()) {
            assertEquals(new ConnectionUse(use.connectionId(), perConnection, 1, perConnection), use);
        }
    }
}
