package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerHeadersTest {
    static final Instant NOW = Instant.parse("2026-11-26T13:47:05.250Z");
    static final String NOW_TEXT = "Thu, 26 Nov 2026 13:47:05 GMT";
    static final Limits LIMITS = Limits.builder()
            .keepAliveTimeout(Duration.ofSeconds(20)).maxKeepAliveRequests(100).build();

    final HttpDateTest.MutableClock clock = new HttpDateTest.MutableClock(NOW);
    final ServerHeaders server = new ServerHeaders("Sluice", new HttpDate(clock), LIMITS);

    static RequestHead head(String method, String version) {
        return RequestHead.of(Method.of(method), "/", HttpVersion.parse(version),
                new Headers().add("Host", "example.com"));
    }

    /** Response headers from {@code Name: value} pairs separated by {@code ^}; "-" for none. */
    static Headers fields(String fields) {
        Headers h = new Headers();
        if (!fields.equals("-")) {
            for (String field : fields.split("\\^")) {
                int colon = field.indexOf(':');
                h.add(field.substring(0, colon).trim(), field.substring(colon + 1).trim());
            }
        }
        return h;
    }

    /**
     * RFC 9110 sections 6.6.1 (Date), 10.2.4 (Server), 8.6 (Content-Length); RFC 9112 sections 6.1-6.3 (framing
     * fields), 9.6 (Connection: close) and C.2.2 (HTTP/1.0 keep-alive). Columns: method, version, status, headers
     * set by the handler, framing, content length, persists, request number, then the exact header block.
     */
    @ParameterizedTest(name = "RFC 9110 6.6.1/RFC 9112 9.6: {0} {1} {2} [{3}] {4} len={5} persists={6} #{7}")
    @CsvSource(delimiter = '|', value = {
            "GET|HTTP/1.1|200|Content-Type: text/plain|LENGTH|5|true|1"
                    + "|Content-Type: text/plain^Date: " + NOW_TEXT + "^Server: Sluice^Content-Length: 5",
            "GET|HTTP/1.1|200|-|CHUNKED|-1|true|1"
                    + "|Date: " + NOW_TEXT + "^Server: Sluice^Transfer-Encoding: chunked",
            "GET|HTTP/1.1|200|Content-Length: 99|CHUNKED|-1|true|1"
                    + "|Date: " + NOW_TEXT + "^Server: Sluice^Transfer-Encoding: chunked",
            "GET|HTTP/1.1|200|Content-Length: 7|LENGTH|-1|true|1"
                    + "|Content-Length: 7^Date: " + NOW_TEXT + "^Server: Sluice",
            "GET|HTTP/1.1|200|Transfer-Encoding: chunked|LENGTH|3|false|1"
                    + "|Date: " + NOW_TEXT + "^Server: Sluice^Content-Length: 3^Connection: close",
            // the handler's Date and Server win
            "GET|HTTP/1.1|200|Date: Sun, 06 Nov 1994 08:49:37 GMT^Server: App/1|LENGTH|0|true|1"
                    + "|Date: Sun, 06 Nov 1994 08:49:37 GMT^Server: App/1^Content-Length: 0",
            // not persisting: Connection: close replaces the handler's options, Keep-Alive goes
            "GET|HTTP/1.1|200|Connection: keep-alive^Keep-Alive: timeout=5|LENGTH|0|false|1"
                    + "|Connection: close^Date: " + NOW_TEXT + "^Server: Sluice^Content-Length: 0",
            "GET|HTTP/1.1|500|-|LENGTH|0|false|100"
                    + "|Date: " + NOW_TEXT + "^Server: Sluice^Content-Length: 0^Connection: close",
            // HTTP/1.0 close-delimited
            "GET|HTTP/1.0|200|Content-Length: 10|CLOSE|-1|false|1"
                    + "|Date: " + NOW_TEXT + "^Server: Sluice^Connection: close",
            // HTTP/1.0 keep-alive: the idle timeout in seconds, as Tomcat sends it
            "GET|HTTP/1.0|200|-|LENGTH|2|true|1"
                    + "|Date: " + NOW_TEXT + "^Server: Sluice^Content-Length: 2^Connection: keep-alive"
                    + "^Keep-Alive: timeout=20",
            "GET|HTTP/1.0|200|-|LENGTH|2|true|99"
                    + "|Date: " + NOW_TEXT + "^Server: Sluice^Content-Length: 2^Connection: keep-alive"
                    + "^Keep-Alive: timeout=20",
            // no content: 204 drops Content-Length; HEAD and 304 keep the handler's (what GET would send)
            "DELETE|HTTP/1.1|204|Content-Length: 0^Transfer-Encoding: chunked|NONE|-1|true|1"
                    + "|Date: " + NOW_TEXT + "^Server: Sluice",
            "HEAD|HTTP/1.1|200|Content-Length: 1234|NONE|-1|true|1"
                    + "|Content-Length: 1234^Date: " + NOW_TEXT + "^Server: Sluice",
            "GET|HTTP/1.1|304|ETag: \"x\"^Content-Length: 1234|NONE|-1|true|1"
                    + "|ETag: \"x\"^Content-Length: 1234^Date: " + NOW_TEXT + "^Server: Sluice",
            // 1xx responses are left alone
            "GET|HTTP/1.1|100|-|NONE|-1|true|1|-",
            "GET|HTTP/1.1|101|Connection: upgrade^Upgrade: websocket|NONE|-1|false|1"
                    + "|Connection: upgrade^Upgrade: websocket",
    })
    void apply(String method, String version, int status, String handlerFields, String framing, long length,
               boolean persists, int number, String expected) {
        Headers headers = fields(handlerFields);
        server.apply(head(method, version), Status.of(status), headers, ResponseFraming.valueOf(framing), length,
                persists, number);
        assertEquals(fields(expected).toString(), headers.toString());
    }

    @Test
    void serverHeaderCanBeTurnedOffOrChanged() { // RFC 9110 section 10.2.4
        Headers h = new Headers();
        new ServerHeaders(null, new HttpDate(clock), LIMITS)
                .apply(head("GET", "HTTP/1.1"), Status.OK, h, ResponseFraming.LENGTH, 0, true, 1);
        assertNull(h.get("Server"));
        assertEquals(NOW_TEXT, h.get("Date"));
        Headers h2 = new Headers();
        new ServerHeaders("Acme/2 (test)", new HttpDate(clock), LIMITS)
                .apply(head("GET", "HTTP/1.1"), Status.OK, h2, ResponseFraming.LENGTH, 0, true, 1);
        assertEquals("Acme/2 (test)", h2.get("Server"));
        assertEquals("Sluice", new ServerHeaders(LIMITS).server());
        assertThrows(IllegalArgumentException.class, () -> new ServerHeaders("a\r\nb", new HttpDate(clock), LIMITS));
        assertThrows(IllegalArgumentException.class, () -> new ServerHeaders(" ", new HttpDate(clock), LIMITS));
    }

    @Test
    void dateIsTheSameStringWithinASecondAndMovesOn() { // RFC 9110 section 6.6.1
        Headers a = new Headers();
        Headers b = new Headers();
        server.apply(head("GET", "HTTP/1.1"), Status.OK, a, ResponseFraming.LENGTH, 0, true, 1);
        clock.millis.addAndGet(700);
        server.apply(head("GET", "HTTP/1.1"), Status.OK, b, ResponseFraming.LENGTH, 0, true, 1);
        assertSame(a.get("Date"), b.get("Date"));
        clock.millis.addAndGet(100);
        Headers c = new Headers();
        server.apply(head("GET", "HTTP/1.1"), Status.OK, c, ResponseFraming.LENGTH, 0, true, 1);
        assertEquals("Thu, 26 Nov 2026 13:47:06 GMT", c.get("Date"));
    }

    @Test
    void keepAliveTimeoutIsWholeSeconds() { // RFC 9112 C.2.2
        Limits limits = Limits.builder().keepAliveTimeout(Duration.ofMillis(2500)).maxKeepAliveRequests(3).build();
        Headers h = new Headers();
        new ServerHeaders("S", new HttpDate(clock), limits)
                .apply(head("GET", "HTTP/1.0"), Status.OK, h, ResponseFraming.LENGTH, 0, true, 2);
        assertEquals("timeout=2", h.get("Keep-Alive"));
    }

    /** RFC 9112 section 9.6: a response to a request that could not be parsed closes the connection. */
    @ParameterizedTest(name = "RFC 9112 9.6: canned {0} [{1}] length {2}")
    @CsvSource(delimiter = '|', value = {
            "400|-|11|Date: " + NOW_TEXT + "^Server: Sluice^Content-Length: 11^Connection: close",
            "503|Retry-After: 5^Connection: keep-alive^Keep-Alive: timeout=1|0"
                    + "|Retry-After: 5^Connection: close^Date: " + NOW_TEXT + "^Server: Sluice^Content-Length: 0",
            "505|Transfer-Encoding: chunked|3|Date: " + NOW_TEXT + "^Server: Sluice^Content-Length: 3^Connection: close",
            "204|Content-Length: 0|0|Date: " + NOW_TEXT + "^Server: Sluice^Connection: close",
    })
    void applyClosing(int status, String handlerFields, long length, String expected) {
        Headers headers = fields(handlerFields);
        server.applyClosing(Status.of(status), headers, length);
        assertEquals(fields(expected).toString(), headers.toString());
    }

    @Test
    void lengthFramingNeedsALength() {
        assertThrows(IllegalArgumentException.class, () -> server.apply(head("GET", "HTTP/1.1"), Status.OK,
                new Headers(), ResponseFraming.LENGTH, -1, true, 1));
    }
}
