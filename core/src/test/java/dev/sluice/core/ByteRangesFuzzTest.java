package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Fuzzes {@link ByteRanges#parse} with arbitrary Range values (ISO-8859-1, as header values arrive) against several
 * representation lengths. Properties: no exception; 206 or 416 only for a value that matches the grammar of RFC
 * 9110 section 14.1.2 (with the list rules of section 5.6.1), everything else 200; every 206 range lies inside the
 * representation, first not after last, at most {@link ByteRanges#DEFAULT_MAX_RANGES} of them; the Content-Range
 * and the multipart length agree with the ranges. Seeds: the values of {@code ByteRangesTest}.
 */
class ByteRangesFuzzTest {
    private static final long[] LENGTHS = {0, 1, 100, Long.MAX_VALUE};
    private static final String SPEC = "(?:[0-9]+-[0-9]*|-[0-9]+)";
    /** {@code ranges-specifier}, the unit case-insensitive, OWS (SP / HTAB) around list elements. */
    private static final Pattern GRAMMAR = Pattern.compile(
            "[ \\t]*(?i:bytes)[ \\t]*=[ \\t]*(?:,[ \\t]*)*" + SPEC + "(?:[ \\t]*,(?:[ \\t]*" + SPEC + ")?)*[ \\t]*");

    @FuzzTest
    void parse(byte[] input) {
        String value = new String(input, StandardCharsets.ISO_8859_1);
        for (long length : LENGTHS) {
            ByteRanges r = ByteRanges.parse(value, length);
            int status = r.status().code();
            if (status == 200) {
                assertTrue(r.ranges().isEmpty());
                assertEquals(null, r.contentRange());
                continue;
            }
            assertTrue(GRAMMAR.matcher(value).matches(), () -> "accepted outside the grammar: " + value);
            if (status == 416) {
                assertTrue(r.ranges().isEmpty());
                assertEquals("bytes */" + length, r.contentRange());
                continue;
            }
            assertEquals(206, status);
            assertTrue(!r.ranges().isEmpty() && r.ranges().size() <= ByteRanges.DEFAULT_MAX_RANGES);
            long total = 0;
            for (ByteRange range : r.ranges()) {
                assertTrue(range.first() >= 0 && range.first() <= range.last() && range.last() < length,
                        () -> range + " of " + length);
                total = total + range.length() < 0 ? Long.MAX_VALUE : total + range.length();
            }
            if (r.isMultipart()) {
                assertEquals(null, r.contentRange());
                // ranges of a representation near 2^63 bytes add up past a long (a finding of the test, not of
                // the parser: no file is that large); the length is checked well below that
                assertTrue(total >= Long.MAX_VALUE / 2 || r.multipartLength("b", null) > total, "multipart length");
            } else {
                ByteRange only = r.ranges().get(0);
                assertEquals("bytes " + only.first() + "-" + only.last() + "/" + length, r.contentRange());
            }
        }
    }
}
