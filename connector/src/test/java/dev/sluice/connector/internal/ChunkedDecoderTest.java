package dev.sluice.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sluice.core.Headers;
import dev.sluice.core.HttpException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Chunked decoding as a table, each case fed whole and split at every offset; a failure names the split. */
class ChunkedDecoderTest {

    static Stream<Arguments> valid() {
        return Stream.of(
            Arguments.of("one chunk", "5\r\nhello\r\n0\r\n\r\n", "hello", ""),
            Arguments.of("two chunks, hex sizes", "a\r\n0123456789\r\nA\r\nabcdefghij\r\n0\r\n\r\n",
                    "0123456789abcdefghij", ""),
            Arguments.of("extensions ignored", "3;name=value;x\r\nabc\r\n0;last\r\n\r\n", "abc", ""),
            Arguments.of("trailers collected", "1\r\nz\r\n0\r\nX-Sum: 12\r\nX-B:\tb \r\n\r\n", "z", "X-Sum=12;X-B=b;"),
            Arguments.of("bare LF line ends", "2\nok\n0\n\n", "ok", ""),
            Arguments.of("empty body", "0\r\n\r\n", "", ""),
            Arguments.of("leading zeros", "0003\r\nabc\r\n0\r\n\r\n", "abc", "")
        );
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
            Arguments.of("no size", "\r\nabc\r\n0\r\n\r\n"),
            Arguments.of("size not hex", "g\r\nabc\r\n"),
            Arguments.of("size overflow", "1000000000000000\r\n"),
            Arguments.of("data longer than size", "2\r\nabc\r\n0\r\n\r\n"),
            Arguments.of("bare CR after size", "2\rab\r\n"),
            Arguments.of("control char in extension", "2;a\u0001\r\nab\r\n"),
            Arguments.of("trailer without colon", "0\r\nNoColon\r\n\r\n"),
            Arguments.of("trailer with bad name", "0\r\nA B: 1\r\n\r\n"),
            Arguments.of("trailer too large", "0\r\nX: " + "v".repeat(100) + "\r\n\r\n")
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void decodesAtEverySplit(String name, String encoded, String content, String trailers) {
        byte[] bytes = (encoded + "NEXT").getBytes(StandardCharsets.ISO_8859_1);
        int end = encoded.length();
        for (int split = 0; split < end; split++) {
            Headers got = new Headers();
            ChunkedDecoder d = new ChunkedDecoder(64, got);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer first = ByteBuffer.wrap(bytes, 0, split).slice();
            ByteBuffer second = ByteBuffer.wrap(bytes, split, bytes.length - split).slice();
            drain(d, first, out);
            drain(d, second, out);
            String where = name + " (split at byte " + split + ")";
            assertTrue(d.isDone(), where + ": not done");
            assertEquals(content, out.toString(StandardCharsets.ISO_8859_1), where);
            StringBuilder t = new StringBuilder();
            for (int i = 0; i < got.size(); i++) {
                t.append(got.name(i)).append('=').append(got.value(i)).append(';');
            }
            assertEquals(trailers, t.toString(), where);
            assertEquals(4, second.remaining(), where + ": read past the end of the body");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refusesMalformedCodingAtEverySplit(String name, String encoded) {
        byte[] bytes = encoded.getBytes(StandardCharsets.ISO_8859_1);
        for (int split = 0; split < bytes.length; split++) {
            ChunkedDecoder d = new ChunkedDecoder(64, new Headers());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                drain(d, ByteBuffer.wrap(bytes, 0, split).slice(), out);
                drain(d, ByteBuffer.wrap(bytes, split, bytes.length - split).slice(), out);
                fail(name + " (split at byte " + split + "): accepted");
            } catch (HttpException e) {
                assertEquals(400, e.status().code(), name + " (split at byte " + split + ")");
            }
        }
    }

    /** Decodes with a small output array so that data also splits across calls. */
    private static void drain(ChunkedDecoder d, ByteBuffer in, ByteArrayOutputStream out) {
        byte[] buf = new byte[3];
        while (in.hasRemaining() && !d.isDone()) {
            int n = d.decode(in, buf, 0, buf.length);
            out.write(buf, 0, n);
        }
    }
}
