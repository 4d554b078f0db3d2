package dev.sluice.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.core.BodyFraming;
import dev.sluice.core.Headers;
import dev.sluice.core.HttpException;
import dev.sluice.core.HttpVersion;
import dev.sluice.core.Limits;
import dev.sluice.core.Method;
import dev.sluice.core.RequestHead;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The connector's gate answers as core's rules do (issue 14: it used to keep its own copy, which let an unknown
 * expectation through on HTTP/1.0 and refused an empty Expect field). Columns: method, version, Expect ("-"
 * none), Content-Length ("-" none), expected status or "ok".
 */
class RequestGateTest {
    private final RequestGate gate = new RequestGate(Limits.builder().maxBodyBytes(100).build());

    @ParameterizedTest(name = "{0} {1} Expect=[{2}] Content-Length={3} -> {4}")
    @CsvSource(delimiter = '|', value = {
            "POST|HTTP/1.1|-|10|ok",
            "POST|HTTP/1.1|100-continue|10|ok",
            "POST|HTTP/1.0|100-continue|10|ok",       // RFC 9110 10.1.1: ignored on 1.0
            "POST|HTTP/1.1|teapot|10|417",
            "POST|HTTP/1.0|teapot|10|417",            // 10.1.1: an unknown expectation MAY get 417, any version
            "POST|HTTP/1.1|''|10|ok",                 // an empty field expects nothing
            "POST|HTTP/1.1|100-continue|101|413",     // RFC 9110 15.5.14, before the body is read
            "POST|HTTP/1.1|teapot|101|413",
            "CONNECT|HTTP/1.1|-|-|501",
    })
    void refusesAsCoreDecides(String method, String version, String expect, String length, String expected) {
        Headers h = new Headers().add("Host", "a:443");
        if (!expect.equals("-")) {
            h.add("Expect", expect);
        }
        if (!length.equals("-")) {
            h.add("Content-Length", length);
        }
        String target = method.equals("CONNECT") ? "a:443" : "/";
        RequestHead head = RequestHead.of(Method.of(method), target, HttpVersion.parse(version), h);
        if (expected.equals("ok")) {
            BodyFraming framing = gate.check(head);
            assertEquals(BodyFraming.Kind.LENGTH, framing.kind());
            assertEquals(10, framing.length());
        } else {
            HttpException e = assertThrows(HttpException.class, () -> gate.check(head));
            assertEquals(Integer.parseInt(expected), e.status().code(), e.getMessage());
        }
    }
}
