package dev.sluice.servlet.internal.http;

import dev.sluice.core.HttpException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code application/x-www-form-urlencoded} text (a query string or a form body): {@code &}-separated
 * pairs, {@code +} as space, percent-escapes as bytes in the given charset (WHATWG URL, section 5.1). A
 * malformed escape is kept literally, as browsers do; more than {@code maxCount} pairs is a 400.
 */
public final class FormDecoder {
    private FormDecoder() {
    }

    /** Adds the pairs of {@code text} to {@code into}; returns how many were added. */
    public static int decode(String text, Charset charset, Map<String, List<String>> into, int maxCount, int already) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        int count = 0;
        int start = 0;
        while (start <= text.length()) {
            int amp = text.indexOf('&', start);
            int end = amp < 0 ? text.length() : amp;
            if (end > start) {
                if (already + count >= maxCount) {
                    throw new HttpException(400, "More than " + maxCount + " request parameters");
                }
                int eq = text.indexOf('=', start);
                String name;
                String value;
                if (eq < 0 || eq > end) {
                    name = unescape(text, start, end, charset);
                    value = "";
                } else {
                    name = unescape(text, start, eq, charset);
                    value = unescape(text, eq + 1, end, charset);
                }
                into.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
                count++;
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return count;
    }

    public static String unescape(String s, int from, int to, Charset charset) {
        boolean plain = true;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' || c == '+') {
                plain = false;
                break;
            }
        }
        if (plain) {
            return s.substring(from, to);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        StringBuilder out = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < to && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                bytes.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
                continue;
            }
            flush(bytes, out, charset);
            out.append(c == '+' ? ' ' : c);
        }
        flush(bytes, out, charset);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream bytes, StringBuilder out, Charset charset) {
        if (bytes.size() > 0) {
            out.append(bytes.toString(charset));
            bytes.reset();
        }
    }

    /**
     * An ASCII hex digit only: Character.digit also takes other scripts' digits and full-width letters, which made
     * {@code %f}U+06F7 the byte 0xF7 (found by FormDecoderFuzzTest).
     */
    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
