package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpVersionTest {

    /**
     * RFC 9112 section 2.3 grammar, RFC 9110 section 2.5 (higher minor version of major 1 handled as 1.1) and
     * section 15.6.6 (505 for a major version not supported). Expected: a version, or the status refused with.
     */
    @ParameterizedTest(name = "RFC 9112 2.3/RFC 9110 2.5: [{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "HTTP/1.1|HTTP/1.1",
            "HTTP/1.0|HTTP/1.0",
            "HTTP/1.2|HTTP/1.1",
            "HTTP/1.9|HTTP/1.1",
            "HTTP/2.0|505",
            "HTTP/3.0|505",
            "HTTP/0.9|505",
            "HTTP/9.9|505",
            "http/1.1|400",
            "Http/1.1|400",
            "HTTP/1|400",
            "HTTP/11|400",
            "HTTP/1.10|400",
            "HTTP/10.1|400",
            "HTTP/1,1|400",
            "HTTP/a.b|400",
            "'HTTP/1.1 '|400",
            "' HTTP/1.1'|400",
            "HTTPS/1.1|400",
            "''|400",
    })
    void parse(String text, String expected) {
        if (expected.startsWith("HTTP")) {
            HttpVersion v = HttpVersion.parse(text);
            assertEquals(expected, v.text());
            assertEquals(expected, v.toString());
        } else {
            HttpException e = assertThrows(HttpException.class, () -> HttpVersion.parse(text));
            assertEquals(Integer.parseInt(expected), e.status().code());
        }
    }

    @ParameterizedTest(name = "parse(text()) round-trips {0}")
    @CsvSource({"HTTP_1_0", "HTTP_1_1"})
    void roundTrip(HttpVersion v) {
        assertEquals(v, HttpVersion.parse(new StringBuilder(v.text())));
    }
}
