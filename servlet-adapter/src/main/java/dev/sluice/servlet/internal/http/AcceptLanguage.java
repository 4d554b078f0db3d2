package dev.sluice.servlet.internal.http;

import dev.sluice.core.ContentCodings;
import dev.sluice.core.Headers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The locales of Accept-Language (RFC 9110 section 12.5.4), most preferred first; ties keep their order, q=0
 * is dropped, and without the header the server's default locale (Servlet 6.1 section 3.11).
 */
public final class AcceptLanguage {
    private AcceptLanguage() {
    }

    private record Weighted(Locale locale, int q, int order) {
    }

    public static List<Locale> locales(Headers headers) {
        List<Weighted> weighted = new ArrayList<>();
        int order = 0;
        for (String element : headers.tokens("Accept-Language")) {
            // -1: ";" alone is an empty tag, not an empty array (found by AcceptLanguageFuzzTest)
            String[] parts = element.split(";", -1);
            String tag = ows(parts[0]);
            int q = 1000;
            for (int i = 1; i < parts.length; i++) {
                String p = ows(parts[i]);
                if (p.startsWith("q=") || p.startsWith("Q=")) {
                    // the qvalue grammar of RFC 9110 section 12.4.2, in thousandths; an invalid weight (q=2,
                    // q=1e0, q=NaN, which Double.parseDouble took, found by AcceptLanguageFuzzTest) drops the member
                    q = ContentCodings.qvalue(p.substring(2));
                    if (q < 0) {
                        break; // a later valid q= does not rescue the member
                    }
                }
            }
            if (q <= 0 || tag.equals("*") || tag.isEmpty() || !tag.matches("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")) {
                continue;
            }
            weighted.add(new Weighted(Locale.forLanguageTag(tag), q, order++));
        }
        if (weighted.isEmpty()) {
            return List.of(Locale.getDefault());
        }
        weighted.sort(Comparator.comparingInt((Weighted w) -> -w.q).thenComparingInt(w -> w.order));
        List<Locale> out = new ArrayList<>(weighted.size());
        for (Weighted w : weighted) {
            out.add(w.locale);
        }
        return out;
    }

    /** Without surrounding SP and HTAB: String.trim also dropped control characters, so "en\u0001" was en. */
    private static String ows(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return s.substring(from, to);
    }
}
