package dev.sluice.connector;

import static dev.sluice.connector.ConnectorSocketTest.awaitTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Limits;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Same-worker keep-alive over real sockets (issue 22): the limits keep their meaning. A next request sent while
 * the previous one runs does not take a queue place, never runs before another connection's queued request, and
 * every request is counted once as admitted, whichever path it took.
 */
class SameWorkerSocketTest {

    @Test
    void queuedRequestOfAnotherConnectionRunsBeforeTheRunningConnectionsNextOne() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        HttpConnector connector = HttpConnector.builder().host("127.0.0.1").port(0)
                .limits(Limits.builder().maxThreads(1).acceptQueue(1).build())
                .handler((request, response) -> {
                    String path = request.head().path();
                    order.add(path);
                    if (path.equals("/a1")) {
                        entered.countDown();
                        release.await(30, TimeUnit.SECONDS);
                    }
                    response.body().write(path.getBytes(StandardCharsets.US_ASCII));
                })
                .build();
        connector.start();
        InetSocketAddress address = connector.localAddress();
        try (RawClient a = new RawClient(address); RawClient b = new RawClient(address);
             RawClient c = new RawClient(address)) {
            a.send(RawClient.get("/a1"));
            assertTrue(entered.await(30, TimeUnit.SECONDS));
            b.send(RawClient.get("/b1"));
            awaitTrue(() -> connector.metrics().queueDepth() == 1);
            a.send(RawClient.get("/a2")); // sent while /a1 runs: not admitted yet, takes no queue place
            c.send(RawClient.get("/c1"));
            assertEquals(503, c.read().status(), "one worker busy and one request queued: the limits are full");
            release.countDown();
            assertEquals("/a1", a.read().body());
            assertEquals("/a2", a.read().body());
            assertEquals("/b1", b.read().body());
        } finally {
            connector.close();
        }
        assertEquals(List.of("/a1", "/b1", "/a2"), order, "the queued request first, then the next one of a");
        ConnectorMetrics m = connector.metrics();
        assertEquals(0, m.sameWorkerRuns(), "another request was queued: no same-worker run");
        assertEquals(3, m.queueTimeMicros().getTotalCount(), "each request admitted once");
        assertEquals(1, m.rejectedTotal());
    }

    @Test
    void requestsSentWhileThePreviousRunsAreEachAdmittedOnceAndAnsweredInOrder() throws Exception {
        int pairs = 50;
        ConcurrentHashMap<String, CountDownLatch> gates = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, CountDownLatch> started = new ConcurrentHashMap<>();
        HttpConnector connector = HttpConnector.builder().host("127.0.0.1").port(0)
                .limits(Limits.builder().maxThreads(2).acceptQueue(0).build())
                .handler((request, response) -> {
                    String path = request.head().path();
                    CountDownLatch gate = gates.get(path);
                    if (gate != null) {
                        started.get(path).countDown();
                        gate.await(30, TimeUnit.SECONDS); // until the client has sent its next request
                    }
                    response.body().write(path.getBytes(StandardCharsets.US_ASCII));
                })
                .build();
        connector.start();
        try (RawClient client = new RawClient(connector.localAddress())) {
            for (int i = 0; i < pairs; i++) {
                CountDownLatch gate = new CountDownLatch(1);
                CountDownLatch running = new CountDownLatch(1);
                gates.put("/first" + i, gate);
                started.put("/first" + i, running);
                client.send(RawClient.get("/first" + i));
                // once the first runs, so that the loop did not read both at once (that is pipelining)
                assertTrue(running.await(30, TimeUnit.SECONDS));
                client.send(RawClient.get("/second" + i));
                gate.countDown();
                assertEquals("/first" + i, client.read().body());
                assertEquals("/second" + i, client.read().body());
            }
        } finally {
            connector.close();
        }
        ConnectorMetrics m = connector.metrics();
        assertEquals(2L * pairs, m.completed());
        assertEquals(2L * pairs, m.queueTimeMicros().getTotalCount(), "each request admitted exactly once");
        assertEquals(0, m.rejectedTotal(), "a next request never counts against acceptQueue 0");
        assertTrue(m.sameWorkerRuns() <= pairs, "only second requests can run on the same worker");
    }
}
