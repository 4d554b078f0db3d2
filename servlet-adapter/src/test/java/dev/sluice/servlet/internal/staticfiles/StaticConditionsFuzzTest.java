package dev.sluice.servlet.internal.staticfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sluice.core.EntityTag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Fuzzes what the default servlet reads from a request for a static file: the Range field
 * ({@link ByteRanges#parse}, RFC 9110 section 14.1.2) and the entity-tag lists of If-Match / If-None-Match
 * ({@link Conditionals#matches}, section 13.1). Properties: no exception; ranges are honoured (not ignored) only
 * for a value in the Range grammar, lie inside the file and are at most 16; on a well-formed entity-tag list the
 * answer is that of the core's parser ({@link EntityTag}) for the tags the servlet makes ({@code W/"length-mtime"})
 * and a strong one. Seeds: Range values and tag lists from the core's tests.
 */
class StaticConditionsFuzzTest {
    private static final long[] LENGTHS = {0, 1, 100, Long.MAX_VALUE};
    private static final String SPEC = "(?:[0-9]+-[0-9]*|-[0-9]+)";
    private static final Pattern GRAMMAR = Pattern.compile(
            "[ \\t]*(?i:bytes)[ \\t]*=[ \\t]*(?:,[ \\t]*)*" + SPEC + "(?:[ \\t]*,(?:[ \\t]*" + SPEC + ")?)*[ \\t]*");
    private static final String[] ETAGS = {"W/\"100-1700000000000\"", "\"100-1700000000000\""};

    @FuzzTest
    void fields(byte[] input) {
        String value = new String(input, StandardCharsets.ISO_8859_1);
        for (long length : LENGTHS) {
            ByteRanges.Result r = ByteRanges.parse(value, length);
            if (r.ignore()) {
                continue;
            }
            assertTrue(GRAMMAR.matcher(value).matches(), () -> "Range honoured outside the grammar: " + value);
            assertEquals(r.unsatisfiable(), r.ranges().isEmpty());
            assertTrue(r.ranges().size() <= dev.sluice.core.ByteRanges.DEFAULT_MAX_RANGES);
            for (ByteRanges.Range range : r.ranges()) {
                assertTrue(range.first() >= 0 && range.first() <= range.last() && range.last() < length,
                        () -> range + " of " + length);
            }
        }
        List<EntityTag> tags = EntityTag.isAny(value) ? null : EntityTag.parseList(value);
        if (tags == null || tags.isEmpty()) {
            return;
        }
        for (String etag : ETAGS) {
            EntityTag current = EntityTag.parse(etag);
            boolean strong = tags.stream().anyMatch(t -> t.strongMatch(current));
            boolean weak = tags.stream().anyMatch(t -> t.weakMatch(current));
            assertEquals(strong, Conditionals.matches(value, etag, true), () -> "If-Match " + value + " vs " + etag);
            assertEquals(weak, Conditionals.matches(value, etag, false), () -> "If-None-Match " + value + " vs " + etag);
        }
    }
}
