package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusTest {

    /** Every code of RFC 9110 section 15 (subsection in the third column) with its reason phrase. */
    @ParameterizedTest(name = "RFC 9110 {2}: {0} {1}")
    @CsvSource(delimiter = '|', value = {
            "100|Continue|15.2.1",
            "101|Switching Protocols|15.2.2",
            "200|OK|15.3.1",
            "201|Created|15.3.2",
            "202|Accepted|15.3.3",
            "203|Non-Authoritative Information|15.3.4",
            "204|No Content|15.3.5",
            "205|Reset Content|15.3.6",
            "206|Partial Content|15.3.7",
            "300|Multiple Choices|15.4.1",
            "301|Moved Permanently|15.4.2",
            "302|Found|15.4.3",
            "303|See Other|15.4.4",
            "304|Not Modified|15.4.5",
            "305|Use Proxy|15.4.6",
            "306|Unused|15.4.7",
            "307|Temporary Redirect|15.4.8",
            "308|Permanent Redirect|15.4.9",
            "400|Bad Request|15.5.1",
            "401|Unauthorized|15.5.2",
            "402|Payment Required|15.5.3",
            "403|Forbidden|15.5.4",
            "404|Not Found|15.5.5",
            "405|Method Not Allowed|15.5.6",
            "406|Not Acceptable|15.5.7",
            "407|Proxy Authentication Required|15.5.8",
            "408|Request Timeout|15.5.9",
            "409|Conflict|15.5.10",
            "410|Gone|15.5.11",
            "411|Length Required|15.5.12",
            "412|Precondition Failed|15.5.13",
            "413|Content Too Large|15.5.14",
            "414|URI Too Long|15.5.15",
            "415|Unsupported Media Type|15.5.16",
            "416|Range Not Satisfiable|15.5.17",
            "417|Expectation Failed|15.5.18",
            "418|Unused|15.5.19",
            "421|Misdirected Request|15.5.20",
            "422|Unprocessable Content|15.5.21",
            "426|Upgrade Required|15.5.22",
            "500|Internal Server Error|15.6.1",
            "501|Not Implemented|15.6.2",
            "502|Bad Gateway|15.6.3",
            "503|Service Unavailable|15.6.4",
            "504|Gateway Timeout|15.6.5",
            "505|HTTP Version Not Supported|15.6.6",
    })
    void everyRfc9110Code(int code, String reason, String section) {
        Status status = Status.of(code);
        assertEquals(code, status.code());
        assertEquals(reason, status.reason());
        assertSame(status, Status.of(code), "registered codes are shared constants");
        assertEquals(code + " " + reason, status.toString());
    }

    @ParameterizedTest(name = "other RFCs: {0} {1}")
    @CsvSource(delimiter = '|', value = {
            "103|Early Hints",
            "428|Precondition Required",
            "429|Too Many Requests",
            "431|Request Header Fields Too Large",
            "451|Unavailable For Legal Reasons",
            "511|Network Authentication Required",
    })
    void codesOfOtherRfcs(int code, String reason) {
        assertEquals(reason, Status.of(code).reason());
    }

    /** RFC 9110 section 15: an unknown code is understood by its class. */
    @ParameterizedTest(name = "RFC 9110 15: unregistered {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "199|Informational",
            "299|Success",
            "399|Redirection",
            "499|Client Error",
            "599|Server Error",
    })
    void unregisteredCodesGetTheirClassPhrase(int code, String reason) {
        Status status = Status.of(code);
        assertEquals(reason, status.reason());
        assertEquals(status, Status.of(code));
        assertEquals(code, status.hashCode());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 99, 600, 1000})
    void outOfRange(int code) {
        assertThrows(IllegalArgumentException.class, () -> Status.of(code));
    }

    /** RFC 9110 section 6.4.1: 1xx, 204 and 304 never have content; classes of section 15. */
    @ParameterizedTest(name = "RFC 9110 6.4.1/15: {0} forbidsContent={1} class={2}")
    @CsvSource(delimiter = '|', value = {
            "100|true|1",
            "101|true|1",
            "103|true|1",
            "200|false|2",
            "204|true|2",
            "205|false|2",
            "206|false|2",
            "304|true|3",
            "301|false|3",
            "404|false|4",
            "500|false|5",
    })
    void contentAndClasses(int code, boolean forbidsContent, int kind) {
        Status s = Status.of(code);
        assertEquals(forbidsContent, s.forbidsContent());
        assertEquals(kind == 1, s.isInformational());
        assertEquals(kind == 2, s.isSuccess());
        assertEquals(kind == 3, s.isRedirection());
        assertEquals(kind == 4, s.isClientError());
        assertEquals(kind == 5, s.isServerError());
    }

    @Test
    void constantsMatchTheirCodes() {
        assertEquals(413, Status.CONTENT_TOO_LARGE.code());
        assertEquals(505, Status.HTTP_VERSION_NOT_SUPPORTED.code());
        assertEquals(431, Status.REQUEST_HEADER_FIELDS_TOO_LARGE.code());
    }
}
