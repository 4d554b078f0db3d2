package dev.sluice.connector.http2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.HttpConnector;
import dev.sluice.connector.internal.http2.Frame;
import dev.sluice.connector.internal.http2.FrameWriter;
import dev.sluice.connector.internal.http2.Http2Error;
import dev.sluice.connector.internal.http2.Settings;
import dev.sluice.core.Handler;
import dev.sluice.core.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP/2 by prior knowledge over a real socket (RFC 9113 section 3.3), frame by frame: settings, requests and
 * their content both ways, trailers, flow control, PING, and streams under the connector's limits.
 */
class Http2SocketTest {
    private HttpConnector connector;

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
    }

    private H2Client start(Limits limits, Handler handler, int... settings) throws IOException {
        connector = HttpConnector.builder().host("127.0.0.1").port(0).limits(limits).serverName("Sluice")
                .handler(handler).build();
        connector.start();
        return H2Client.connect(connector.localAddress(), settings);
    }

    private static final Handler ECHO = (request, response) -> {
        byte[] content = request.body().readAllBytes();
        response.headers().set("Content-Type", "text/plain");
        response.headers().set("Connection", "keep-alive"); // hop-by-hop: never sent over HTTP/2
        String line = request.head().version().text() + " " + request.head().method() + " " + request.head().target()
                + " host=" + request.head().headers().get("Host") + " length=" + request.contentLength()
                + " read=" + content.length + " trailer=" + request.trailers().get("x-check") + "\n";
        response.body().write(line.getBytes(StandardCharsets.UTF_8));
    };

    @Test
    void serverSettingsComeFirstAndAGetIsAnswered() throws Exception {
        try (H2Client c = start(Limits.DEFAULTS, ECHO)) {
            Frame s = c.serverSettings;
            assertEquals(0, s.streamId());
            assertEquals(Settings.MAX_CONCURRENT_STREAMS, s.payload()[1]);
            assertEquals(100, s.int32(2)); // maxConcurrentStreams' default, announced (section 6.5.2)
            c.send(c.request(1, "GET", "/hello?a=b", true));
            H2Client.Response r = c.response(1);
            assertEquals("200", r.status());
            assertEquals("text/plain", r.header("content-type"));
            assertNull(r.header("connection"));
            assertEquals("Sluice", r.header("server"));
            assertEquals("HTTP/2.0 GET /hello?a=b host=localhost length=0 read=0 trailer=null\n", r.text());
            assertEquals(Integer.toString(r.body().length), r.header("content-length"));
        }
    }

    @Test
    void requestContentInSeveralFramesWithTrailers() throws Exception {
        try (H2Client c = start(Limits.DEFAULTS, ECHO)) {
            c.send(c.request(3, "POST", "/up", false), c.data(3, "hello ", false), c.data(3, "world", false),
                    FrameWriter.headers(3, new dev.sluice.connector.internal.http2.HpackEncoder().block()
                            .add("x-check", "42").toByteArray(), true, 16_384));
            H2Client.Response r = c.response(3);
            assertEquals("HTTP/2.0 POST /up host=localhost length=-1 read=11 trailer=42\n", r.text());
        }
    }

    @Test
    void declaredLengthMustMatchTheContent() throws Exception {
        try (H2Client c = start(Limits.DEFAULTS, ECHO)) {
            c.send(c.request(1, "POST", "/", false, "content-length", "3"), c.data(1, "abcd", true));
            // RFC 9113 section 8.1.1: malformed, a stream error of type PROTOCOL_ERROR
            assertEquals(Http2Error.PROTOCOL_ERROR.code(), c.response(1).resetCode());
            c.send(c.request(3, "POST", "/", false, "content-length", "4"), c.data(3, "abcd", true));
            assertEquals("HTTP/2.0 POST / host=localhost length=4 read=4 trailer=null\n", c.response(3).text());
        }
    }

    @Test
    void responseTrailersFollowTheContent() throws Exception {
        try (H2Client c = start(Limits.DEFAULTS, (request, response) -> {
            response.body().write("content".getBytes(StandardCharsets.US_ASCII));
            response.trailers().set("X-Digest", "abc");
        })) {
            c.send(c.request(1, "GET", "/", true));
            H2Client.Response r = c.response(1);
            assertEquals("content", r.text());
            assertEquals(1, r.trailers().size());
            assertArrayEquals(new String[] {"x-digest", "abc"}, r.trailers().get(0));
        }
    }

    @Test
    void headGetsTheLengthButNoContent() throws Exception {
        try (H2Client c = start(Limits.DEFAULTS, (request, response) ->
                response.body().write("twelve bytes".getBytes(StandardCharsets.US_ASCII)))) {
            c.send(c.request(1, "HEAD", "/", true));
            H2Client.Response r = c.response(1);
            assertEquals("12", r.header("content-length"));
            assertEquals(0, r.body().length);
        }
    }

    @Test
    void pingIsEchoed() throws Exception {
        try (H2Client c = start(Limits.DEFAULTS, ECHO)) {
            byte[] opaque = {9, 8, 7, 6, 5, 4, 3, 2};
            c.send(FrameWriter.ping(false, opaque));
            Frame pong = c.nextOfType(Frame.PING);
            assertTrue(pong.has(Frame.FLAG_ACK));
            assertArrayEquals(opaque, pong.payload());
        }
    }

    /** Section 6.9: the response waits for the client's window and goes on when WINDOW_UPDATE comes. */
    @Test
    void responseContentFollowsTheClientsWindow() throws Exception {
        byte[] big = new byte[100_000];
        java.util.Arrays.fill(big, (byte) 'x');
        try (H2Client c = start(Limits.DEFAULTS, (request, response) -> response.body().write(big),
                Settings.INITIAL_WINDOW_SIZE, 1000)) {
            c.autoWindow = false;
            c.send(c.request(1, "GET", "/", true));
            int received = 0;
            Frame f;
            while ((f = c.nextFor(1)).type() != Frame.DATA) {
                assertEquals(Frame.HEADERS, f.type());
            }
            received += f.length();
            assertEquals(1000, received); // the stream's window, then nothing until it opens
            c.send(FrameWriter.windowUpdate(1, 200_000));
            while (received < 65_535) { // then the connection window (65,535) is used up, and nothing more
                f = c.nextFor(1);
                assertEquals(Frame.DATA, f.type());
                received += f.length();
                assertTrue(f.length() <= 16_384, "frame of " + f.length()); // SETTINGS_MAX_FRAME_SIZE
            }
            assertEquals(65_535, received);
            assertTrue(!f.has(Frame.FLAG_END_STREAM));
            c.send(FrameWriter.windowUpdate(0, 100_000));
            while (!f.has(Frame.FLAG_END_STREAM)) {
                f = c.nextFor(1);
                received += f.length();
            }
            assertEquals(100_000, received);
        }
    }

    @Test
    void manyStreamsInterleaveOnOneConnection() throws Exception {
        try (H2Client c = start(Limits.DEFAULTS, (request, response) -> {
            byte[] b = new byte[Integer.parseInt(request.head().rawQuery())];
            java.util.Arrays.fill(b, (byte) 'z');
            response.body().write(b);
        })) {
            for (int i = 0; i < 20; i++) {
                c.send(c.request(1 + 2 * i, "GET", "/?" + (i * 3000), true));
            }
            for (int i = 19; i >= 0; i--) {
                H2Client.Response r = c.response(1 + 2 * i);
                assertEquals("200", r.status(), "stream " + (1 + 2 * i));
                assertEquals(i * 3000, r.body().length, "stream " + (1 + 2 * i));
            }
            assertEquals(1, connector.metrics().http2Connections());
            assertEquals(20, connector.metrics().http2Streams());
        }
    }

    /** Past maxConcurrentStreams a new stream is refused (section 5.1.2) and the others go on. */
    @Test
    void streamsPastTheLimitAreRefused() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (H2Client c = start(Limits.builder().maxConcurrentStreams(2).build(), (request, response) -> {
            release.await(10, TimeUnit.SECONDS);
            response.body().write('k');
        })) {
            assertEquals(2, c.serverSettings.int32(2));
            c.send(c.request(1, "GET", "/", true), c.request(3, "GET", "/", true), c.request(5, "GET", "/", true));
            assertEquals(Http2Error.REFUSED_STREAM.code(), c.response(5).resetCode());
            assertEquals(1, connector.metrics().refusedStreams());
            release.countDown();
            assertEquals("k", c.response(1).text());
            assertEquals("k", c.response(3).text());
            c.send(c.request(7, "GET", "/", true));
            assertEquals("k", c.response(7).text());
        }
    }

    /**
     * A handler that wrote and flushed all the content it declared has answered, even if it keeps running: over
     * HTTP/2 that takes END_STREAM (RFC 9113 section 8.1), since a client does not stop at the content-length.
     */
    @Test
    void flushedDeclaredLengthEndsTheStreamWhileTheHandlerRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean returned = new java.util.concurrent.atomic.AtomicBoolean();
        try (H2Client c = start(Limits.DEFAULTS, (request, response) -> {
            response.headers().set("Content-Length", "4");
            response.body().write("done".getBytes(StandardCharsets.US_ASCII));
            response.body().flush();
            release.await(10, TimeUnit.SECONDS);
            returned.set(true);
        })) {
            c.send(c.request(1, "GET", "/", true));
            H2Client.Response r = c.response(1);
            assertFalse(returned.get(), "the stream ended only when the handler returned");
            assertEquals("200", r.status());
            assertEquals("4", r.header("content-length"));
            assertEquals("done", r.text());
            release.countDown();
        }
    }

    /** The same worker pool and queue as HTTP/1.1: full, the new stream alone gets 503 with Retry-After. */
    @Test
    void fullPoolAndQueueShedTheStreamWith503() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (H2Client c = start(Limits.builder().maxThreads(1).acceptQueue(0).retryAfterSeconds(7).build(),
                (request, response) -> {
                    if (request.head().path().equals("/slow")) {
                        running.countDown();
                        release.await(10, TimeUnit.SECONDS);
                    }
                    response.body().write('k');
                })) {
            c.send(c.request(1, "GET", "/slow", true));
            assertTrue(running.await(10, TimeUnit.SECONDS));
            c.send(c.request(3, "GET", "/fast", true));
            H2Client.Response shed = c.response(3);
            assertEquals("503", shed.status());
            assertEquals("7", shed.header("retry-after"));
            assertTrue(shed.text().startsWith("503 Service Unavailable"), shed.text());
            release.countDown();
            assertEquals("k", c.response(1).text());
            c.send(c.request(5, "GET", "/fast", true));
            assertEquals("k", c.response(5).text());
            assertEquals(1, connector.metrics().rejected(
                    dev.sluice.connector.ConnectorMetrics.RejectReason.QUEUE_FULL));
        }
    }

    @Test
    void clientResetReachesTheReadingHandler() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicReference<Throwable> seen = new java.util.concurrent.atomic.AtomicReference<>();
        CountDownLatch failed = new CountDownLatch(1);
        try (H2Client c = start(Limits.DEFAULTS, (request, response) -> {
            reading.countDown();
            try {
                request.body().readAllBytes();
            } catch (IOException e) {
                seen.set(e);
                failed.countDown();
                throw e;
            }
        })) {
            c.send(c.request(1, "POST", "/", false), c.data(1, "part", false));
            assertTrue(reading.await(10, TimeUnit.SECONDS));
            c.send(FrameWriter.rstStream(1, Http2Error.CANCEL));
            assertTrue(failed.await(10, TimeUnit.SECONDS));
            assertTrue(seen.get().getMessage().contains("reset by the client"), seen.get().getMessage());
            c.send(c.request(3, "POST", "/", true)); // the connection goes on
            assertEquals("200", c.response(3).status());
        }
    }

    @Test
    void handlerErrorBecomes500OnItsStreamOnly() throws Exception {
        try (H2Client c = start(Limits.DEFAULTS, (request, response) -> {
            if (request.head().path().equals("/boom")) {
                throw new IllegalStateException("boom");
            }
            response.body().write('k');
        })) {
            c.send(c.request(1, "GET", "/boom", true), c.request(3, "GET", "/", true));
            assertEquals("500", c.response(1).status());
            assertEquals("k", c.response(3).text());
        }
    }

    @Test
    void suspendedExchangeCompletesFromAnotherThread() throws Exception {
        try (H2Client c = start(Limits.DEFAULTS, (request, response) -> {
            response.suspend();
            new Thread(() -> {
                try {
                    response.body().write("later".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                response.complete();
            }).start();
        })) {
            c.send(c.request(1, "GET", "/", true));
            assertEquals("later", c.response(1).text());
        }
    }

    /**
     * A response complete before the request content: RST_STREAM NO_ERROR (section 8.1); content the client had
     * already sent is ignored, not answered with another reset, and the connection goes on.
     */
    @Test
    void contentAfterAnEarlyResponseIsIgnored() throws Exception {
        try (H2Client c = start(Limits.DEFAULTS, (request, response) -> response.body().write('k'))) {
            c.send(c.request(1, "POST", "/", false), c.data(1, "first", false));
            H2Client.Response r = c.response(1);
            assertEquals("k", r.text());
            Frame rst = c.nextFor(1);
            assertEquals(Frame.RST_STREAM, rst.type());
            assertEquals(Http2Error.NO_ERROR.code(), rst.int32(0));
            c.send(c.data(1, "late", true), c.request(3, "GET", "/", true));
            H2Client.Response next = c.response(3);
            assertEquals("k", next.text());
            assertEquals(0, c.stashedFor(1)); // no second RST_STREAM for stream 1
        }
    }

    /** Expect: 100-continue: the interim 100 goes as its own HEADERS frame when the handler first reads. */
    @Test
    void expectContinueGetsAnInterim100OnTheFirstRead() throws Exception {
        try (H2Client c = start(Limits.DEFAULTS, ECHO)) {
            c.send(c.request(1, "POST", "/", false, "expect", "100-continue"));
            Frame interim = c.nextFor(1);
            assertEquals(Frame.HEADERS, interim.type());
            assertTrue(!interim.has(Frame.FLAG_END_STREAM));
            c.send(c.data(1, "body", true));
            H2Client.Response r = c.response(1);
            assertEquals("200", r.status());
            assertEquals("HTTP/2.0 POST / host=localhost length=-1 read=4 trailer=null\n", r.text());
        }
    }
}
