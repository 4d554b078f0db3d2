package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BodyFramingTest {

    /** A head with the given fields: {@code Name: value} pairs separated by {@code ^}; "-" for none. */
    static RequestHead head(HttpVersion version, String fields) {
        Headers h = new Headers().add("Host", "example.com");
        if (!fields.equals("-")) {
            for (String field : fields.split("\\^")) {
                int colon = field.indexOf(':');
                h.add(field.substring(0, colon).trim(), field.substring(colon + 1).trim());
            }
        }
        return RequestHead.of(Method.POST, "/", version, h);
    }

    /**
     * RFC 9112 section 6.3 (message body length), 6.1 (Transfer-Encoding) and 7 (chunked once). Expected: NONE,
     * CHUNKED, LENGTH(n), or the status the request is refused with.
     */
    @ParameterizedTest(name = "RFC 9112 6.3: {0} [{1}] -> {2}")
    @CsvSource(delimiter = '|', value = {
            // rule 7: neither field, no content
            "HTTP/1.1|-|NONE",
            "HTTP/1.0|-|NONE",
            // rule 5: Content-Length
            "HTTP/1.1|Content-Length: 0|LENGTH(0)",
            "HTTP/1.1|Content-Length: 10|LENGTH(10)",
            "HTTP/1.0|Content-Length: 10|LENGTH(10)",
            "HTTP/1.1|Content-Length: 10, 10|LENGTH(10)",
            "HTTP/1.1|Content-Length: 10^Content-Length: 10|LENGTH(10)",
            "HTTP/1.1|Content-Length: 10^Content-Length: 11|400",
            "HTTP/1.1|Content-Length: 10, 11|400",
            "HTTP/1.1|Content-Length: -10|400",
            "HTTP/1.1|Content-Length: ten|400",
            "HTTP/1.1|Content-Length: 99999999999999999999|400",
            // rule 4: Transfer-Encoding with chunked last
            "HTTP/1.1|Transfer-Encoding: chunked|CHUNKED",
            "HTTP/1.1|Transfer-Encoding: Chunked|CHUNKED",
            "HTTP/1.1|Transfer-Encoding: gzip|400",
            "HTTP/1.1|Transfer-Encoding: chunked, gzip|400",
            "HTTP/1.1|Transfer-Encoding: identity|400",
            "HTTP/1.1|Transfer-Encoding: |400",
            "HTTP/1.1|Transfer-Encoding: chunked;ext=1|400",
            // 6.1: a coding Sluice does not implement before chunked
            "HTTP/1.1|Transfer-Encoding: gzip, chunked|501",
            "HTTP/1.1|Transfer-Encoding: gzip^Transfer-Encoding: chunked|501",
            // 7: chunked applied twice
            "HTTP/1.1|Transfer-Encoding: chunked, chunked|400",
            "HTTP/1.1|Transfer-Encoding: chunked^Transfer-Encoding: chunked|400",
            // 6.1 and 11.2: both fields is a smuggling signal; TE in HTTP/1.0 is faulty framing
            "HTTP/1.1|Transfer-Encoding: chunked^Content-Length: 10|400",
            "HTTP/1.1|Content-Length: 10^Transfer-Encoding: chunked|400",
            "HTTP/1.0|Transfer-Encoding: chunked|400",
    })
    void framing(String version, String fields, String expected) {
        RequestHead head = head(HttpVersion.parse(version), fields);
        if (expected.matches("\\d{3}")) {
            HttpException e = assertThrows(HttpException.class, () -> BodyFraming.of(head));
            assertEquals(Integer.parseInt(expected), e.status().code());
        } else {
            assertEquals(expected, BodyFraming.of(head).toString());
        }
    }

    @Test
    void accessors() {
        BodyFraming length = BodyFraming.of(head(HttpVersion.HTTP_1_1, "Content-Length: 7"));
        assertEquals(BodyFraming.Kind.LENGTH, length.kind());
        assertEquals(7, length.length());
        assertEquals(true, length.hasContent());
        BodyFraming empty = BodyFraming.of(head(HttpVersion.HTTP_1_1, "Content-Length: 0"));
        assertEquals(false, empty.hasContent());
        assertEquals(false, BodyFraming.NONE.hasContent());
        assertEquals(0, BodyFraming.NONE.length());
        assertEquals(true, BodyFraming.CHUNKED.hasContent());
        assertEquals(-1, BodyFraming.CHUNKED.length());
    }

    /** RFC 9110 section 15.5.14: a declared length over the limit is refused before any content is read. */
    @ParameterizedTest(name = "RFC 9110 15.5.14: [{0}] with max {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "Content-Length: 100|100|LENGTH(100)",
            "Content-Length: 101|100|413",
            "Transfer-Encoding: chunked|100|CHUNKED",
            "-|0|NONE",
    })
    void declaredLengthOverTheLimit(String fields, long max, String expected) {
        RequestHead head = head(HttpVersion.HTTP_1_1, fields);
        if (expected.equals("413")) {
            HttpException e = assertThrows(HttpException.class, () -> BodyFraming.of(head, max));
            assertEquals(Status.CONTENT_TOO_LARGE, e.status());
        } else {
            assertEquals(expected, BodyFraming.of(head, max).toString());
        }
    }
}
