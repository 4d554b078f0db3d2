package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpectationTest {

    /**
     * RFC 9110 section 10.1.1. Columns: version, Expect ("-" none), Content-Length ("-" none), expected: true,
     * false, or 417.
     */
    @ParameterizedTest(name = "RFC 9110 10.1.1: {0} Expect=[{1}] Content-Length={2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "HTTP/1.1|-|10|false",
            "HTTP/1.1|100-continue|10|true",
            "HTTP/1.1|100-Continue|10|true",
            "HTTP/1.1|100-continue|0|false",
            "HTTP/1.1|100-continue|-|false",
            "HTTP/1.0|100-continue|10|false",
            "HTTP/1.1|200-ok|10|417",
            "HTTP/1.1|100-continue, foo|10|417",
            "HTTP/1.0|foo=bar|10|417",
            // 10.1.1: only a 1.0 request's 100-continue MUST be ignored; an unknown expectation MAY get 417 in any
            // version, and Sluice answers it so, rather than serve a client that counts on what it never did
            "HTTP/1.0|100-continue, foo|10|417",
            "HTTP/1.0|100-continue|-|false",
            "HTTP/1.0|-|10|false",
            "HTTP/1.1|200-ok|-|417",
            "HTTP/1.1|'100-continue , 100-CONTINUE'|10|true",
            "HTTP/1.1|''|10|false",
    })
    void expectsContinue(String version, String expect, String length, String expected) {
        Headers h = new Headers().add("Host", "example.com");
        if (!expect.equals("-")) {
            h.add("Expect", expect);
        }
        if (!length.equals("-")) {
            h.add("Content-Length", length);
        }
        RequestHead head = RequestHead.of(Method.PUT, "/upload", HttpVersion.parse(version), h);
        BodyFraming framing = BodyFraming.of(head);
        if (expected.equals("417")) {
            HttpException e = assertThrows(HttpException.class, () -> Expectation.expectsContinue(head, framing));
            assertEquals(Status.EXPECTATION_FAILED, e.status());
            assertEquals("Only Expect: 100-continue is supported", e.getMessage());
        } else {
            assertEquals(Boolean.parseBoolean(expected), Expectation.expectsContinue(head, framing));
        }
    }
}
