package dev.sluice.servlet.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sluice.core.HttpException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzzes {@link FormDecoder}: query strings and {@code application/x-www-form-urlencoded} bodies.
 * <ul>
 * <li>{@code decode}: arbitrary text (a body read as UTF-8). The only failure is the 400 for too many pairs; the
 *     count is the number of non-empty {@code &}-separated elements; text with no {@code +} and no {@code %}
 *     followed by two ASCII hex digits decodes to itself (a malformed escape is kept literally, and only ASCII
 *     hex digits make an escape).</li>
 * <li>{@code roundTrip}: names and values encoded as a browser does ({@link URLEncoder}) decode back exactly.</li>
 * </ul>
 */
class FormDecoderFuzzTest {
    private static final int MAX = 20;

    @FuzzTest
    void decode(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Map<String, List<String>> map = new LinkedHashMap<>();
        int elements = 0;
        for (String element : text.split("&", -1)) {
            elements += element.isEmpty() ? 0 : 1;
        }
        int count;
        try {
            count = FormDecoder.decode(text, StandardCharsets.UTF_8, map, MAX, 0);
        } catch (HttpException e) {
            assertEquals(400, e.status().code());
            assertTrue(elements > MAX, () -> "400 for " + "only a few pairs");
            return;
        }
        assertEquals(elements, count, "pairs counted");
        assertEquals(count, map.values().stream().mapToInt(List::size).sum(), "pairs stored");
        if (text.indexOf('+') < 0 && !hasAsciiEscape(text)) {
            assertEquals(text, FormDecoder.unescape(text, 0, text.length(), StandardCharsets.UTF_8),
                    "text without an escape changed");
        }
    }

    @FuzzTest
    void roundTrip(FuzzedDataProvider data) {
        Map<String, List<String>> sent = new LinkedHashMap<>();
        StringBuilder encoded = new StringBuilder();
        int pairs = data.consumeInt(1, 6);
        for (int i = 0; i < pairs; i++) {
            String name = wellFormed(data.consumeString(16));
            String value = wellFormed(data.consumeString(32));
            if (name.isEmpty() && value.isEmpty()) {
                continue; // "=" alone is a pair with an empty name; skipped to keep the expectation simple
            }
            sent.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            encoded.append(encoded.length() == 0 ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        Map<String, List<String>> received = new LinkedHashMap<>();
        FormDecoder.decode(encoded.toString(), StandardCharsets.UTF_8, received, MAX, 0);
        assertEquals(sent, received);
    }

    /** The string as UTF-8 can carry it (lone surrogates become U+FFFD). */
    private static String wellFormed(String s) {
        return new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static boolean hasAsciiEscape(String s) {
        for (int i = 0; i + 2 < s.length(); i++) {
            if (s.charAt(i) == '%' && asciiHex(s.charAt(i + 1)) && asciiHex(s.charAt(i + 2))) {
                return true;
            }
        }
        return false;
    }

    private static boolean asciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
