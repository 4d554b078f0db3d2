package dev.sluice.servlet.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.sluice.core.Headers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Fuzzes {@link AcceptLanguage#locales} (RFC 9110 section 12.5.4) with arbitrary field values. Properties: no
 * exception, and the answer is the reference reading: the language ranges of RFC 4647 section 2.1 (without
 * {@code *}) whose weight is a {@code qvalue} of section 12.4.2 above 0 (no weight means 1; an invalid weight drops
 * the member), highest weight first, ties in the order sent; the default locale when none is left.
 */
class AcceptLanguageFuzzTest {
    private static final Pattern RANGE = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern QVALUE = Pattern.compile("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?");

    @FuzzTest
    void locales(byte[] input) {
        String value = new String(input, StandardCharsets.ISO_8859_1);
        Headers headers = new Headers();
        if (Headers.isValidValue(value)) {
            headers.add("Accept-Language", value);
        }
        assertEquals(expected(headers), AcceptLanguage.locales(headers), value);
    }

    private record Weighted(Locale locale, double q) {
    }

    private static List<Locale> expected(Headers headers) {
        List<Weighted> weighted = new ArrayList<>();
        member:
        for (String element : headers.tokens("Accept-Language")) {
            String[] parts = element.split(";", -1);
            String tag = parts[0].replaceAll("^[ \\t]+|[ \\t]+$", "");
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].replaceAll("^[ \\t]+|[ \\t]+$", "");
                if (p.startsWith("q=") || p.startsWith("Q=")) {
                    String w = p.substring(2);
                    if (!QVALUE.matcher(w).matches()) {
                        continue member;
                    }
                    q = Double.parseDouble(w);
                }
            }
            if (q > 0 && RANGE.matcher(tag).matches()) {
                weighted.add(new Weighted(Locale.forLanguageTag(tag), q));
            }
        }
        if (weighted.isEmpty()) {
            return List.of(Locale.getDefault());
        }
        weighted.sort(Comparator.comparingDouble((Weighted w) -> -w.q)); // stable: ties keep their order
        return weighted.stream().map(Weighted::locale).toList();
    }
}
