package dev.sluice.connector.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sluice.core.Headers;
import dev.sluice.core.HttpException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link ChunkedDecoder} (RFC 9112 section 7.1).
 * <ul>
 * <li>{@code decode}: arbitrary bytes. The only failure is a 400 {@link HttpException}; fed whole, one byte at a
 *     time or with a one-byte output buffer, the content, the trailers and where the body ends, or the error, are
 *     the same; trailer names are tokens and trailer values hold no CR, LF or NUL. Seeds: {@code ChunkedDecoderTest}.</li>
 * <li>{@code roundTrip}: content cut into chunks with random extensions and trailers, encoded as a client would;
 *     decoding gives back exactly the content and the trailers.</li>
 * </ul>
 */
class ChunkedDecoderFuzzTest {
    private static final int MAX_TRAILER_BYTES = 512;

    @FuzzTest
    void decode(byte[] input) {
        String whole = outcome(input, input.length, 4096);
        assertEquals(whole, outcome(input, 1, 4096), "fed one byte at a time");
        assertEquals(whole, outcome(input, input.length, 1), "read one byte at a time");
    }

    private static String outcome(byte[] input, int piece, int outSize) {
        Headers trailers = new Headers();
        ChunkedDecoder decoder = new ChunkedDecoder(MAX_TRAILER_BYTES, trailers);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        byte[] out = new byte[outSize];
        int offset = 0;
        try {
            while (offset < input.length && !decoder.isDone()) {
                ByteBuffer in = ByteBuffer.wrap(input, offset, Math.min(piece, input.length - offset));
                while (in.hasRemaining() && !decoder.isDone()) {
                    int n = decoder.decode(in, out, 0, out.length);
                    content.write(out, 0, n);
                }
                offset = in.position();
            }
        } catch (HttpException e) {
            assertEquals(400, e.status().code(), e.getMessage());
            // content decoded before the error in the same call is not returned: only the error is compared
            return "400 " + e.getMessage();
        }
        StringBuilder sb = new StringBuilder(content.toString(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < trailers.size(); i++) {
            assertTrue(Headers.isValidName(trailers.name(i)), "trailer name");
            assertTrue(Headers.isValidValue(trailers.value(i)), "trailer value");
            sb.append('|').append(trailers.name(i)).append(':').append(trailers.value(i));
        }
        return sb.append(decoder.isDone() ? " done at " + offset : " incomplete").toString();
    }

    @FuzzTest
    void roundTrip(FuzzedDataProvider data) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        Headers sent = new Headers();
        int chunks = data.consumeInt(0, 8);
        for (int i = 0; i < chunks; i++) {
            byte[] chunk = data.consumeBytes(data.consumeInt(1, 300));
            if (chunk.length == 0) {
                break;
            }
            content.writeBytes(chunk);
            String size = Integer.toHexString(chunk.length);
            write(wire, (data.consumeBoolean() ? size.toUpperCase() : size) + extension(data) + "\r\n");
            wire.writeBytes(chunk);
            write(wire, "\r\n");
        }
        write(wire, "0" + extension(data) + "\r\n");
        int trailers = data.consumeInt(0, 3);
        for (int i = 0; i < trailers; i++) {
            String name = "X-T" + i;
            String value = data.consumeAsciiString(20).replaceAll("[\\x00-\\x1f\\x7f]", "").strip();
            sent.add(name, value);
            write(wire, name + ":" + (data.consumeBoolean() ? " " : "") + value + "\r\n");
        }
        write(wire, "\r\n");
        byte[] encoded = wire.toByteArray();

        Headers received = new Headers();
        ChunkedDecoder decoder = new ChunkedDecoder(MAX_TRAILER_BYTES, received);
        ByteBuffer in = ByteBuffer.wrap(encoded);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        byte[] out = new byte[1 + data.consumeInt(0, 100)];
        while (!decoder.isDone() && in.hasRemaining()) {
            decoded.write(out, 0, decoder.decode(in, out, 0, out.length));
        }
        assertTrue(decoder.isDone(), "not done");
        assertEquals(0, in.remaining(), "stopped before the end of the body");
        assertArrayEquals(content.toByteArray(), decoded.toByteArray(), "content");
        assertEquals(sent.toString(), received.toString(), "trailers");
    }

    /** Nothing, or {@code ;name[=token|"quoted"]} (section 7.1.1), from the fuzzer's data. */
    private static String extension(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 2)) {
            case 1 -> ";ext";
            case 2 -> ";n=\"" + data.consumeAsciiString(10).replaceAll("[\\x00-\\x1f\\x7f\"\\\\]", "") + "\"";
            default -> "";
        };
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
