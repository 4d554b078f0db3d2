package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResponseFramingTest {

    /**
     * RFC 9112 section 6.3 rules 1, 2, 4, 6 and 8; RFC 9110 section 6.4.1. Columns: method, version, status,
     * declared Content-Length (-1 none), length of content complete at commit (-1 still streaming), framing.
     */
    @ParameterizedTest(name = "RFC 9112 6.3: {0} {1} {2} declared={3} complete={4} -> {5}")
    @CsvSource(delimiter = '|', value = {
            // rule 1: never content for HEAD, 1xx, 204, 304, whatever was declared or written
            "HEAD|HTTP/1.1|200|-1|-1|NONE",
            "HEAD|HTTP/1.1|200|1000|-1|NONE",
            "HEAD|HTTP/1.0|200|-1|5|NONE",
            "GET|HTTP/1.1|100|-1|-1|NONE",
            "GET|HTTP/1.1|101|-1|-1|NONE",
            "GET|HTTP/1.1|204|-1|0|NONE",
            "POST|HTTP/1.1|204|5|-1|NONE",
            "GET|HTTP/1.1|304|-1|-1|NONE",
            "GET|HTTP/1.0|304|10|-1|NONE",
            // rule 2: a 2xx to CONNECT is a tunnel; a refusal of CONNECT has content
            "CONNECT|HTTP/1.1|200|-1|-1|NONE",
            "CONNECT|HTTP/1.1|403|-1|12|LENGTH",
            // rule 6: a known length
            "GET|HTTP/1.1|200|1000|-1|LENGTH",
            "GET|HTTP/1.1|200|-1|12|LENGTH",
            "GET|HTTP/1.1|200|-1|0|LENGTH",
            "GET|HTTP/1.0|200|1000|-1|LENGTH",
            "GET|HTTP/1.0|404|-1|9|LENGTH",
            "POST|HTTP/1.1|201|0|0|LENGTH",
            "GET|HTTP/1.1|205|-1|0|LENGTH",
            // rules 4 and 8: unknown length is chunked on 1.1, close-delimited on 1.0
            "GET|HTTP/1.1|200|-1|-1|CHUNKED",
            "GET|HTTP/1.1|500|-1|-1|CHUNKED",
            "PROPFIND|HTTP/1.1|207|-1|-1|CHUNKED",
            "GET|HTTP/1.0|200|-1|-1|CLOSE",
            "POST|HTTP/1.0|500|-1|-1|CLOSE",
    })
    void decide(String method, String version, int status, long declared, long complete, String expected) {
        assertEquals(ResponseFraming.valueOf(expected), ResponseFraming.decide(Method.of(method),
                HttpVersion.parse(version), Status.of(status), declared, complete));
    }
}
