package dev.sluice.servlet.internal.http;

import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/** The charset parameter of a Content-Type (RFC 9110 section 8.3.2) and the Charset a name stands for. */
public final class ContentCharsets {
    private ContentCharsets() {
    }

    /** The {@code charset} parameter of {@code contentType}, unquoted, or null when absent or empty. */
    public static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                String v = p.substring(8).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    /** @throws UnsupportedEncodingException for a name the JVM does not know, as the Servlet API declares */
    public static Charset charsetFor(String name) throws UnsupportedEncodingException {
        try {
            return Charset.forName(name.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new UnsupportedEncodingException(name);
        }
    }
}
