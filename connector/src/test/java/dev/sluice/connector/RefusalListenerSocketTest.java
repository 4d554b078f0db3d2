package dev.sluice.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Handler;
import dev.sluice.core.Limits;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every response the connector writes itself reaches its {@link RefusalListener} exactly once, naming the rule
 * and the limit, with the client's address and port: the raw material of the HTTPERR log.
 */
class RefusalListenerSocketTest {
    private final LinkedBlockingQueue<Refusal> refusals = new LinkedBlockingQueue<>();
    private final MutableClock clock = new MutableClock();
    private HttpConnector connector;

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
    }

    private void start(Limits limits, Handler handler) throws Exception {
        connector = HttpConnector.builder().host("127.0.0.1").port(0).limits(limits).clock(clock)
                .handler(handler).refusalListener(refusals::add).build();
        connector.start();
    }

    @Test
    void aFullQueueIsOneQueueFullRefusal() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        start(Limits.builder().maxThreads(1).acceptQueue(0).build(), (req, res) -> {
            entered.countDown();
            release.await(30, TimeUnit.SECONDS);
        });
        try (RawClient busy = new RawClient(connector.localAddress());
             RawClient shed = new RawClient(connector.localAddress())) {
            busy.send(RawClient.get("/busy"));
            assertTrue(entered.await(30, TimeUnit.SECONDS), "the only worker is busy");
            RawClient.Response r = shed.send(RawClient.get("/shed")).read();
            assertEquals(503, r.status());
            Refusal refusal = only();
            assertEquals(Refusal.Reason.QUEUE_FULL, refusal.reason());
            assertEquals(503, refusal.status());
            assertEquals("acceptQueue=0", refusal.limit());
            assertEquals("Server busy, try again later", refusal.message());
            assertEquals(Instant.parse("2026-01-02T03:04:05Z"), refusal.time());
            release.countDown();
            assertEquals(200, busy.read().status());
        }
        assertNull(refusals.poll(), "the served request is no refusal");
    }

    @Test
    void aConnectionOverTheLimitIsOneConnectionLimitRefusalWithItsClientPort() throws Exception {
        start(Limits.builder().maxConnections(1).connectionPolicy(Limits.ConnectionPolicy.REJECT).build(),
                (req, res) -> res.body().write('k'));
        try (RawClient first = new RawClient(connector.localAddress())) {
            assertEquals(200, first.send(RawClient.get("/")).read().status()); // accepted: it holds the slot
            try (Socket second = new Socket()) {
                second.connect(new InetSocketAddress("127.0.0.1", connector.localAddress().getPort()), 10_000);
                second.setSoTimeout(30_000);
                String response = new String(second.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.ISO_8859_1);
                assertTrue(response.startsWith("HTTP/1.1 503 "), response);
                Refusal refusal = only();
                assertEquals(Refusal.Reason.CONNECTION_LIMIT, refusal.reason());
                assertEquals("maxConnections=1", refusal.limit());
                assertEquals(second.getLocalPort(), refusal.client().getPort());
                assertEquals("127.0.0.1", refusal.client().getAddress().getHostAddress());
            }
        }
    }

    @Test
    void aRequestLineTooLongIsOneBadRequestNamingItsLimit() throws Exception {
        start(Limits.builder().maxRequestLine(64).build(), (req, res) -> { });
        try (RawClient c = new RawClient(connector.localAddress())) {
            assertEquals(414, c.send(RawClient.get("/" + "a".repeat(100))).read().status());
        }
        Refusal refusal = only();
        assertEquals(Refusal.Reason.BAD_REQUEST, refusal.reason());
        assertEquals(414, refusal.status());
        assertEquals("maxRequestLine=64", refusal.limit());
    }

    /** The values of one name added up, lines together (http.sys MaxFieldLength; RFC 6585 section 5). */
    @Test
    void oneHeaderNameOverMaxHeaderValueBytesIs431NamingIt() throws Exception {
        start(Limits.builder().maxHeaderValueBytes(100).build(), (req, res) -> { });
        try (RawClient c = new RawClient(connector.localAddress())) {
            String fits = "GET / HTTP/1.1\r\nHost: a\r\nX-A: " + "a".repeat(60) + "\r\nX-B: " + "b".repeat(60)
                    + "\r\nx-a: " + "a".repeat(40) + "\r\n\r\n";
            assertEquals(200, c.send(fits).read().status(), "100 bytes for X-A, 60 for X-B");
        }
        assertNull(refusals.poll(), "no refusal under the limit");
        try (RawClient c = new RawClient(connector.localAddress())) {
            RawClient.Response over = c.send("GET / HTTP/1.1\r\nHost: a\r\nX-A: " + "a".repeat(60)
                    + "\r\nx-a: " + "a".repeat(41) + "\r\n\r\n").read();
            assertEquals(431, over.status());
            assertTrue(over.body().contains("Header field X-A larger than 100 bytes"), over.body());
        }
        Refusal refusal = only();
        assertEquals(431, refusal.status());
        assertEquals("maxHeaderValueBytes=100", refusal.limit());
    }

    @Test
    void tooManyHeaderFieldsNameTheCountLimitAndAMalformedHeadNoLimit() throws Exception {
        start(Limits.builder().maxHeaderCount(2).build(), (req, res) -> { });
        try (RawClient c = new RawClient(connector.localAddress())) {
            assertEquals(431, c.send("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n").read().status());
        }
        assertEquals("maxHeaderCount=2", only().limit());
        try (RawClient c = new RawClient(connector.localAddress())) {
            assertEquals(400, c.send("GET / HTTP/1.1\r\n\r\n").read().status());
        }
        Refusal missingHost = only();
        assertEquals(400, missingHost.status());
        assertEquals("-", missingHost.limit());
        assertEquals("Missing Host header", missingHost.message());
    }

    @Test
    void aBadPipelinedHeadParsedByTheWorkerIsRefusedToo() throws Exception {
        start(Limits.DEFAULTS, (req, res) -> res.body().write('k'));
        try (RawClient c = new RawClient(connector.localAddress())) {
            c.send(RawClient.get("/") + "GET / HTTP/1.1\r\n\r\n"); // both in one write: the second waits in the buffer
            assertEquals(200, c.read().status());
            assertEquals(400, c.read().status());
        }
        Refusal refusal = only();
        assertEquals(Refusal.Reason.BAD_REQUEST, refusal.reason());
        assertEquals("Missing Host header", refusal.message());
    }

    @Test
    void aBodyOverTheLimitIsRefusedAtTheGate() throws Exception {
        start(Limits.builder().maxBodyBytes(10).build(), (req, res) -> { });
        try (RawClient c = new RawClient(connector.localAddress())) {
            assertEquals(413, c.send("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 11\r\n\r\n").read().status());
        }
        Refusal refusal = only();
        assertEquals(413, refusal.status());
        assertEquals("maxBodyBytes=10", refusal.limit());
    }

    @Test
    void anIncompleteHeadPastItsTimeoutIsOneHeaderTimeout() throws Exception {
        start(Limits.builder().headerTimeout(Duration.ofSeconds(20)).build(), (req, res) -> { });
        try (RawClient c = new RawClient(connector.localAddress())) {
            c.send("GET / HTTP/1.1\r\nHost: a\r\n");
            c.awaitResponse(() -> clock.advance(Duration.ofSeconds(30)));
            assertEquals(408, c.read().status());
        }
        Refusal refusal = only();
        assertEquals(Refusal.Reason.HEADER_TIMEOUT, refusal.reason());
        assertEquals("headerTimeout=20s", refusal.limit());
    }

    /** The one refusal told (before its response was written), and no other. */
    private Refusal only() throws InterruptedException {
        Refusal refusal = refusals.poll(10, TimeUnit.SECONDS);
        assertNotNull(refusal, "no refusal told");
        assertNull(refusals.poll(), "more than one refusal: " + refusal + ", " + refusals);
        return refusal;
    }
}
