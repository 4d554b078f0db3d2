package dev.sluice.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import dev.sluice.core.HttpException;
import dev.sluice.core.RequestHead;
import dev.sluice.core.TargetForm;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule of the head parser as a table. Each case is fed whole, split in two at every byte offset, and one
 * byte at a time; a failure names the split.
 */
class RequestHeadParserTest {
    private static final int MAX_LINE = 64;
    private static final int MAX_HEADER_BYTES = 256;
    private static final int MAX_HEADERS = 5;
    private static final String LONG_TARGET = "/" + "a".repeat(MAX_LINE);

    static Stream<Arguments> valid() {
        return Stream.of(
            ok("simple GET", "GET / HTTP/1.1\r\nHost: a\r\n\r\n",
                h -> { eq("GET", h.method().name()); eq("/", h.path()); eq("a", h.authority()); }),
            ok("query split from path", "GET /p/q?x=1&y HTTP/1.1\r\nHost: a\r\n\r\n",
                h -> { eq("/p/q", h.path()); eq("x=1&y", h.rawQuery()); }),
            ok("bare LF line ends (telnet)", "GET /x HTTP/1.1\nHost: a\n\n", h -> eq("/x", h.path())),
            ok("mixed CRLF and LF", "GET /x HTTP/1.1\r\nHost: a\n\r\n", h -> eq("/x", h.path())),
            ok("empty lines before request line", "\r\n\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n",
                h -> eq("GET", h.method().name())),
            ok("HTTP/1.0 without Host", "GET / HTTP/1.0\r\n\r\n", h -> { eq("HTTP/1.0", h.version().text());
                assertNull(h.authority()); }),
            ok("OWS trimmed around value", "GET / HTTP/1.1\r\nHost: a\r\nX-A: \t v 1 \t\r\n\r\n",
                h -> eq("v 1", h.headers().get("x-a"))),
            ok("empty value", "GET / HTTP/1.1\r\nHost: a\r\nX-E:\r\n\r\n", h -> eq("", h.headers().get("X-E"))),
            ok("empty Host allowed", "GET / HTTP/1.1\r\nHost:\r\n\r\n", h -> eq("", h.headers().get("Host"))),
            ok("obs-text in value", "GET / HTTP/1.1\r\nHost: a\r\nX-A: caf\u00e9\r\n\r\n",
                h -> eq("caf\u00e9", h.headers().get("X-A"))),
            ok("repeated field kept in order", "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\na: 2\r\n\r\n",
                h -> eq(List.of("1", "2"), h.headers().getAll("A"))),
            ok("extension method", "PURGE /c HTTP/1.1\r\nHost: a\r\n\r\n", h -> eq("PURGE", h.method().name())),
            ok("asterisk form with OPTIONS", "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
                h -> eq(TargetForm.ASTERISK, h.form())),
            ok("authority form with CONNECT", "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n",
                h -> { eq(TargetForm.AUTHORITY, h.form()); eq("example.com:443", h.authority()); }),
            ok("absolute form: its host wins over Host", "GET http://b.example:8/p?q HTTP/1.1\r\nHost: a\r\n\r\n",
                h -> { eq(TargetForm.ABSOLUTE, h.form()); eq("b.example:8", h.authority()); eq("/p", h.path());
                    eq("q", h.rawQuery()); }),
            ok("IPv6 Host", "GET / HTTP/1.1\r\nHost: [::1]:8080\r\n\r\n", h -> eq("[::1]:8080", h.authority())),
            ok("request line at the limit", "GET /" + "a".repeat(MAX_LINE - 15) + " HTTP/1.1\r\nHost: a\r\n\r\n",
                h -> eq(MAX_LINE - 14, h.target().length())),
            ok("header count at the limit", "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 1\r\nC: 1\r\nD: 1\r\n\r\n",
                h -> eq(5, h.headers().size()))
        );
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
            bad("request line too long", "GET " + LONG_TARGET + " HTTP/1.1\r\nHost: a\r\n\r\n", 414),
            bad("request line too long without line end", "GET " + LONG_TARGET, 414),
            // found by RequestHeadParserFuzzTest: the limit wins over a later bad byte at every split
            bad("request line too long, then a control character", "GET " + LONG_TARGET + "\u0001", 414),
            bad("request line too long, then a bare CR", "GET " + LONG_TARGET + "\rx", 414),
            bad("header too long, then a control character", "GET / HTTP/1.1\r\nX: "
                    + "v".repeat(MAX_HEADER_BYTES) + "\u0001", 431),
            bad("header bytes too many", "GET / HTTP/1.1\r\nHost: a\r\nX: " + "v".repeat(MAX_HEADER_BYTES) + "\r\n\r\n",
                431),
            bad("header count too many", "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 1\r\nC: 1\r\nD: 1\r\nE: 1\r\n\r\n",
                431),
            bad("obs-fold", "GET / HTTP/1.1\r\nHost: a\r\nX: 1\r\n 2\r\n\r\n", 400),
            bad("whitespace before first header", "GET / HTTP/1.1\r\n Host: a\r\n\r\n", 400),
            bad("whitespace before colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400),
            bad("tab before colon", "GET / HTTP/1.1\r\nHost\t: a\r\n\r\n", 400),
            bad("bare CR in header", "GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n", 400),
            bad("bare CR in request line", "GET /\r HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("CR CR", "GET / HTTP/1.1\r\r\n", 400),
            bad("NUL in value", "GET / HTTP/1.1\r\nHost: a\r\nX: a\u0000b\r\n\r\n", 400),
            bad("DEL in value", "GET / HTTP/1.1\r\nHost: a\r\nX: a\u007fb\r\n\r\n", 400),
            bad("control char in target", "GET /a\u0001 HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("non-ASCII in target", "GET /caf\u00e9 HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("invalid token in method", "G(T / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("invalid token in header name", "GET / HTTP/1.1\r\nHost: a\r\nX@Y: 1\r\n\r\n", 400),
            bad("empty header name", "GET / HTTP/1.1\r\nHost: a\r\n: 1\r\n\r\n", 400),
            bad("header without colon", "GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", 400),
            bad("lower-case version", "GET / http/1.1\r\nHost: a\r\n\r\n", 400),
            bad("malformed version", "GET / HTTP/1.1.1\r\nHost: a\r\n\r\n", 400),
            bad("two-digit version", "GET / HTTP/10.1\r\nHost: a\r\n\r\n", 400),
            bad("missing version (HTTP/0.9 style)", "GET /\r\n\r\n", 400),
            bad("double space", "GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("trailing space", "GET / HTTP/1.1 \r\nHost: a\r\n\r\n", 400),
            bad("space in target", "GET /a b HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("HTTP/2.0 is 505", "GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
            bad("HTTP/3.0 is 505", "GET / HTTP/3.0\r\nHost: a\r\n\r\n", 505),
            bad("PRI * HTTP/2.0 with fields is 505", "PRI * HTTP/2.0\r\nHost: a\r\n\r\n", 505),
            bad("PRI with another target is 505", "PRI / HTTP/2.0\r\n\r\nSM\r\n\r\n", 505),
            bad("missing Host on 1.1", "GET / HTTP/1.1\r\nX: 1\r\n\r\n", 400),
            bad("repeated Host", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
            bad("repeated Host on 1.0", "GET / HTTP/1.0\r\nHost: a\r\nhost: a\r\n\r\n", 400),
            bad("invalid Host value", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400),
            bad("Host with space", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400),
            bad("asterisk form with GET", "GET * HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("authority form with GET", "GET example.com:80 HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("origin form with CONNECT", "CONNECT /x HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("absolute form with other scheme", "GET ftp://a/x HTTP/1.1\r\nHost: a\r\n\r\n", 400),
            bad("too many empty lines", "\r\n".repeat(RequestHeadParser.MAX_EMPTY_LINES + 1) + "GET / HTTP/1.1\r\n", 400)
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parsesValidHeadAtEverySplit(String name, String input, Consumer<RequestHead> check) {
        byte[] bytes = (input + "BODY").getBytes(StandardCharsets.ISO_8859_1);
        for (int[] split : splits(bytes.length - 4)) {
            String where = describe(split);
            RequestHeadParser parser = parser();
            RequestHead head = null;
            ByteBuffer last = null;
            int from = 0;
            for (int cut : split) {
                last = ByteBuffer.wrap(bytes, from, cut - from).slice();
                head = parseOrFail(parser, last, name, where);
                from = cut;
                if (head != null) {
                    break;
                }
            }
            if (head == null) {
                last = ByteBuffer.wrap(bytes, from, bytes.length - from).slice();
                head = parseOrFail(parser, last, name, where);
            }
            assertNotNull(head, name + ": no head " + where);
            try {
                check.accept(head);
            } catch (AssertionError e) {
                throw new AssertionError(name + " " + where + ": " + e.getMessage(), e);
            }
            // every cut lies inside the head, so the head ends in the last piece and the body stays in it
            byte[] rest = new byte[last.remaining()];
            last.get(rest);
            assertEquals("BODY", new String(rest, StandardCharsets.ISO_8859_1), name + ": body bytes " + where);
        }
    }

    /** RFC 9113 section 3.4: the preface's first part reads as a head; the buffer stops before "SM". */
    @org.junit.jupiter.api.Test
    void http2PrefaceIsRecognisedAtEverySplit() {
        byte[] bytes = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        for (int cut = 0; cut < 18; cut++) {
            RequestHeadParser parser = parser();
            assertEquals(null, parser.parse(ByteBuffer.wrap(bytes, 0, cut).slice()), "split at " + cut);
            ByteBuffer rest = ByteBuffer.wrap(bytes, cut, bytes.length - cut).slice();
            assertEquals(RequestHeadParser.HTTP2_PREFACE, parser.parse(rest), "split at " + cut);
            assertEquals(18 - cut, rest.position(), "split at " + cut);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refusesInvalidHeadAtEverySplit(String name, String input, int status) {
        byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
        for (int[] split : splits(bytes.length)) {
            String where = describe(split);
            RequestHeadParser parser = parser();
            int from = 0;
            Integer got = null;
            List<Integer> cuts = new ArrayList<>();
            for (int cut : split) {
                cuts.add(cut);
            }
            cuts.add(bytes.length);
            for (int cut : cuts) {
                try {
                    RequestHead head = parser.parse(ByteBuffer.wrap(bytes, from, cut - from).slice());
                    if (head != null) {
                        fail(name + ": accepted " + where + " as " + head);
                    }
                } catch (HttpException e) {
                    got = e.status().code();
                    break;
                }
                from = cut;
            }
            assertEquals(Integer.valueOf(status), got, name + ": wrong outcome " + where);
        }
    }

    @Test
    void parsesConsecutiveHeadsWithOneParser() {
        RequestHeadParser parser = parser();
        ByteBuffer in = ByteBuffer.wrap(("GET /1 HTTP/1.1\r\nHost: a\r\n\r\nGET /2 HTTP/1.1\r\nHost: b\r\n\r\nGET /3")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("/1", parser.parse(in).path());
        assertEquals("/2", parser.parse(in).path());
        assertNull(parser.parse(in));
        assertEquals(true, parser.hasStarted());
        assertEquals("/3", parser.parse(ByteBuffer.wrap(" HTTP/1.1\r\nHost: c\r\n\r\n".getBytes(
                StandardCharsets.ISO_8859_1))).path());
    }

    @Test
    void emptyLinesAloneDoNotStartARequest() {
        RequestHeadParser parser = parser();
        assertNull(parser.parse(ByteBuffer.wrap("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1))));
        assertEquals(false, parser.hasStarted());
        assertNull(parser.parse(ByteBuffer.wrap("G".getBytes(StandardCharsets.ISO_8859_1))));
        assertEquals(true, parser.hasStarted());
    }

    /** maxHeaderValueBytes adds up the values of one name across its lines, any case (RFC 6585 section 5). */
    @Test
    void valuesOfOneNameAddUpAgainstMaxHeaderValueBytes() {
        RequestHeadParser parser = new RequestHeadParser(MAX_LINE, MAX_HEADER_BYTES, MAX_HEADERS, 40);
        String fits = "GET / HTTP/1.1\r\nHost: a\r\nX-A: " + "a".repeat(20) + "\r\nX-B: " + "b".repeat(30)
                + "\r\nx-a: " + "a".repeat(20) + "\r\n\r\n";
        assertEquals(List.of("a".repeat(20), "a".repeat(20)), parser.parse(buffer(fits)).headers().getAll("X-A"));
        String over = "GET / HTTP/1.1\r\nHost: a\r\nX-A: " + "a".repeat(20) + "\r\nx-a: " + "a".repeat(21)
                + "\r\n\r\n";
        HttpException e = org.junit.jupiter.api.Assertions.assertThrows(HttpException.class,
                () -> new RequestHeadParser(MAX_LINE, MAX_HEADER_BYTES, MAX_HEADERS, 40).parse(buffer(over)));
        assertEquals(431, e.status().code());
        assertEquals("Header field X-A larger than 40 bytes", e.getMessage());
    }

    private static ByteBuffer buffer(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void parsesFromDirectBuffer() {
        byte[] bytes = "GET /d HTTP/1.1\r\nHost: a\r\n\r\nX".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        assertEquals("/d", parser().parse(direct).path());
        assertEquals(1, direct.remaining());
    }

    private static RequestHead parseOrFail(RequestHeadParser parser, ByteBuffer in, String name, String where) {
        try {
            return parser.parse(in);
        } catch (HttpException e) {
            throw new AssertionError(name + ": refused " + where + " with " + e.status() + " " + e.getMessage());
        }
    }

    private static RequestHeadParser parser() {
        return new RequestHeadParser(MAX_LINE, MAX_HEADER_BYTES, MAX_HEADERS);
    }

    /** Whole, every two-piece split, and byte by byte. */
    private static List<int[]> splits(int length) {
        List<int[]> all = new ArrayList<>();
        all.add(new int[0]);
        for (int i = 1; i < length; i++) {
            all.add(new int[] {i});
        }
        int[] bytewise = new int[Math.max(0, length - 1)];
        for (int i = 0; i < bytewise.length; i++) {
            bytewise[i] = i + 1;
        }
        all.add(bytewise);
        return all;
    }

    private static String describe(int[] split) {
        if (split.length == 0) {
            return "(fed whole)";
        }
        if (split.length == 1) {
            return "(split at byte " + split[0] + ")";
        }
        return "(fed byte by byte)";
    }

    private static Arguments ok(String name, String input, Consumer<RequestHead> check) {
        return Arguments.of(name, input, check);
    }

    private static Arguments bad(String name, String input, int status) {
        return Arguments.of(name, input, status);
    }

    private static void eq(Object expected, Object actual) {
        assertEquals(expected, actual);
    }
}
