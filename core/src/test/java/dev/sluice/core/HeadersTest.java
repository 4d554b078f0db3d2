package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeadersTest {

    @Test
    void namesAreCaseInsensitiveAndOrderIsKept() { // RFC 9110 section 5.1, 5.3
        Headers h = new Headers(1)
                .add("Accept", "text/html")
                .add("X-Trace", "a")
                .add("ACCEPT", "application/json")
                .add("x-trace", "b");
        assertEquals("text/html", h.get("accept"));
        assertEquals(List.of("text/html", "application/json"), h.getAll("Accept"));
        assertEquals(2, h.count("X-TRACE"));
        assertEquals(Set.of("Accept", "X-Trace"), h.names());
        assertEquals(List.of("Accept", "X-Trace"), List.copyOf(h.names()));
        assertEquals("ACCEPT", h.name(2));
        assertEquals("b", h.value(3));
        assertEquals(4, h.size());
    }

    @Test
    void setReplacesAllAtThePositionOfTheFirst() {
        Headers h = new Headers().add("A", "1").add("B", "2").add("a", "3").add("C", "4");
        h.set("A", "x");
        assertEquals("A: x\r\nB: 2\r\nC: 4\r\n", h.toString());
        h.set("D", "new");
        assertEquals("D", h.name(3));
        assertTrue(h.remove("b"));
        assertFalse(h.remove("b"));
        assertEquals("A: x\r\nC: 4\r\nD: new\r\n", h.toString());
        h.clear();
        assertTrue(h.isEmpty());
        assertNull(h.get("A"));
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("Bad Name", "v"),
                Arguments.of("Bad:Name", "v"),
                Arguments.of("", "v"),
                Arguments.of(null, "v"),
                Arguments.of("X-Null", null),
                Arguments.of("X-Split", "a\r\nSet-Cookie: evil"),
                Arguments.of("X-Split", "a\nb"),
                Arguments.of("X-Split", "a\rb"),
                Arguments.of("X-Nul", "a\u0000b"),
                // at both ends of short and long values (a loop up to 24 chars, searches beyond)
                Arguments.of("X-Edge", "\r" + "v".repeat(23)),
                Arguments.of("X-Edge", "v".repeat(23) + "\n"),
                Arguments.of("X-Edge", "v".repeat(24) + "\u0000"),
                Arguments.of("X-Edge", "\n" + "v".repeat(24)),
                // past the first 32 and 64 chars (the JIT's vectorized search works in blocks) and in a UTF-16 string
                Arguments.of("X-Long", "v".repeat(40) + "\nSet-Cookie: evil"),
                Arguments.of("X-Long", "v".repeat(70) + "\r"),
                Arguments.of("X-Long", "v".repeat(100) + "\u0000"),
                Arguments.of("X-Wide", "\u20ac".repeat(20) + "\n"));
    }

    @ParameterizedTest(name = "RFC 9110 5.1/5.5: add({0}, {1}) refused")
    @MethodSource("invalidFields")
    void invalidFieldsAreRefused(String name, String value) {
        assertThrows(IllegalArgumentException.class, () -> new Headers().add(name, value));
        assertThrows(IllegalArgumentException.class, () -> new Headers().set(name, value));
    }

    @Test
    void otherControlsAreLetThroughAtEveryLength() { // only CR, LF and NUL could split or cut the message
        for (int n = 0; n < 80; n++) {
            String value = "v".repeat(n) + "\t\u000b\u000c\u0001\u007f\u00e9";
            assertTrue(Headers.isValidValue(value), "length " + value.length());
            assertFalse(Headers.isValidValue(value + "\r"), "length " + value.length());
        }
    }

    @Test
    void obsTextAndTabAreAllowedInValues() { // RFC 9110 section 5.5: field-vchar includes obs-text, HTAB allowed
        Headers h = new Headers().add("X-Latin", "caf\u00e9\tbar");
        assertEquals("caf\u00e9\tbar", h.get("x-latin"));
    }

    @ParameterizedTest(name = "RFC 9110 5.6.1 tokens of Connection: [{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "close|close",
            "Keep-Alive, Upgrade|keep-alive,upgrade",
            " ,close ,, TE |close,te",
            "''|''",
    })
    void connectionTokens(String value, String expected) {
        Headers h = new Headers().add("Connection", value);
        List<String> want = expected.isEmpty() ? List.of() : List.of(expected.split(","));
        assertEquals(want, h.connectionTokens());
    }

    @ParameterizedTest(name = "RFC 9110 5.6.1 containsToken([{0}], {1}) = {2}")
    @CsvSource(delimiter = '|', value = {
            "close|close|true",
            "CLOSE|close|true",
            "keep-alive, close|close|true",
            "keep-alive,\tclose |close|true",
            "closed|close|false",
            "not-close|close|false",
            "''|close|false",
    })
    void containsToken(String value, String token, boolean expected) {
        assertEquals(expected, new Headers().add("Connection", value).containsToken("connection", token));
    }

    @Test
    void tokensSpanSeveralFieldLines() { // RFC 9110 section 5.3: lines of a list field combine in order
        Headers h = new Headers().add("Transfer-Encoding", "gzip").add("transfer-encoding", "Chunked");
        assertEquals(List.of("gzip", "chunked"), h.transferEncodings());
    }

    /** RFC 9112 section 6.3 rule 5 and RFC 9110 section 8.6: Content-Length values, -1 = absent, -400 = 400. */
    @ParameterizedTest(name = "RFC 9112 6.3/RFC 9110 8.6 Content-Length {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "|-1",
            "0|0",
            "42|42",
            "007|7",
            "42, 42|42",
            "42,42,42|42",
            "123456789012345678|123456789012345678",
            "1234567890123456789|-400",
            "-1|-400",
            "+5|-400",
            "4 2|-400",
            "0x10|-400",
            "''|-400",
            "42, 43|-400",
            "42,|-400",
            "1e3|-400",
            "' 42 '|42",
            "' 42 ,	42	'|42",
            "',42'|-400",
            "'42,,42'|-400",
            "','|-400",
            "' '|-400",
    })
    void contentLength(String value, long expected) {
        Headers h = new Headers();
        if (value != null) {
            h.add("Content-Length", value);
        }
        if (expected == -400) {
            HttpException e = assertThrows(HttpException.class, h::contentLength);
            assertEquals(400, e.status().code());
        } else {
            assertEquals(expected, h.contentLength());
        }
    }

    @Test
    void contentLengthAcrossRepeatedFields() { // RFC 9112 section 6.3 rule 5: identical repeats are one value
        assertEquals(5, new Headers().add("Content-Length", "5").add("content-length", "5").contentLength());
        HttpException e = assertThrows(HttpException.class,
                () -> new Headers().add("Content-Length", "5").add("Content-Length", "6").contentLength());
        assertEquals("Conflicting Content-Length", e.getMessage());
        assertEquals("12", new Headers().setContentLength(12).get("Content-Length"));
        assertThrows(IllegalArgumentException.class, () -> new Headers().setContentLength(-1));
    }

    @Test
    void dateFieldsAreParsedInAllThreeFormats() { // RFC 9110 section 5.6.7
        Instant expected = Instant.parse("1994-11-06T08:49:37Z");
        for (String value : List.of("Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT",
                "Sun Nov  6 08:49:37 1994")) {
            assertEquals(expected, new Headers().add("If-Modified-Since", value).getDate("if-modified-since"),
                    value);
        }
    }

    @Test
    void repeatedOrAbsentOrBadDateIsNull() {
        String d = "Sun, 06 Nov 1994 08:49:37 GMT";
        assertNull(new Headers().getDate("Date"));
        assertNull(new Headers().add("Date", d).add("Date", d).getDate("Date"));
        assertNull(new Headers().add("Date", "yesterday").getDate("Date"));
    }

    @Test
    void setDateWritesImfFixdate() {
        Headers h = new Headers().setDate("Last-Modified", Instant.parse("2026-03-05T01:02:03.999Z"));
        assertEquals("Thu, 05 Mar 2026 01:02:03 GMT", h.get("Last-Modified"));
        assertEquals("Thu, 05 Mar 2026 01:02:03 GMT", Headers.formatDate(Instant.parse("2026-03-05T01:02:03Z")));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 4})
    void indexOutOfRange(int index) {
        Headers h = new Headers().add("A", "1").add("B", "2").add("C", "3").add("D", "4");
        h.remove("D");
        int bad = index < 0 ? index : 3;
        assertThrows(IndexOutOfBoundsException.class, () -> h.name(bad));
        assertThrows(IndexOutOfBoundsException.class, () -> h.value(bad));
    }
}
