package dev.sluice.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResponseReaderTest {
    static Stream<Arguments> responses() {
        return Stream.of(
                Arguments.of("content-length", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 200, false, true, 5),
                Arguments.of("chunked with trailer", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "3;x=y\r\nabc\r\n2\r\nde\r\n0\r\nT: 1\r\n\r\n", 200, false, true, 5),
                Arguments.of("1.1 close", "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nhi",
                        200, false, false, 2),
                Arguments.of("1.0 without keep-alive", "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi",
                        200, false, false, 2),
                Arguments.of("1.0 keep-alive", "HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nhi",
                        200, false, true, 2),
                Arguments.of("until close", "HTTP/1.1 200 OK\r\n\r\nto the end", 200, false, false, 10),
                Arguments.of("503 with Retry-After", "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\n"
                        + "Connection: close\r\nContent-Length: 0\r\n\r\n", 503, true, false, 0),
                Arguments.of("204 has no content", "HTTP/1.1 204 No Content\r\n\r\n", 204, false, true, 0),
                Arguments.of("100 continue skipped", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\n"
                        + "Content-Length: 1\r\n\r\nx", 404, false, true, 1),
                Arguments.of("bare LF", "HTTP/1.1 200 OK\nContent-Length: 1\n\nx", 200, false, true, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void readsStatusFramingAndPersistence(String name, String wire, int status, boolean retryAfter,
                                          boolean persistent, long content) throws IOException {
        for (int chunk : new int[] {1, 3, 1 << 20}) {
            ResponseReader.Response r = new ResponseReader(trickle(wire, chunk)).read(false);
            String where = name + " read " + chunk + " bytes at a time";
            assertEquals(status, r.status(), where);
            assertEquals(retryAfter, r.retryAfter(), where);
            assertEquals(persistent, r.persistent(), where);
            assertEquals(content, r.contentBytes(), where);
        }
    }

    @Test
    void readsPipelinedResponsesOneAfterAnother() throws IOException {
        String two = "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\naHTTP/1.1 503 x\r\nContent-Length: 0\r\n\r\n";
        ResponseReader reader = new ResponseReader(trickle(two, 7));
        assertEquals(200, reader.read(false).status());
        assertEquals(503, reader.read(false).status());
        assertThrows(ResponseReader.UnansweredException.class, () -> reader.read(false));
    }

    @Test
    void headResponseHasNoContentDespiteLength() throws IOException {
        ResponseReader reader = new ResponseReader(trickle("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n"
                + "HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n", 100));
        assertEquals(0, reader.read(true).contentBytes());
        assertEquals(201, reader.read(false).status());
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("", ResponseReader.UnansweredException.class),
                Arguments.of("SSH-2.0-OpenSSH\r\n\r\n", ResponseReader.BadResponseException.class),
                Arguments.of("HTTP/1.1 2x0 OK\r\n\r\n", ResponseReader.BadResponseException.class),
                Arguments.of("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", ResponseReader.BadResponseException.class),
                Arguments.of("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", ResponseReader.BadResponseException.class),
                Arguments.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", ResponseReader.BadResponseException.class),
                Arguments.of("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", ResponseReader.BadResponseException.class),
                Arguments.of("HTTP/1.1 200 OK\r\nContent-Le", ResponseReader.BadResponseException.class));
    }

    @ParameterizedTest
    @MethodSource("broken")
    void brokenResponsesAreTypedErrors(String wire, Class<? extends IOException> expected) {
        assertThrows(expected, () -> new ResponseReader(trickle(wire, 2)).read(false));
    }

    /** A stream that hands out at most {@code chunk} bytes per read, as a slow network would. */
    static InputStream trickle(String wire, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1))) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }
}
