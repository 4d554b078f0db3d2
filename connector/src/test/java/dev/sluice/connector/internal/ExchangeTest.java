package dev.sluice.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Handler;
import dev.sluice.core.HttpException;
import dev.sluice.core.Limits;
import dev.sluice.core.Status;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The connector in memory: exact response bytes for framing, pipelining, 100-continue and every error status. */
class ExchangeTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    static final String DATE = "Date: Fri, 02 Jan 2026 03:04:05 GMT\r\nServer: Sluice\r\n";
    static final Limits LIMITS = Limits.builder().maxBodyBytes(100).maxDrainBytes(20).maxKeepAliveRequests(3)
            .maxRequestLine(64).maxHeaderBytes(256).maxHeaderCount(5).build();

    /** Answers "hello", or echoes the request body for POST/PUT, or the path for /path/... */
    static final Handler HELLO = (req, res) -> {
        String path = req.head().path();
        if (path.startsWith("/echo")) {
            res.body().write(req.body().readAllBytes());
        } else if (path.startsWith("/path")) {
            res.body().write(path.getBytes(StandardCharsets.ISO_8859_1));
        } else {
            res.body().write("hello".getBytes(StandardCharsets.ISO_8859_1));
        }
    };

    private static MemoryConnector connector(Handler handler) {
        return new MemoryConnector(LIMITS, CLOCK, handler);
    }

    private static String ok(String extraHeaders, String body) {
        return "HTTP/1.1 200 OK\r\n" + DATE + extraHeaders + "\r\n" + body;
    }

    @Test
    void contentThatFitsTheBufferGetsAnExactLength() {
        assertEquals(ok("Content-Length: 5\r\n", "hello"),
                connector(HELLO).send("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @Test
    void flushedContentOfUnknownLengthIsChunkedOnHttp11() {
        MemoryConnector c = connector((req, res) -> {
            OutputStream out = res.body();
            out.write("abc".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            out.write("defghijklmnop".getBytes(StandardCharsets.ISO_8859_1));
            res.trailers().set("X-Checksum", "42");
        });
        assertEquals(ok("Transfer-Encoding: chunked\r\n", "3\r\nabc\r\nd\r\ndefghijklmnop\r\n0\r\nX-Checksum: 42\r\n\r\n"),
                c.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
        assertEquals(MemoryConnector.State.READING, c.state());
    }

    @Test
    void trailersMakeCompleteContentChunked() {
        // RFC 9112 section 7.1.2: trailer fields can only follow chunked content, so no Content-Length here.
        MemoryConnector c = connector((req, res) -> {
            res.body().write("hello".getBytes(StandardCharsets.ISO_8859_1));
            res.trailers().set("X-Checksum", "42");
        });
        assertEquals(ok("Transfer-Encoding: chunked\r\n", "5\r\nhello\r\n0\r\nX-Checksum: 42\r\n\r\n"),
                c.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @Test
    void contentLargerThanTheBufferStreamsChunked() {
        byte[] big = "x".repeat(20_000).getBytes(StandardCharsets.ISO_8859_1);
        String out = connector((req, res) -> res.body().write(big)).send("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        assertTrue(out.startsWith(ok("Transfer-Encoding: chunked\r\n", "4e20\r\nxxx")), out.substring(0, 200));
        assertTrue(out.endsWith("xxx\r\n0\r\n\r\n"));
    }

    @Test
    void unknownLengthOnHttp10EndsWithClose() {
        MemoryConnector c = connector((req, res) -> {
            res.body().write("abc".getBytes(StandardCharsets.ISO_8859_1));
            res.body().flush();
        });
        assertEquals(ok("Connection: close\r\n", "abc"), c.send("GET / HTTP/1.0\r\n\r\n"));
        assertEquals(MemoryConnector.State.CLOSED, c.state()); // the client asked to close: no linger needed
    }

    @Test
    void closeTheClientDidNotAskForLingers() {
        MemoryConnector c = connector((req, res) -> {
            res.body().write("abc".getBytes(StandardCharsets.ISO_8859_1));
            res.body().flush();
        });
        assertEquals(ok("Connection: close\r\n", "abc"),
                c.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
        assertEquals(MemoryConnector.State.LINGERING, c.state());
    }

    @Test
    void http10KeepAliveIsHonouredAndAnnounced() {
        MemoryConnector c = connector(HELLO);
        assertEquals(ok("Content-Length: 5\r\nConnection: keep-alive\r\nKeep-Alive: timeout=20\r\n", "hello"),
                c.send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
        assertEquals(MemoryConnector.State.READING, c.state());
    }

    @Test
    void http10WithoutKeepAliveCloses() {
        MemoryConnector c = connector(HELLO);
        assertEquals(ok("Content-Length: 5\r\nConnection: close\r\n", "hello"), c.send("GET / HTTP/1.0\r\n\r\n"));
        assertEquals(MemoryConnector.State.CLOSED, c.state());
    }

    @Test
    void connectionCloseFromClientIsHonoured() {
        MemoryConnector c = connector(HELLO);
        assertEquals(ok("Content-Length: 5\r\nConnection: close\r\n", "hello"),
                c.send("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n"));
        assertEquals(MemoryConnector.State.LINGERING, c.state()); // it sent more anyway: do not reset it away
    }

    @Test
    void headGetsTheLengthOfGetButNoContent() {
        assertEquals(ok("Content-Length: 5\r\n", ""), connector(HELLO).send("HEAD / HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @Test
    void noContentStatusHasNeitherLengthNorContent() {
        MemoryConnector c = connector((req, res) -> {
            res.setStatus(Status.NO_CONTENT);
            res.body().write("ignored".getBytes(StandardCharsets.ISO_8859_1));
        });
        assertEquals("HTTP/1.1 204 No Content\r\n" + DATE + "\r\n", c.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() {
        String out = connector(HELLO).send("GET /path/1 HTTP/1.1\r\nHost: a\r\n\r\nGET /path/2 HTTP/1.1\r\nHost: a\r\n\r\n"
                + "GET /path/3 HTTP/1.1\r\nHost: a\r\n\r\n");
        assertEquals(ok("Content-Length: 7\r\n", "/path/1") + ok("Content-Length: 7\r\n", "/path/2")
                + ok("Content-Length: 7\r\nConnection: close\r\n", "/path/3"), out); // maxKeepAliveRequests=3
    }

    @Test
    void pipelinedResponsesLeaveInOneWrite() {
        MemoryConnector c = connector(HELLO);
        String out = c.send("GET /path/1 HTTP/1.1\r\nHost: a\r\n\r\nGET /path/2 HTTP/1.1\r\nHost: a\r\n\r\n");
        assertEquals(ok("Content-Length: 7\r\n", "/path/1") + ok("Content-Length: 7\r\n", "/path/2"), out);
        assertEquals(1, c.writes());
    }

    @Test
    void heldBackResponsesAreSentBeforeWaitingForMoreInput() {
        MemoryConnector c = connector(HELLO);
        String out = c.send("GET /path/1 HTTP/1.1\r\nHost: a\r\n\r\nGET /pa");
        assertEquals(ok("Content-Length: 7\r\n", "/path/1"), out);
        out = c.send("th/2 HTTP/1.1\r\nHost: a\r\n\r\nPOST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n", "ab");
        assertEquals(ok("Content-Length: 7\r\n", "/path/1") + ok("Content-Length: 7\r\n", "/path/2")
                + ok("Content-Length: 2\r\nConnection: close\r\n", "ab"), out); // maxKeepAliveRequests=3
    }

    @Test
    void pipelinedHeadSplitAcrossSegmentsIsResumed() {
        String out = connector(HELLO).send("GET /path/1 HTTP/1.1\r\nHost: a\r\n\r\nGET /pa", "th/2 HTTP/1.1\r\nHost: a\r\n\r\n");
        assertEquals(ok("Content-Length: 7\r\n", "/path/1") + ok("Content-Length: 7\r\n", "/path/2"), out);
    }

    @Test
    void requestBodiesWithLengthAndChunkedAreDecoded() {
        String out = connector(HELLO).send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nabcde"
                + "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nxyz\r\n2\r\n12\r\n0\r\n\r\n");
        assertEquals(ok("Content-Length: 5\r\n", "abcde") + ok("Content-Length: 5\r\n", "xyz12"), out);
    }

    @Test
    void chunkedTrailersReachTheHandler() {
        AtomicReference<String> trailer = new AtomicReference<>();
        MemoryConnector c = connector((req, res) -> {
            req.body().readAllBytes();
            trailer.set(req.trailers().get("X-Sum"));
        });
        c.send("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\nX-Sum: 7\r\n\r\n");
        assertEquals("7", trailer.get());
    }

    @Test
    void bodyArrivingInPiecesIsAssembled() {
        String out = connector(HELLO).send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 6\r\n\r\nab", "cd", "ef");
        assertEquals(ok("Content-Length: 6\r\n", "abcdef"), out);
    }

    @Test
    void continueIsSentOnFirstReadOnly() {
        String out = connector(HELLO).send(
                "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n", "abc");
        assertEquals("HTTP/1.1 100 Continue\r\n\r\n" + ok("Content-Length: 3\r\n", "abc"), out);
    }

    @Test
    void continueIsNotSentWhenTheHandlerDoesNotReadAndTheConnectionCloses() {
        MemoryConnector c = connector(HELLO);
        String out = c.send("POST / HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n");
        assertEquals(ok("Content-Length: 5\r\nConnection: close\r\n", "hello"), out);
        assertEquals(MemoryConnector.State.LINGERING, c.state());
    }

    @Test
    void unreadBodyWithinTheDrainBoundKeepsTheConnection() {
        String out = connector(HELLO).send("POST /path/1 HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n0123456789"
                + "GET /path/2 HTTP/1.1\r\nHost: a\r\n\r\n");
        assertEquals(ok("Content-Length: 7\r\n", "/path/1") + ok("Content-Length: 7\r\n", "/path/2"), out);
    }

    @Test
    void unreadBodyBeyondTheDrainBoundClosesTheConnection() {
        MemoryConnector c = connector(HELLO);
        String out = c.send("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 50\r\n\r\n" + "z".repeat(50));
        assertEquals(ok("Content-Length: 5\r\nConnection: close\r\n", "hello"), out);
        assertEquals(MemoryConnector.State.LINGERING, c.state());
    }

    @Test
    void optionsAsteriskIsAnsweredByTheServer() {
        // RFC 9110 section 9.3.7: the server's methods as a whole, written out here rather than read from the code
        assertEquals(ok("Allow: GET, HEAD, POST, PUT, DELETE, OPTIONS, PATCH\r\nContent-Length: 0\r\n", ""),
                connector((req, res) -> { throw new AssertionError("handler must not run"); })
                        .send("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @Test
    void suspendedExchangeCompletesFromAnotherThread() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        MemoryConnector c = connector((req, res) -> {
            res.suspend();
            new Thread(() -> {
                try {
                    res.body().write("later".getBytes(StandardCharsets.ISO_8859_1));
                    res.complete();
                    done.complete(null);
                } catch (Throwable e) {
                    done.completeExceptionally(e); // carried back: thrown here it would only end this thread
                }
            }).start();
        });
        c.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        done.get(30, TimeUnit.SECONDS);
        assertEquals(ok("Content-Length: 5\r\n", "later"), c.output());
    }

    @Test
    void handlerExceptionBecomes500AndTheConnectionLives() {
        MemoryConnector c = connector((req, res) -> {
            res.body().write("partial".getBytes(StandardCharsets.ISO_8859_1));
            throw new IllegalStateException("boom");
        });
        String body = "500 Internal Server Error: The server could not complete the request\n";
        assertEquals("HTTP/1.1 500 Internal Server Error\r\n" + DATE + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body, c.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
        assertEquals(MemoryConnector.State.READING, c.state());
    }

    @Test
    void handlerHttpExceptionSetsTheStatus() {
        MemoryConnector c = connector((req, res) -> { throw new HttpException(Status.NOT_FOUND, "No such page"); });
        String out = c.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        assertTrue(out.startsWith("HTTP/1.1 404 Not Found\r\n"), out);
        assertTrue(out.endsWith("\r\n\r\n404 Not Found: No such page\n"), out);
    }

    @Test
    void failureAfterCommitClosesTheConnection() {
        MemoryConnector c = connector((req, res) -> {
            res.body().write("abc".getBytes(StandardCharsets.ISO_8859_1));
            res.body().flush();
            throw new IllegalStateException("boom");
        });
        assertEquals(ok("Transfer-Encoding: chunked\r\n", "3\r\nabc\r\n"), c.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
        assertEquals(MemoryConnector.State.CLOSED, c.state());
    }

    @Test
    void shortContentForDeclaredLengthClosesTheConnection() {
        MemoryConnector c = connector((req, res) -> {
            res.headers().set("Content-Length", "10");
            res.body().write("abc".getBytes(StandardCharsets.ISO_8859_1));
        });
        assertEquals(ok("Content-Length: 10\r\n", "abc"), c.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n"));
        assertFalse(c.state() == MemoryConnector.State.READING);
    }

    @Test
    void slowBodyGets408AndClose() {
        MemoryConnector c = connector(HELLO); // the memory transport times out at once when input runs dry
        String out = c.send("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nabc");
        assertTrue(out.startsWith("HTTP/1.1 408 Request Timeout\r\n"), out);
        assertTrue(out.contains("Connection: close\r\n"), out);
        assertEquals(MemoryConnector.State.LINGERING, c.state());
    }

    @Test
    void chunkedBodyOverTheLimitGets413WhileReading() {
        MemoryConnector c = connector(HELLO);
        String out = c.send("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "64\r\n" + "y".repeat(100) + "\r\n1\r\ny\r\n0\r\n\r\n");
        assertTrue(out.startsWith("HTTP/1.1 413 Content Too Large\r\n"), out);
        assertTrue(out.contains("Connection: close\r\n"), out);
    }

    static Stream<Arguments> errors() {
        return Stream.of(
            Arguments.of("GET / HTTP/1.1\r\nHost: a\r\nBad Name: 1\r\n\r\n", 400, "Whitespace before colon in header field"),
            Arguments.of("GET /" + "a".repeat(80) + " HTTP/1.1\r\n", 414, "Request line longer than 64 bytes"),
            Arguments.of("GET / HTTP/1.1\r\nHost: a\r\nX: " + "v".repeat(300) + "\r\n\r\n", 431,
                    "Header fields larger than 256 bytes"),
            Arguments.of("GET / HTTP/3.0\r\nHost: a\r\n\r\n", 505, "HTTP version not supported"),
            Arguments.of("GET / HTTP/1.1\r\n\r\n", 400, "Missing Host header"),
            Arguments.of("CONNECT a:443 HTTP/1.1\r\nHost: a:443\r\n\r\n", 501,
                    "CONNECT is not supported: this server is not a proxy"),
            Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 101\r\n\r\n", 413,
                    "Request content larger than 100 bytes"),
            Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nExpect: teapot\r\nContent-Length: 1\r\n\r\nx", 417,
                    "Only Expect: 100-continue is supported"),
            Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", 400,
                    "Both Transfer-Encoding and Content-Length"),
            Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501,
                    "Unsupported transfer coding"),
            Arguments.of("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1x\r\n\r\n", 400, "Invalid Content-Length")
        );
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("errors")
    void everyErrorStatusIsACannedResponseWithClose(String request, int code, String message) {
        MemoryConnector c = connector((req, res) -> { throw new AssertionError("handler must not run"); });
        Status status = Status.of(code);
        String body = code + " " + status.reason() + ": " + message + "\n";
        assertEquals("HTTP/1.1 " + code + " " + status.reason() + "\r\n" + DATE
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body, c.send(request));
        assertEquals(MemoryConnector.State.LINGERING, c.state());
    }

    @Test
    void cannedResponseToHeadHasNoContent() {
        MemoryConnector c = connector(HELLO);
        c.ctx.draining = true;
        String out = c.send("HEAD / HTTP/1.1\r\nHost: a\r\n\r\n");
        assertTrue(out.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), out);
        assertTrue(out.endsWith("Connection: close\r\n\r\n"), out);
    }

    @Test
    void responseHeadersCannotSplitTheResponse() {
        MemoryConnector c = connector((req, res) -> res.headers().set("X-Evil", "a\r\nSet-Cookie: b"));
        String out = c.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        assertFalse(out.contains("\r\nSet-Cookie"), out);
    }

    @Test
    void drainingServerAnswers503WithRetryAfter() {
        MemoryConnector c = connector(HELLO);
        c.ctx.draining = true;
        String out = c.send("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
        assertTrue(out.startsWith("HTTP/1.1 503 Service Unavailable\r\n" + DATE + "Retry-After: 5\r\n"), out);
        assertTrue(out.contains("Connection: close\r\n"), out);
    }
}
