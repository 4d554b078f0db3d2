package dev.sluice.servlet.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parameters of a header value such as {@code form-data; name="a"; filename*=UTF-8''%E2%82%AC.txt} or
 * {@code multipart/form-data; boundary=x}: {@code type *( ";" name "=" ( token / quoted-string ) )} (RFC 9110
 * section 5.6.6), read leniently as browsers write it.
 */
public final class HeaderParams {
    private final String type;
    private final Map<String, String> params;

    private HeaderParams(String type, Map<String, String> params) {
        this.type = type;
        this.params = params;
    }

    public static HeaderParams parse(String value) {
        Map<String, String> params = new LinkedHashMap<>();
        int semi = value.indexOf(';');
        String type = (semi < 0 ? value : value.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        int i = semi < 0 ? value.length() : semi + 1;
        while (i < value.length()) {
            int eq = value.indexOf('=', i);
            int nextSemi = value.indexOf(';', i);
            if (eq < 0 || (nextSemi >= 0 && nextSemi < eq)) { // a parameter without a value: skipped
                i = nextSemi < 0 ? value.length() : nextSemi + 1;
                continue;
            }
            String name = value.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            StringBuilder v = new StringBuilder();
            i = eq + 1;
            while (i < value.length() && (value.charAt(i) == ' ' || value.charAt(i) == '\t')) {
                i++;
            }
            if (i < value.length() && value.charAt(i) == '"') {
                i = quoted(value, i + 1, v);
                int after = value.indexOf(';', i);
                i = after < 0 ? value.length() : after + 1;
            } else {
                int stop = value.indexOf(';', i);
                v.append(value, i, stop < 0 ? value.length() : stop);
                i = stop < 0 ? value.length() : stop + 1;
            }
            params.putIfAbsent(name, v.toString().trim());
        }
        return new HeaderParams(type, params);
    }

    /**
     * A quoted-string from {@code i} (after the opening quote) into {@code out}; returns the index after the
     * closing quote. A backslash escapes only a quote or a backslash, so a Windows path such as
     * {@code C:\dir\a.txt}, which old browsers send unescaped, keeps its backslashes.
     */
    private static int quoted(String s, int i, StringBuilder out) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')
                    && !(s.charAt(i + 1) == '"' && i + 2 >= s.length())) {
                out.append(s.charAt(i + 1));
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return i;
    }

    /** The value before the first ';', lower case. */
    public String type() {
        return type;
    }

    /** A parameter by case-insensitive name, or null. */
    public String get(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The file name: an extended {@code filename*} (RFC 8187, which RFC 6266 section 4.3 prefers when both are
     * present) or else {@code filename}; null when neither is present: then the part is a form field (RFC 7578
     * section 4.2).
     */
    public String fileName() {
        String extended = get("filename*");
        if (extended != null) {
            String decoded = decodeExtended(extended);
            if (decoded != null) {
                return decoded;
            }
        }
        return get("filename");
    }

    /** RFC 8187 section 3.2.1 ext-value {@code charset'[language]'pct-encoded}; null if malformed. */
    public static String decodeExtended(String value) {
        int q1 = value.indexOf('\'');
        int q2 = q1 < 0 ? -1 : value.indexOf('\'', q1 + 1);
        if (q2 < 0) {
            return null;
        }
        Charset charset;
        String name = value.substring(0, q1).trim();
        if (name.equalsIgnoreCase("UTF-8")) {
            charset = StandardCharsets.UTF_8;
        } else if (name.equalsIgnoreCase("ISO-8859-1")) {
            charset = StandardCharsets.ISO_8859_1;
        } else {
            return null; // RFC 8187 section 3.2.1: only these two must be supported
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = q2 + 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%') {
                if (i + 2 >= value.length()) {
                    return null;
                }
                char h = value.charAt(i + 1);
                char l = value.charAt(i + 2);
                // ASCII only: Character.digit also takes other scripts' digits (the FormDecoder finding)
                int hi = h < 0x80 ? Character.digit(h, 16) : -1;
                int lo = l < 0x80 ? Character.digit(l, 16) : -1;
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c > 32 && c < 127) {
                bytes.write(c);
            } else {
                return null;
            }
        }
        return bytes.toString(charset);
    }
}
