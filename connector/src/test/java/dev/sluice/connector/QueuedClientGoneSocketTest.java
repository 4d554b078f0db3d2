package dev.sluice.connector;

import static dev.sluice.connector.ConnectorSocketTest.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: a request waiting in the queue whose client resets or closes leaves the queue as soon as the selector
 * sees it, so it does not hold a place that a live client would be refused for; bytes a live queued client sends
 * meanwhile still reach the worker. One worker, one queue place; "/block" holds the worker until released.
 */
class QueuedClientGoneSocketTest {
    private final CountDownLatch blockerEntered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> served = new CopyOnWriteArrayList<>();
    private HttpConnector connector;

    @BeforeEach
    void start() throws IOException {
        connector = HttpConnector.builder().host("127.0.0.1").port(0)
                .limits(Limits.builder().maxThreads(1).acceptQueue(1).build())
                .handler((req, res) -> {
                    served.add(req.head().path());
                    if (req.head().path().equals("/block")) {
                        blockerEntered.countDown();
                        if (!release.await(30, TimeUnit.SECONDS)) {
                            throw new IOException("never released"); // a 500: the blocker's body check fails
                        }
                    }
                    byte[] body = req.body().readAllBytes();
                    res.body().write((req.head().path() + " " + body.length + " " + new String(body,
                            StandardCharsets.ISO_8859_1).hashCode()).getBytes(StandardCharsets.UTF_8));
                }).build();
        connector.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        connector.close();
    }

    @Test
    void aQueuedRequestWhoseClientResetsLeavesTheQueueAtOnce() throws Exception {
        goneClientLeavesTheQueue(true);
    }

    @Test
    void aQueuedRequestWhoseClientClosesLeavesTheQueueAtOnce() throws Exception {
        goneClientLeavesTheQueue(false);
    }

    private void goneClientLeavesTheQueue(boolean reset) throws Exception {
        try (RawClient blocker = new RawClient(connector.localAddress());
             RawClient live = new RawClient(connector.localAddress())) {
            blocker.send(RawClient.get("/block"));
            assertTrue(blockerEntered.await(30, TimeUnit.SECONDS));
            RawClient gone = new RawClient(connector.localAddress());
            gone.send(RawClient.get("/gone"));
            awaitTrue(() -> connector.metrics().queueDepth() == 1);
            if (reset) {
                gone.reset();
            } else {
                gone.close();
            }
            // while the only worker is still busy: before the fix the dead request kept its place until then
            awaitTrue(() -> connector.metrics().abandonedInQueue() == 1 && connector.metrics().queueDepth() == 0);
            assertEquals(1, connector.metrics().busyWorkers());
            live.send(RawClient.get("/live"));
            awaitTrue(() -> connector.metrics().queueDepth() == 1); // queued, not shed
            release.countDown();
            assertEquals("/block 0 0", blocker.read().body());
            RawClient.Response r = live.read();
            assertEquals(200, r.status(), () -> r.body() + " " + connector.metrics());
            assertEquals(0, connector.metrics().rejectedTotal(), () -> connector.metrics().toString());
            // one worker takes the queue in order: had "/gone" still been queued, it would have run before "/live"
            assertEquals(List.of("/block", "/live"), served);
        }
        awaitTrue(() -> connector.metrics().openConnections() == 0);
        assertEquals(1, connector.metrics().abandonedInQueue());
    }

    @Test
    void contentSentWhileQueuedReachesTheWorker() throws Exception {
        String small = "0123456789";
        String large = "x".repeat(40_000) + "end"; // more than the selector's buffer: the worker reads the rest
        try (RawClient blocker = new RawClient(connector.localAddress());
             RawClient a = new RawClient(connector.localAddress())) {
            blocker.send(RawClient.get("/block"));
            assertTrue(blockerEntered.await(30, TimeUnit.SECONDS));
            a.send("POST /small HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\n01234");
            awaitTrue(() -> connector.metrics().queueDepth() == 1);
            long before = connector.metrics().bytesIn();
            a.send("56789");
            awaitTrue(() -> connector.metrics().bytesIn() == before + 5); // read by the selector while queued
            // (no queue-depth check here: while the selector reads a queued connection it is briefly out of the queue)
            a.send("POST /large HTTP/1.1\r\nHost: t\r\nContent-Length: " + large.length() + "\r\n\r\n" + large);
            release.countDown();
            assertEquals(200, blocker.read().status());
            assertEquals("/small 10 " + small.hashCode(), a.read().body());
            assertEquals("/large " + large.length() + " " + large.hashCode(), a.read().body());
        }
        assertEquals(0, connector.metrics().abandonedInQueue());
        assertEquals(0, connector.metrics().rejectedTotal());
    }
}
