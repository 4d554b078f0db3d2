package dev.sluice.connector.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.HttpConnector;
import dev.sluice.connector.internal.http2.Frame;
import dev.sluice.connector.internal.http2.FrameWriter;
import dev.sluice.connector.internal.http2.Http2Error;
import dev.sluice.connector.internal.http2.Settings;
import dev.sluice.core.Handler;
import dev.sluice.core.Limits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a hostile or broken HTTP/2 client gets: each known attack ends with the right GOAWAY or a per-stream
 * answer, and leaves nothing behind (no queued stream, no busy worker). Sources: CVE-2023-44487 (rapid reset),
 * CVE-2024-27316 (CONTINUATION flood), CVE-2019-9512/9515/9518 (PING, SETTINGS, empty frame floods), RFC 7541
 * section 7.3 and RFC 9113 section 10.5 (header list size), RFC 9113 sections 5.1.1, 6.9 and 6.8.
 */
class Http2DefenceSocketTest {
    private HttpConnector connector;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        if (connector != null) {
            connector.close();
        }
    }

    private H2Client start(Limits limits, Handler handler, int... settings) throws IOException {
        connector = HttpConnector.builder().host("127.0.0.1").port(0).limits(limits).handler(handler).build();
        connector.start();
        return H2Client.connect(connector.localAddress(), settings);
    }

    private static final Handler OK = (request, response) -> response.body().write('k');

    /** Waits (bounded) for a figure that another thread updates after the frame the test just read. */
    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.sleep(5);
        }
    }

    @Test
    void rapidResetEndsTheConnectionAndLeavesNothingQueued() throws Exception {
        Handler blocking = (request, response) -> release.await(20, TimeUnit.SECONDS);
        try (H2Client c = start(Limits.builder().maxThreads(2).acceptQueue(1000).build(), blocking)) {
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            for (int i = 0; i < 400; i++) {
                int id = 1 + 2 * i;
                put(burst, c.request(id, "GET", "/", true));
                put(burst, FrameWriter.rstStream(id, Http2Error.CANCEL));
            }
            c.sendRaw(burst.toByteArray());
            assertEquals(Http2Error.ENHANCE_YOUR_CALM.code(), c.goAwayCode());
            assertTrue(c.closedByServer());
            assertEquals(0, connector.metrics().queueDepth()); // reset streams left the queue at once
            await(() -> connector.metrics().activeStreams() == 0, "no active stream");
            await(() -> connector.metrics().http2Connections() == 0, "no HTTP/2 connection");
        }
    }

    @Test
    void continuationFloodIsRefusedFromTheBlockSize() throws Exception {
        try (H2Client c = start(Limits.DEFAULTS, OK)) {
            byte[] block = c.block("GET", "/");
            c.send(H2Client.frame(Frame.HEADERS, Frame.FLAG_END_STREAM, 1, block));
            byte[] filler = new byte[16_000];
            java.util.Arrays.fill(filler, (byte) 0x40); // would be literals, never decoded
            for (int i = 0; i < 3; i++) {
                c.send(H2Client.frame(Frame.CONTINUATION, 0, 1, filler));
            }
            assertEquals(Http2Error.ENHANCE_YOUR_CALM.code(), c.goAwayCode()); // past 2 x maxHeaderBytes
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void emptyContinuationFloodIsRefused() throws Exception {
        try (H2Client c = start(Limits.DEFAULTS, OK)) {
            c.send(H2Client.frame(Frame.HEADERS, Frame.FLAG_END_STREAM, 1, c.block("GET", "/")));
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            for (int i = 0; i < 1200; i++) {
                put(burst, H2Client.frame(Frame.CONTINUATION, 0, 1, new byte[0]));
            }
            c.sendRaw(burst.toByteArray());
            assertEquals(Http2Error.ENHANCE_YOUR_CALM.code(), c.goAwayCode());
        }
    }

    /** A small block that repeats one large table entry: 431 for that stream, memory bounded, others go on. */
    @Test
    void hpackBombGets431AndTheConnectionGoesOn() throws Exception {
        try (H2Client c = start(Limits.DEFAULTS, OK)) {
            ByteArrayOutputStream block = new ByteArrayOutputStream();
            block.writeBytes(c.block("GET", "/"));
            block.write(0x40); // literal with incremental indexing, new name
            block.write(1);
            block.write('x');
            block.write(0x7f); // value length 4000: 127 + 3873
            int rest = 4000 - 127;
            block.write((rest & 0x7f) | 0x80);
            block.write(rest >>> 7);
            block.writeBytes("v".repeat(4000).getBytes(StandardCharsets.US_ASCII));
            c.send(FrameWriter.headers(1, block.toByteArray(), true, 16_384));
            assertEquals("k", c.response(1).text()); // one large field fits maxHeaderBytes
            ByteArrayOutputStream bomb = new ByteArrayOutputStream();
            bomb.writeBytes(c.block("GET", "/"));
            for (int i = 0; i < 5000; i++) {
                bomb.write(0xbe); // index 62: the 4 KB entry, 5000 times = 20 MB decoded
            }
            c.send(FrameWriter.headers(3, bomb.toByteArray(), true, 16_384));
            H2Client.Response r = c.response(3);
            assertEquals("431", r.status());
            assertTrue(r.text().startsWith("431 Request Header Fields Too Large"), r.text());
            c.send(c.request(5, "GET", "/", true));
            assertEquals("k", c.response(5).text());
        }
    }

    @Test
    void oversizedAndTooManyFieldsGet431() throws Exception {
        try (H2Client c = start(Limits.builder().maxHeaderBytes(4096).maxHeaderCount(10).build(), OK)) {
            c.send(c.request(1, "GET", "/", true, "x-big", "b".repeat(5000)));
            assertEquals("431", c.response(1).status());
            String[] many = new String[30];
            for (int i = 0; i < 15; i++) {
                many[2 * i] = "x-f" + i;
                many[2 * i + 1] = "v";
            }
            c.send(c.request(3, "GET", "/", true, many));
            assertEquals("431", c.response(3).status());
            c.send(c.request(5, "GET", "/", true));
            assertEquals("k", c.response(5).text());
        }
    }

    @Test
    void pingFloodIsRefused() throws Exception {
        assertFloodRefused(FrameWriter.ping(false, new byte[8]));
    }

    @Test
    void settingsFloodIsRefused() throws Exception {
        assertFloodRefused(FrameWriter.settings(Settings.INITIAL_WINDOW_SIZE, 65_535));
    }

    @Test
    void emptyDataFloodIsRefused() throws Exception {
        try (H2Client c = start(Limits.DEFAULTS, (request, response) -> release.await(20, TimeUnit.SECONDS))) {
            c.send(c.request(1, "POST", "/", false));
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            for (int i = 0; i < 1200; i++) {
                put(burst, FrameWriter.data(1, new byte[0], 0, 0, false));
            }
            c.sendRaw(burst.toByteArray());
            assertEquals(Http2Error.ENHANCE_YOUR_CALM.code(), c.goAwayCode());
        }
    }

    private void assertFloodRefused(ByteBuffer frame) throws Exception {
        try (H2Client c = start(Limits.DEFAULTS, OK)) {
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            for (int i = 0; i < 1200; i++) {
                put(burst, frame);
            }
            c.sendRaw(burst.toByteArray());
            assertEquals(Http2Error.ENHANCE_YOUR_CALM.code(), c.goAwayCode());
            assertTrue(c.closedByServer());
        }
    }

    /** A client that never opens its window holds the worker for the write timeout, then the stream is reset. */
    @Test
    void zeroWindowStallCostsAtMostTheWriteTimeout() throws Exception {
        byte[] big = new byte[100_000];
        try (H2Client c = start(Limits.builder().writeTimeout(Duration.ofMillis(500)).build(),
                (request, response) -> response.body().write(big), Settings.INITIAL_WINDOW_SIZE, 0)) {
            c.autoWindow = false;
            c.send(c.request(1, "GET", "/", true));
            H2Client.Response r = c.response(1);
            assertEquals("200", r.status()); // the head went out; no content could
            assertEquals(0, r.body().length);
            assertEquals(Http2Error.INTERNAL_ERROR.code(), r.resetCode());
            await(() -> connector.metrics().busyWorkers() == 0, "the worker to be free");
            c.send(c.request(3, "HEAD", "/", true)); // the connection is still good
            assertEquals("200", c.response(3).status());
        }
    }

    @Test
    void evenOrDecreasingStreamIdsAreConnectionErrors() throws Exception {
        try (H2Client c = start(Limits.DEFAULTS, OK)) {
            c.send(c.request(2, "GET", "/", true));
            assertEquals(Http2Error.PROTOCOL_ERROR.code(), c.goAwayCode()); // section 5.1.1
        }
        connector.close();
        try (H2Client c = start(Limits.DEFAULTS, OK)) {
            c.send(c.request(5, "GET", "/", true));
            assertEquals("k", c.response(5).text());
            c.send(c.request(3, "GET", "/", true));
            assertEquals(Http2Error.PROTOCOL_ERROR.code(), c.goAwayCode());
        }
    }

    /** The last stream id a client may use; after it the connection can only end (section 5.1.1). */
    @Test
    void streamIdExhaustionEndsTheConnection() throws Exception {
        try (H2Client c = start(Limits.DEFAULTS, OK)) {
            c.send(c.request(Integer.MAX_VALUE, "GET", "/", true));
            assertEquals("k", c.response(Integer.MAX_VALUE).text());
            c.send(c.request(1, "GET", "/", true));
            Frame goAway = c.nextOfType(Frame.GOAWAY);
            assertEquals(Integer.MAX_VALUE, goAway.int31(0));
            assertEquals(Http2Error.PROTOCOL_ERROR.code(), goAway.int32(4));
        }
    }

    @Test
    void badPrefaceOrFirstFrameIsProtocolError() throws Exception {
        connector = HttpConnector.builder().host("127.0.0.1").port(0).handler(OK).build();
        connector.start();
        try (H2Client c = H2Client.raw(connector.localAddress())) {
            c.sendRaw("PRI * HTTP/2.0\r\n\r\nXX\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertEquals(Http2Error.PROTOCOL_ERROR.code(), c.goAwayCode());
        }
        try (H2Client c = H2Client.raw(connector.localAddress())) {
            c.sendRaw(H2Client.PREFACE);
            c.send(FrameWriter.ping(false, new byte[8]));
            assertEquals(Http2Error.PROTOCOL_ERROR.code(), c.goAwayCode()); // SETTINGS must come first (3.4)
        }
    }

    @Test
    void idleConnectionGetsGoAwayNoError() throws Exception {
        try (H2Client c = start(Limits.builder().keepAliveTimeout(Duration.ofMillis(300)).build(), OK)) {
            c.send(c.request(1, "GET", "/", true));
            assertEquals("k", c.response(1).text());
            Frame goAway = c.nextOfType(Frame.GOAWAY);
            assertEquals(1, goAway.int31(0));
            assertEquals(Http2Error.NO_ERROR.code(), goAway.int32(4));
            assertTrue(c.closedByServer());
        }
    }

    /** Graceful stop: GOAWAY NO_ERROR with the last stream taken; that stream still completes (section 6.8). */
    @Test
    void stopSaysGoAwayAndFinishesTheRunningStream() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        try (H2Client c = start(Limits.builder().drainTimeout(Duration.ofSeconds(10)).build(), (request, response) -> {
            running.countDown();
            release.await(10, TimeUnit.SECONDS);
            response.body().write('k');
        })) {
            c.send(c.request(1, "GET", "/", true));
            assertTrue(running.await(10, TimeUnit.SECONDS));
            Thread stopper = new Thread(connector::close);
            stopper.start();
            Frame goAway = c.nextOfType(Frame.GOAWAY);
            assertEquals(1, goAway.int31(0));
            assertEquals(Http2Error.NO_ERROR.code(), goAway.int32(4));
            release.countDown();
            assertEquals("k", c.response(1).text());
            stopper.join(10_000);
        }
    }

    private static void put(ByteArrayOutputStream out, ByteBuffer frame) {
        byte[] b = new byte[frame.remaining()];
        frame.duplicate().get(b);
        out.writeBytes(b);
    }
}
