package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PreconditionsTest {
    static final EntityTag ETAG = EntityTag.strong("v2");
    /** Last modified at 10:00:00.700; HTTP-dates only see 10:00:00. */
    static final Instant MODIFIED = Instant.parse("2026-01-15T10:00:00.700Z");
    static final String AT = "Thu, 15 Jan 2026 10:00:00 GMT";
    static final String BEFORE = "Thu, 15 Jan 2026 09:59:59 GMT";
    static final String AFTER = "Thu, 15 Jan 2026 10:00:01 GMT";

    /** Request fields as {@code Name: value} separated by {@code ^}; "-" for none. */
    static Headers request(String fields) {
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
     * RFC 9110 sections 13.1.1-13.1.5 (each condition) and 13.2.2 (their order). The representation has ETag
     * "v2" and Last-Modified {@link #AT} unless the columns say otherwise ("-" for none). Columns: method, request
     * fields, has ETag, has Last-Modified, exists, expected status.
     */
    @ParameterizedTest(name = "RFC 9110 13: {0} [{1}] etag={2} lm={3} exists={4} -> {5}")
    @CsvSource(delimiter = '|', quoteCharacter = '\u0000', value = {
            "GET|-|true|true|true|200",
            // 13.2.1: methods that select no representation ignore every condition
            "OPTIONS|If-Match: \"v1\"|true|true|true|200",
            "TRACE|If-None-Match: *|true|true|true|200",
            "CONNECT|If-Unmodified-Since: " + BEFORE + "|true|true|true|200",
            // 13.1.1 If-Match: strong comparison, * needs a representation
            "PUT|If-Match: \"v2\"|true|true|true|200",
            "PUT|If-Match: \"v1\", \"v2\"|true|true|true|200",
            "PUT|If-Match: \"v1\"^If-Match: \"v2\"|true|true|true|200",
            "PUT|If-Match: \"v1\"|true|true|true|412",
            "PUT|If-Match: W/\"v2\"|true|true|true|412",
            "PUT|If-Match: *|true|true|true|200",
            "PUT|If-Match: *|false|false|false|412",
            "PUT|If-Match: \"v2\"|false|true|true|412",
            "PUT|If-Match: garbage|true|true|true|412",
            "GET|If-Match: \"v1\"|true|true|true|412",
            // 13.1.4 If-Unmodified-Since, ignored when If-Match is present, invalid or no Last-Modified
            "PUT|If-Unmodified-Since: " + AT + "|true|true|true|200",
            "PUT|If-Unmodified-Since: " + AFTER + "|true|true|true|200",
            "PUT|If-Unmodified-Since: " + BEFORE + "|true|true|true|412",
            "PUT|If-Unmodified-Since: yesterday|true|true|true|200",
            "PUT|If-Unmodified-Since: " + BEFORE + "|true|false|true|200",
            "PUT|If-Match: \"v2\"^If-Unmodified-Since: " + BEFORE + "|true|true|true|200",
            "GET|If-Unmodified-Since: " + BEFORE + "|true|true|true|412",
            // 13.1.2 If-None-Match: weak comparison, 304 for GET/HEAD, 412 otherwise
            "GET|If-None-Match: \"v2\"|true|true|true|304",
            "HEAD|If-None-Match: W/\"v2\"|true|true|true|304",
            "GET|If-None-Match: \"v1\", W/\"v2\"|true|true|true|304",
            "GET|If-None-Match: \"v1\"|true|true|true|200",
            "GET|If-None-Match: *|true|true|true|304",
            "PUT|If-None-Match: *|true|true|true|412",
            "PUT|If-None-Match: *|false|false|false|200",
            "DELETE|If-None-Match: \"v2\"|true|true|true|412",
            "GET|If-None-Match: \"v2\"|false|true|true|200",
            "GET|If-None-Match: garbage|true|true|true|200",
            // 13.1.3 If-Modified-Since: GET/HEAD only, ignored with If-None-Match, whole seconds
            "GET|If-Modified-Since: " + AT + "|true|true|true|304",
            "GET|If-Modified-Since: " + AFTER + "|true|true|true|304",
            "GET|If-Modified-Since: " + BEFORE + "|true|true|true|200",
            "HEAD|If-Modified-Since: " + AT + "|true|true|true|304",
            "POST|If-Modified-Since: " + AT + "|true|true|true|200",
            "GET|If-Modified-Since: not a date|true|true|true|200",
            "GET|If-Modified-Since: " + AT + "|true|false|true|200",
            "GET|If-None-Match: \"v1\"^If-Modified-Since: " + AT + "|true|true|true|200",
            "GET|If-None-Match: \"v2\"^If-Modified-Since: " + BEFORE + "|true|true|true|304",
            // 13.2.2 order: If-Match / If-Unmodified-Since fail first, then If-None-Match
            "GET|If-Match: \"v1\"^If-None-Match: \"v2\"|true|true|true|412",
            "GET|If-Unmodified-Since: " + BEFORE + "^If-None-Match: \"v2\"|true|true|true|412",
            "GET|If-Match: \"v2\"^If-None-Match: \"v2\"|true|true|true|304",
            // 13.1.5 If-Range with Range, GET only (RFC 9110 14.2)
            "GET|Range: bytes=0-1|true|true|true|206",
            "HEAD|Range: bytes=0-1|true|true|true|200",
            "POST|Range: bytes=0-1|true|true|true|200",
            "GET|Range: bytes=0-1^If-Range: \"v2\"|true|true|true|206",
            "GET|Range: bytes=0-1^If-Range: \"v1\"|true|true|true|200",
            "GET|Range: bytes=0-1^If-Range: W/\"v2\"|true|true|true|200",
            "GET|Range: bytes=0-1^If-Range: " + AT + "|true|true|true|206",
            "GET|Range: bytes=0-1^If-Range: " + AFTER + "|true|true|true|200",
            "GET|Range: bytes=0-1^If-Range: " + BEFORE + "|true|true|true|200",
            "GET|Range: bytes=0-1^If-Range: " + AT + "|true|false|true|200",
            "GET|Range: bytes=0-1^If-Range: nonsense|true|true|true|200",
            "GET|If-Range: \"v2\"|true|true|true|200",
            "GET|Range: bytes=0-1^If-None-Match: \"v2\"|true|true|true|304",
            "GET|Range: bytes=0-1^If-Match: \"v1\"|true|true|true|412",
    })
    void evaluate(String method, String fields, boolean hasEtag, boolean hasModified, boolean exists,
                  int expected) {
        Status status = Preconditions.evaluate(Method.of(method), request(fields), hasEtag ? ETAG : null,
                hasModified ? MODIFIED : null, exists);
        assertEquals(expected, status.code());
        if (exists) {
            assertEquals(status, Preconditions.evaluate(Method.of(method), request(fields),
                    hasEtag ? ETAG : null, hasModified ? MODIFIED : null));
        }
    }
}
