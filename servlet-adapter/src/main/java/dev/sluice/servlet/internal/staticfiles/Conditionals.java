package dev.sluice.servlet.internal.staticfiles;

import dev.sluice.core.EntityTag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/** Conditional requests of RFC 9110 section 13, evaluated in the order of section 13.2.2. */
public final class Conditionals {
    private Conditionals() {
    }

    /** Returns true to go on serving, false when a 304 or 412 has been set. */
    public static boolean check(HttpServletRequest req, HttpServletResponse resp, String etag, long modified)
            throws IOException {
        String method = req.getMethod();
        boolean getOrHead = method.equals("GET") || method.equals("HEAD");
        String ifMatch = req.getHeader("If-Match");
        if (ifMatch != null) {
            if (!matches(ifMatch, etag, true)) {
                resp.sendError(412);
                return false;
            }
        } else {
            long since = date(req, "If-Unmodified-Since");
            if (since >= 0 && modified > since) {
                resp.sendError(412);
                return false;
            }
        }
        String ifNoneMatch = req.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            if (matches(ifNoneMatch, etag, false)) {
                if (getOrHead) {
                    resp.setStatus(304);
                } else {
                    resp.sendError(412);
                }
                return false;
            }
        } else if (getOrHead) {
            long since = date(req, "If-Modified-Since");
            if (since >= 0 && modified <= since) {
                resp.setStatus(304);
                return false;
            }
        }
        return true;
    }

    /** Section 13.1.5: a Range applies only when If-Range is absent or still matches (strong comparison). */
    public static boolean ifRangeMatches(HttpServletRequest req, String etag, long modified) {
        String ifRange = req.getHeader("If-Range");
        if (ifRange == null) {
            return true;
        }
        String v = ifRange.trim();
        if (v.startsWith("\"") || v.startsWith("W/")) {
            return !v.startsWith("W/") && !etag.startsWith("W/") && v.equals(etag);
        }
        long when = date(req, "If-Range");
        return when >= 0 && when == modified;
    }

    /**
     * Whether the If-Match / If-None-Match value matches the current entity tag (section 13.1.1 and 13.1.2):
     * {@code *} alone matches; otherwise the list is read by the core's parser ({@link EntityTag#parseList}) and a
     * malformed list matches nothing. Section 8.8.3.2: strong comparison needs both tags strong; weak compares the
     * opaque parts. A naive split on commas once took the {@code *} inside {@code "a,*,b"} for "any" (found by
     * StaticConditionsFuzzTest).
     */
    public static boolean matches(String header, String etag, boolean strong) {
        if (EntityTag.isAny(header)) {
            return true;
        }
        List<EntityTag> tags = EntityTag.parseList(header);
        EntityTag current = EntityTag.parse(etag);
        if (tags == null || current == null) {
            return false;
        }
        for (EntityTag tag : tags) {
            if (strong ? tag.strongMatch(current) : tag.weakMatch(current)) {
                return true;
            }
        }
        return false;
    }

    private static long date(HttpServletRequest req, String name) {
        try {
            return req.getDateHeader(name);
        } catch (IllegalArgumentException e) {
            return -1; // Section 13.1.3: an invalid date is ignored.
        }
    }
}
