package dev.sluice.servlet.internal.multipart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Fuzzes {@link MultipartParser} (RFC 7578 over RFC 2046 section 5.1.1).
 * <ul>
 * <li>{@code parse}: the input is a boundary line and a body. The only failure is a
 *     {@link MalformedMultipartException}; whole, one byte at a time and split in the middle give the same parts
 *     or the same error; the handler sees each partStarted followed by content and exactly one partEnded; the
 *     parser never holds more than one input piece plus a delimiter and a part head. Seeds: the bodies of
 *     {@code MultipartParserTest}.</li>
 * <li>{@code roundTrip}: parts built from the fuzzer's data (a boundary of RFC 2046 bchars, header fields,
 *     content that may hold near-boundaries) and encoded as a browser would come back exactly, fed in random
 *     piece sizes.</li>
 * </ul>
 */
class MultipartParserFuzzTest {
    private static final int HEAD_BYTES = 300;
    private static final int HEAD_COUNT = 4;
    private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'()+_,\\-./:=? ]{0,69}[0-9A-Za-z'()+_,\\-./:=?]");

    @FuzzTest
    void parse(byte[] input) {
        int nl = indexOf(input, (byte) '\n');
        String first = nl < 0 ? "" : new String(input, 0, nl, StandardCharsets.ISO_8859_1);
        String boundary = BOUNDARY.matcher(first).matches() ? first : "b";
        byte[] body = nl < 0 ? input : java.util.Arrays.copyOfRange(input, nl + 1, input.length);
        String whole = outcome(boundary, body, Math.max(1, body.length));
        assertEquals(whole, outcome(boundary, body, 1), "fed one byte at a time");
        assertEquals(whole, outcome(boundary, body, Math.max(1, (body.length + 1) / 2)), "split in the middle");
    }

    @FuzzTest
    void roundTrip(FuzzedDataProvider data) {
        String boundary = data.consumeBoolean() ? "----WebKitFormBoundary7MA4YWxkTrZu0gW" : "b" + data.consumeInt(0, 99);
        String delimiter = "\r\n--" + boundary;
        StringBuilder expected = new StringBuilder();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, data.consumeBoolean() ? "--" + boundary : "This is a preamble." + delimiter);
        int parts = data.consumeInt(0, 4);
        for (int p = 0; p < parts; p++) {
            String name = data.consumeAsciiString(12).replaceAll("[^A-Za-z0-9 ._-]", "").strip();
            String head = "Content-Disposition: form-data; name=\"" + name + "\"";
            // content may hold anything but the delimiter itself (RFC 2046 5.1.1: the sender picks a boundary
            // that does not occur in it); near-boundaries stay
            String content = new String(data.consumeBytes(data.consumeInt(0, 200)), StandardCharsets.ISO_8859_1)
                    .replace(delimiter, "\r\n-+" + boundary);
            write(body, (data.consumeBoolean() ? " \t" : "") + "\r\n" + head + "\r\n\r\n" + content + delimiter);
            expected.append('[').append(head).append('|').append(content).append(']');
        }
        write(body, "--\r\n" + data.consumeAsciiString(10));
        String parsed = outcome(boundary, body.toByteArray(), 1 + data.consumeInt(0, 64));
        assertEquals(expected.toString(), parsed);
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String outcome(String boundary, byte[] body, int piece) {
        StringBuilder parts = new StringBuilder();
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        boolean[] open = {false};
        MultipartParser parser = new MultipartParser(boundary, HEAD_BYTES, HEAD_COUNT, new MultipartParser.Handler() {
            @Override
            public void partStarted(PartHeaders headers) {
                assertTrue(!open[0], "partStarted inside a part");
                open[0] = true;
                parts.append('[');
                List<String> fields = new ArrayList<>();
                for (String name : headers.names()) {
                    for (String value : headers.all(name)) {
                        assertTrue(value.indexOf('\r') < 0 && value.indexOf('\n') < 0 && value.indexOf('\0') < 0);
                        fields.add(name + ": " + value);
                    }
                }
                assertTrue(fields.size() <= HEAD_COUNT, "header count limit");
                parts.append(String.join(";", fields)).append('|');
            }

            @Override
            public void partContent(byte[] b, int off, int len) {
                assertTrue(open[0] && len > 0, "content outside a part");
                content.write(b, off, len);
            }

            @Override
            public void partEnded() {
                assertTrue(open[0], "partEnded outside a part");
                open[0] = false;
                parts.append(content.toString(StandardCharsets.ISO_8859_1)).append(']');
                content.reset();
            }
        });
        try {
            for (int off = 0; off < body.length; off += piece) {
                parser.feed(body, off, Math.min(piece, body.length - off));
                int bound = piece + boundary.length() + 4 + HEAD_BYTES + 2;
                assertTrue(parser.maxBuffered() <= bound, () -> "held " + parser.maxBuffered() + " bytes");
            }
            parser.endOfInput();
        } catch (MalformedMultipartException e) {
            assertTrue(e.getMessage() != null && !e.getMessage().contains("\n"), "a one-line reason");
            return "ERROR " + e.getMessage();
        } catch (IOException e) {
            throw new AssertionError("only MalformedMultipartException may escape", e);
        }
        assertTrue(!open[0], "a part left open at the end");
        return parts.toString();
    }

    private static int indexOf(byte[] a, byte b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
