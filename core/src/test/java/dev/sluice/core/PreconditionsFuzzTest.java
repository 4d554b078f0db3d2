package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fuzzes the conditional request fields (RFC 9110 section 13): {@link Preconditions#evaluate} and the parsers it
 * rests on, {@link EntityTag} and {@link HttpDate}. The input is a method on its first line and {@code Name: value}
 * field lines after it (values that could not reach a request, with CR, LF or NUL, are dropped), evaluated against
 * a strong, a weak and no current ETag, with and without Last-Modified and a current representation.
 * Properties: no exception; the answer is 200, 206, 304 or 412; 304 only for GET and HEAD, 206 only for a GET with
 * Range, 200 for CONNECT, OPTIONS and TRACE and without any conditional field; a parsed entity-tag list and a
 * parsed date survive a format-and-parse round trip. Seeds: the rows of {@code PreconditionsTest}.
 */
class PreconditionsFuzzTest {
    private static final Set<Integer> ANSWERS = Set.of(200, 206, 304, 412);
    private static final List<String> CONDITIONS = List.of("If-Match", "If-None-Match", "If-Modified-Since",
            "If-Unmodified-Since", "If-Range");
    private static final EntityTag[] ETAGS = {EntityTag.strong("v2"), EntityTag.weak("v2"), null};
    private static final Instant[] MODIFIED = {Instant.parse("2026-01-15T10:00:00.700Z"), null};

    @FuzzTest
    void evaluate(byte[] input) {
        String[] lines = new String(input, StandardCharsets.ISO_8859_1).split("\n", -1);
        Method method;
        try {
            method = Method.of(lines[0].trim());
        } catch (HttpException notAToken) {
            method = Method.GET;
        }
        Headers request = new Headers();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = colon < 0 ? "" : lines[i].substring(0, colon).trim();
            String value = colon < 0 ? "" : lines[i].substring(colon + 1).trim();
            if (Headers.isValidName(name) && Headers.isValidValue(value)) {
                request.add(name, value);
            }
        }
        boolean conditional = CONDITIONS.stream().anyMatch(request::contains);
        for (EntityTag etag : ETAGS) {
            for (Instant modified : MODIFIED) {
                for (boolean exists : new boolean[] {true, false}) {
                    Status answer = Preconditions.evaluate(method, request, etag, modified, exists);
                    int code = answer.code();
                    assertTrue(ANSWERS.contains(code), () -> "answer " + code);
                    if (code == 304) {
                        assertTrue(method.equals(Method.GET) || method.equals(Method.HEAD), "304 for " + method);
                    }
                    if (code == 206) {
                        assertTrue(method.equals(Method.GET) && request.contains("Range"), "206 without a GET Range");
                    }
                    if (!conditional || method.equals(Method.CONNECT) || method.equals(Method.OPTIONS)
                            || method.equals(Method.TRACE)) {
                        assertTrue(code == 200 || code == 206, () -> code + " without a condition to fail");
                    }
                }
            }
        }
        for (int i = 0; i < request.size(); i++) {
            roundTrips(request.value(i));
        }
    }

    private static void roundTrips(String value) {
        List<EntityTag> tags = EntityTag.parseList(value);
        if (tags != null) {
            List<String> formatted = new ArrayList<>();
            tags.forEach(t -> formatted.add(t.toString()));
            assertEquals(tags, EntityTag.parseList(String.join(", ", formatted)), "entity-tag list round trip");
            for (EntityTag t : tags) {
                assertEquals(t, EntityTag.parse(t.toString()), "entity-tag round trip");
            }
        }
        Instant date = HttpDate.parse(value);
        if (date != null) {
            String text = HttpDate.format(date);
            assertNotNull(HttpDate.parse(text), () -> "formatted date does not parse: " + text);
            assertEquals(date, HttpDate.parse(text), "date round trip");
        }
    }
}
