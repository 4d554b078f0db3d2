package dev.sluice.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Limits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Overload over real sockets: shedding with 503, and slow clients that must not cost workers. */
class OverloadSocketTest {

    @Test
    void fiftyConcurrentSlowRequestsGet200Or503AndNoneAResetOrTimeout() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        Limits limits = Limits.builder().maxThreads(2).acceptQueue(2).retryAfterSeconds(3).build();
        try (HttpConnector connector = HttpConnector.builder().host("127.0.0.1").port(0).limits(limits)
                .handler((req, res) -> {
                    running.incrementAndGet();
                    release.await(60, TimeUnit.SECONDS); // slow until every 503 has been seen
                    res.body().write("ok".getBytes(StandardCharsets.UTF_8));
                }).build()) {
            connector.start();
            int clients = 50;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            AtomicInteger shed = new AtomicInteger();
            List<Long> shedMillis = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Future<RawClient.Response>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                results.add(pool.submit(() -> {
                    try (RawClient c = new RawClient(connector.localAddress(), 60_000)) {
                        long start = System.nanoTime();
                        RawClient.Response r = c.send(RawClient.get("/slow")).read();
                        if (r.status() == 503) {
                            shedMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
                            shed.incrementAndGet();
                        }
                        return r;
                    }
                }));
            }
            // 2 running + 2 queued; everyone else must be told at once, while the slow ones still hold on
            ConnectorSocketTest.awaitTrue(() -> shed.get() == clients - 4);
            assertEquals(2, running.get());
            assertEquals(2, connector.metrics().queueDepth());
            release.countDown();
            int ok = 0;
            for (Future<RawClient.Response> f : results) {
                RawClient.Response r = f.get(60, TimeUnit.SECONDS); // an exception here is a reset or timeout
                if (r.status() == 200) {
                    ok++;
                    assertEquals("ok", r.body());
                } else {
                    assertEquals(503, r.status());
                    assertEquals("3", r.header("Retry-After"));
                    assertEquals("close", r.header("Connection"));
                    assertTrue(r.body().startsWith("503 Service Unavailable"), r.body());
                }
            }
            assertEquals(4, ok);
            assertEquals(clients - 4, connector.metrics().rejected(ConnectorMetrics.RejectReason.QUEUE_FULL));
            long max = shedMillis.stream().mapToLong(Long::longValue).max().orElse(0);
            System.out.println("[overload] 503 latency ms: max " + max + ", median "
                    + shedMillis.stream().sorted().toList().get(shedMillis.size() / 2));
            pool.shutdownNow();
            ConnectorSocketTest.awaitTrue(() -> connector.metrics().openConnections() == 0
                    && connector.metrics().busyWorkers() == 0 && connector.metrics().queueDepth() == 0);
        }
    }

    @Test
    void fiveHundredSlowlorisConnectionsDoNotDelayAnotherClient() throws Exception {
        // heads that never complete within the test: a worker given to one would stay busy throughout
        Limits limits = Limits.builder().maxThreads(2).acceptQueue(2).headerTimeout(java.time.Duration.ofMinutes(10))
                .build();
        try (HttpConnector connector = HttpConnector.builder().host("127.0.0.1").port(0).limits(limits)
                .handler((req, res) -> res.body().write("fast".getBytes(StandardCharsets.UTF_8))).build()) {
            connector.start();
            InetSocketAddress address = connector.localAddress();
            List<Socket> loris = new ArrayList<>();
            try {
                for (int i = 0; i < 500; i++) {
                    Socket s = new Socket();
                    s.connect(new InetSocketAddress("127.0.0.1", address.getPort()), 30_000);
                    s.getOutputStream().write("GET /never HTTP/1.1\r\nHost: t\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1));
                    loris.add(s);
                }
                ConnectorSocketTest.awaitTrue(() -> connector.metrics().openConnections() == 500);
                for (int round = 0; round < 3; round++) {
                    for (Socket s : loris) { // one more byte each: never a whole head
                        s.getOutputStream().write('a');
                    }
                }
                long start = System.nanoTime();
                try (RawClient c = new RawClient(address, 30_000)) {
                    for (int i = 0; i < 20; i++) {
                        RawClient.Response r = c.send(RawClient.get("/x")).read();
                        assertEquals(200, r.status());
                        assertEquals("fast", r.body());
                    }
                }
                System.out.println("[slowloris] 20 requests beside 500 slow heads took "
                        + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
                // the last worker may still be returning to the pool; slow heads would hold theirs for good
                ConnectorSocketTest.awaitTrue(() -> connector.metrics().busyWorkers() == 0);
                assertEquals(0, connector.metrics().rejectedTotal());
            } finally {
                for (Socket s : loris) {
                    closeQuietly(s);
                }
            }
            ConnectorSocketTest.awaitTrue(() -> connector.metrics().openConnections() == 0);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // test cleanup
        }
    }
}
