package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Fuzzes Accept-Encoding negotiation ({@link ContentCodings}, RFC 9110 section 12.5.3) with arbitrary field values.
 * Properties: no exception; the choice is one of the server's codings, identity, or null; a chosen coding has a
 * positive weight no lower than any other available coding's; null only when identity's weight is 0 too;
 * {@link ContentCodings#qvalue} accepts exactly the {@code qvalue} grammar of section 12.4.2 and returns
 * thousandths. Seeds: the values of {@code ContentCodingsTest}.
 */
class ContentCodingsFuzzTest {
    private static final List<String> AVAILABLE = List.of("gzip", "br", "deflate");
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    @FuzzTest
    void negotiate(byte[] input) {
        String value = new String(input, StandardCharsets.ISO_8859_1);
        String chosen = ContentCodings.negotiate(value, AVAILABLE);
        int identity = ContentCodings.quality(value, ContentCodings.IDENTITY);
        int best = 0;
        for (String coding : AVAILABLE) {
            int q = ContentCodings.quality(value, coding);
            assertTrue(q >= 0 && q <= 1000, () -> "weight " + q);
            best = Math.max(best, q);
        }
        if (value.isBlank()) {
            assertEquals(ContentCodings.IDENTITY, chosen);
        } else if (chosen == null) {
            assertEquals(0, best, "null although a coding is acceptable");
            assertEquals(0, identity, "null although identity is acceptable");
        } else if (chosen.equals(ContentCodings.IDENTITY)) {
            assertTrue(identity > 0 && identity >= best, "identity chosen over a better coding");
        } else {
            assertTrue(AVAILABLE.contains(chosen), chosen);
            assertTrue(ContentCodings.quality(value, chosen) == best && best > 0, chosen + " is not the best");
        }
        for (String member : value.split("[,;]")) {
            String m = member.trim();
            if (m.length() >= 2 && (m.charAt(0) == 'q' || m.charAt(0) == 'Q') && m.charAt(1) == '=') {
                String q = m.substring(2);
                int thousandths = ContentCodings.qvalue(q);
                assertEquals(QVALUE.matcher(q).matches(), thousandths >= 0, () -> "qvalue " + q);
                if (thousandths >= 0) {
                    assertEquals(Math.round(Double.parseDouble(q) * 1000), thousandths, q);
                }
            }
        }
    }
}
