package dev.sluice.servlet.internal.http;

import dev.sluice.servlet.internal.caps.Cap;
import dev.sluice.servlet.internal.caps.CapExceededException;
import dev.sluice.servlet.internal.caps.ResourceCaps;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cookie and Set-Cookie as RFC 6265 section 4 defines them: a request's {@code name=value} pairs separated by
 * {@code ;}, values optionally in double quotes; a response cookie with its attributes.
 */
public final class CookieCodec {
    private CookieCodec() {
    }

    /**
     * The cookies of a request's Cookie fields.
     *
     * @throws CapExceededException (counted) past the container's maxCookieCount pairs, ignored ones included:
     *                              each costs an object, and a 16 KiB head holds thousands
     */
    public static Cookie[] parse(List<String> headerValues, ResourceCaps caps) {
        return parse(headerValues, caps, caps.maxCookieCount());
    }

    /** The cookies of a request's Cookie fields, with no cap on their number. */
    public static Cookie[] parse(List<String> headerValues) {
        return parse(headerValues, null, Integer.MAX_VALUE);
    }

    private static Cookie[] parse(List<String> headerValues, ResourceCaps caps, int max) {
        List<Cookie> cookies = new ArrayList<>();
        int pairs = 0;
        for (String header : headerValues) {
            for (String pair : header.split(";")) {
                if (++pairs > max && !pair.isBlank()) {
                    throw caps.refuse(Cap.COOKIES, max);
                }
                String p = pair.trim();
                int eq = p.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = p.substring(0, eq).trim();
                // RFC 6265 section 4.1.1: the double quotes belong to the cookie-value; it is kept as sent.
                String value = p.substring(eq + 1).trim();
                if (name.startsWith("$")) {
                    continue; // RFC 2109 attributes ($Version, $Path) are not cookies.
                }
                try {
                    cookies.add(new Cookie(name, value));
                } catch (IllegalArgumentException invalidName) {
                    // A name that is not a token is ignored, as browsers and Tomcat do.
                }
            }
        }
        return cookies.toArray(new Cookie[0]);
    }

    /** The Set-Cookie value for {@code cookie} (RFC 6265 section 4.1). */
    public static String format(Cookie cookie) {
        StringBuilder sb = new StringBuilder();
        sb.append(cookie.getName()).append('=');
        String value = cookie.getValue();
        if (value != null) {
            sb.append(value);
        }
        int maxAge = cookie.getMaxAge();
        if (maxAge == 0) {
            // RFC 6265 section 4.1.1 allows no Max-Age=0: delete the cookie with an Expires in the past.
            sb.append("; Expires=").append(HttpDates.format(10_000L));
        } else if (maxAge > 0) {
            sb.append("; Max-Age=").append(maxAge);
            // RFC 6265 section 5.2.2: Max-Age wins; Expires is for old clients.
            sb.append("; Expires=").append(HttpDates.format(System.currentTimeMillis() + maxAge * 1000L));
        }
        if (cookie.getDomain() != null) {
            sb.append("; Domain=").append(cookie.getDomain());
        }
        if (cookie.getPath() != null) {
            sb.append("; Path=").append(cookie.getPath());
        }
        if (cookie.getSecure()) {
            sb.append("; Secure");
        }
        if (cookie.isHttpOnly()) {
            sb.append("; HttpOnly");
        }
        cookie.getAttributes().forEach((k, v) -> {
            String key = k.toLowerCase(Locale.ROOT);
            if (key.equals("max-age") || key.equals("expires") || key.equals("domain") || key.equals("path")
                    || key.equals("secure") || key.equals("httponly")) {
                return;
            }
            sb.append("; ").append(k);
            if (v != null && !v.isEmpty()) {
                sb.append('=').append(v);
            }
        });
        return sb.toString();
    }
}
