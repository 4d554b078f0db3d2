package dev.sluice.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the Forwarded field (RFC 7239 section 4): a list of elements, one per proxy, each a {@code ;}-separated
 * list of {@code token=value} pairs whose value is a token or a quoted-string. Pure; thread-safe.
 *
 * <p>Lenient where senders commonly are and the meaning stays clear: spaces around {@code ;} and empty list
 * members (RFC 9110 section 5.6.1). Strict where a mistake could shift a value into the wrong element: an
 * unterminated quoted-string, a pair without {@code =}, a value that is neither token nor quoted-string, or a
 * parameter given twice in one element (section 4: "MUST NOT occur more than once") is malformed.
 */
final class ForwardedField {
    private final String s;
    private int i;

    private ForwardedField(String s) {
        this.s = s;
    }

    /**
     * The elements of every Forwarded line, in order (the last element was added by the nearest proxy); each maps
     * lower-cased parameter names to unquoted values.
     *
     * @throws HttpException 400 when a line is malformed
     */
    static List<Map<String, String>> parse(List<String> lines) {
        List<Map<String, String>> elements = new ArrayList<>();
        for (String line : lines) {
            new ForwardedField(line).elements(elements);
        }
        return elements;
    }

    private void elements(List<Map<String, String>> out) {
        while (true) {
            skipSpaces();
            if (i == s.length()) {
                return;
            }
            if (s.charAt(i) == ',') {
                i++; // an empty list member
                continue;
            }
            out.add(element());
            skipSpaces();
            if (i < s.length()) {
                expect(',');
            }
        }
    }

    private Map<String, String> element() {
        Map<String, String> pairs = new HashMap<>();
        while (true) {
            skipSpaces();
            if (i < s.length() && s.charAt(i) != ';' && s.charAt(i) != ',') {
                String name = token().toLowerCase(Locale.ROOT);
                expect('=');
                String value = i < s.length() && s.charAt(i) == '"' ? quoted() : token();
                if (pairs.put(name, value) != null) {
                    throw malformed();
                }
                skipSpaces();
            }
            if (i < s.length() && s.charAt(i) == ';') {
                i++;
                continue;
            }
            return pairs;
        }
    }

    private String token() {
        int start = i;
        while (i < s.length() && Tokens.isTokenChar(s.charAt(i))) {
            i++;
        }
        if (i == start) {
            throw malformed();
        }
        return s.substring(start, i);
    }

    /** A quoted-string (RFC 9110 section 5.6.4) without its quotes, escapes removed. */
    private String quoted() {
        StringBuilder value = new StringBuilder();
        i++;
        while (i < s.length()) {
            char c = s.charAt(i++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                if (i == s.length()) {
                    break;
                }
                c = s.charAt(i++);
            }
            if (c < ' ' && c != '\t' || c == 0x7F) {
                break;
            }
            value.append(c);
        }
        throw malformed();
    }

    private void expect(char c) {
        if (i >= s.length() || s.charAt(i) != c) {
            throw malformed();
        }
        i++;
    }

    private void skipSpaces() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
    }

    private static HttpException malformed() {
        return HttpException.badRequest("Malformed Forwarded header from a trusted proxy");
    }
}
