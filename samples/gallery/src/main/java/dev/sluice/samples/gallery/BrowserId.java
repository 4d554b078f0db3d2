package dev.sluice.samples.gallery;

import jakarta.servlet.http.Cookie;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** The cookie that tells one browser's requests from another's: 128 random bits, hex-encoded. */
final class BrowserId {
    static final String COOKIE = "sluice-gallery";
    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private BrowserId() {
    }

    static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The browser id the request's cookies carry, or null; a malformed value is ignored, never stored. */
    static String from(Cookie[] cookies) {
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && isWellFormed(cookie.getValue())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    static boolean isWellFormed(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }
}
