package dev.sluice.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sluice.core.Headers;
import dev.sluice.core.HttpException;
import dev.sluice.core.RequestHead;
import dev.sluice.core.Tokens;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fuzzes {@link RequestHeadParser} with arbitrary bytes, read as a connection's stream of pipelined heads.
 * Properties: the only failure is an {@link HttpException} of 400, 414, 431 or 505; the same bytes give the same
 * heads, the same error and the same leftover whether they arrive whole, one byte at a time, split in the middle,
 * or in a direct buffer (the parser is resumable at any split); every accepted head obeys the rules the parser
 * enforces (a token method, a target of visible ASCII, token field names, values with no CR, LF or NUL and no
 * surrounding whitespace, at most the field count limit). Seeds: the requests of {@code RequestHeadParserTest}.
 */
class RequestHeadParserFuzzTest {
    private static final int MAX_LINE = 512;
    private static final int MAX_HEADER_BYTES = 2048;
    private static final int MAX_HEADERS = 16;
    private static final int MAX_HEADS = 8;
    private static final Set<Integer> STATUSES = Set.of(400, 414, 431, 505);

    @FuzzTest
    void parse(byte[] input) {
        String whole = outcome(input, input.length, false);
        assertEquals(whole, outcome(input, 1, false), "fed one byte at a time");
        assertEquals(whole, outcome(input, Math.max(1, (input.length + 1) / 2), false), "split in the middle");
        assertEquals(whole, outcome(input, Math.max(1, input.length), true), "from a direct buffer");
    }

    /** Parses up to {@link #MAX_HEADS} heads fed in pieces of {@code piece} bytes; describes what came out. */
    private static String outcome(byte[] input, int piece, boolean direct) {
        RequestHeadParser parser = new RequestHeadParser(MAX_LINE, MAX_HEADER_BYTES, MAX_HEADERS);
        List<String> heads = new ArrayList<>();
        int offset = 0;
        try {
            while (offset < input.length && heads.size() < MAX_HEADS) {
                int n = Math.min(piece, input.length - offset);
                ByteBuffer in = direct ? ByteBuffer.allocateDirect(n) : ByteBuffer.allocate(n);
                in.put(input, offset, n).flip();
                while (in.hasRemaining() && heads.size() < MAX_HEADS) {
                    RequestHead head = parser.parse(in);
                    if (head != null) {
                        check(head);
                        heads.add(describe(head) + " ends at " + (offset + in.position()));
                    }
                }
                offset += in.position();
            }
        } catch (HttpException e) {
            assertTrue(STATUSES.contains(e.status().code()), () -> "status " + e.status().code() + ": " + e.getMessage());
            assertFalse(e.getMessage() == null || e.getMessage().isBlank() || e.getMessage().contains("\n"),
                    "a one-line reason");
            return heads + " then " + e.status().code() + " " + e.getMessage();
        }
        return heads + (parser.hasStarted() ? " then incomplete" : "");
    }

    private static void check(RequestHead head) {
        assertTrue(Tokens.isToken(head.method().name()), "method is a token");
        for (char c : head.target().toCharArray()) {
            assertTrue(c > ' ' && c < 0x7F, "target is visible ASCII");
        }
        Headers h = head.headers();
        assertTrue(h.size() <= MAX_HEADERS, "field count limit");
        for (int i = 0; i < h.size(); i++) {
            String name = h.name(i);
            String value = h.value(i);
            assertTrue(Headers.isValidName(name), () -> "field name " + name);
            assertTrue(Headers.isValidValue(value), () -> "value of " + name);
            if (!value.isEmpty()) {
                char first = value.charAt(0);
                char last = value.charAt(value.length() - 1);
                if (first == ' ' || first == '\t' || last == ' ' || last == '\t') {
                    fail("untrimmed value of " + name);
                }
            }
        }
    }

    private static String describe(RequestHead head) {
        StringBuilder sb = new StringBuilder(head.method().name()).append(' ').append(head.target()).append(' ')
                .append(head.version().text());
        Headers h = head.headers();
        for (int i = 0; i < h.size(); i++) {
            sb.append('|').append(h.name(i)).append(':').append(h.value(i));
        }
        return sb.toString();
    }
}
