package dev.sluice.core;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Evaluates the conditional request fields (RFC 9110 section 13) against the current representation's validators,
 * in the order of section 13.2.2, and says which status to answer with. Pure: the caller supplies the ETag and
 * Last-Modified of what it would send, and applies the answer.
 *
 * <p>Call it only when the response without conditions would be 2xx (section 13.2.1: otherwise the conditions are
 * ignored). CONNECT, OPTIONS and TRACE select no representation, so their conditions are always ignored (same
 * section). A 304 should carry the ETag and Last-Modified a 200 would have had (section 15.4.5).
 */
public final class Preconditions {
    private Preconditions() {
    }

    /** {@link #evaluate(Method, Headers, EntityTag, Instant, boolean)} for a representation that exists. */
    public static Status evaluate(Method method, Headers request, EntityTag etag, Instant lastModified) {
        return evaluate(method, request, etag, lastModified, true);
    }

    /**
     * The status to answer with, following section 13.2.2:
     * <ol>
     * <li>If-Match present and false: 412.</li>
     * <li>Else, If-Unmodified-Since present, a valid date, and false: 412.</li>
     * <li>If-None-Match present and false: 304 for GET and HEAD, 412 for other methods.</li>
     * <li>Else, for GET and HEAD, If-Modified-Since a valid date and false: 304.</li>
     * <li>For GET with a Range field: 206 when If-Range is absent or true, which tells the caller to go on with
     *     {@link ByteRanges}; 200 when If-Range is false, which means "send it all".</li>
     * <li>Otherwise 200: perform the method.</li>
     * </ol>
     * Dates compare at whole seconds, the precision of HTTP-date, so a file modified at 10:00:00.700 is not "newer"
     * than the {@code Last-Modified: ... 10:00:00 GMT} the client got for it.
     *
     * @param method       the request method
     * @param request      the request header fields
     * @param etag         the current representation's entity tag, or null when it has none
     * @param lastModified the current representation's modification time, or null when unknown
     * @param exists       whether there is a current representation ({@code *} matches only then)
     * @return {@link Status#OK}, {@link Status#PARTIAL_CONTENT}, {@link Status#NOT_MODIFIED} or
     *         {@link Status#PRECONDITION_FAILED}
     */
    public static Status evaluate(Method method, Headers request, EntityTag etag, Instant lastModified,
                                  boolean exists) {
        if (method.equals(Method.CONNECT) || method.equals(Method.OPTIONS) || method.equals(Method.TRACE)) {
            return Status.OK;
        }
        Instant modified = lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS);
        boolean getOrHead = method.equals(Method.GET) || method.equals(Method.HEAD);
        if (request.contains("If-Match")) {
            if (!ifMatch(joined(request, "If-Match"), etag, exists)) {
                return Status.PRECONDITION_FAILED;
            }
        } else if (request.contains("If-Unmodified-Since")) {
            Instant since = request.getDate("If-Unmodified-Since");
            if (since != null && modified != null && modified.isAfter(since)) {
                return Status.PRECONDITION_FAILED;
            }
        }
        if (request.contains("If-None-Match")) {
            if (!ifNoneMatch(joined(request, "If-None-Match"), etag, exists)) {
                return getOrHead ? Status.NOT_MODIFIED : Status.PRECONDITION_FAILED;
            }
        } else if (getOrHead && request.contains("If-Modified-Since")) {
            Instant since = request.getDate("If-Modified-Since");
            if (since != null && modified != null && !modified.isAfter(since)) {
                return Status.NOT_MODIFIED;
            }
        }
        if (method.equals(Method.GET) && request.contains("Range")) {
            String ifRange = request.get("If-Range");
            return ifRange == null || ifRange(ifRange, etag, modified) ? Status.PARTIAL_CONTENT : Status.OK;
        }
        return Status.OK;
    }

    /**
     * If-Match (section 13.1.1): {@code *} is true when a representation exists; a list is true when one tag
     * matches the current ETag by strong comparison. A malformed value is false: a client that made its change
     * conditional must not have it applied on a condition the server could not read.
     */
    static boolean ifMatch(String value, EntityTag etag, boolean exists) {
        if (EntityTag.isAny(value)) {
            return exists;
        }
        List<EntityTag> tags = EntityTag.parseList(value);
        if (tags == null || etag == null) {
            return false;
        }
        for (EntityTag tag : tags) {
            if (tag.strongMatch(etag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * If-None-Match (section 13.1.2): {@code *} is false when a representation exists; a list is false when one
     * tag matches the current ETag by weak comparison. A malformed value is true (nothing matched), which means
     * the full response, the safe side.
     */
    static boolean ifNoneMatch(String value, EntityTag etag, boolean exists) {
        if (EntityTag.isAny(value)) {
            return !exists;
        }
        List<EntityTag> tags = EntityTag.parseList(value);
        if (tags == null || etag == null) {
            return true;
        }
        for (EntityTag tag : tags) {
            if (tag.weakMatch(etag)) {
                return false;
            }
        }
        return true;
    }

    /**
     * If-Range (section 13.1.5): an entity tag is true when it matches the current ETag by strong comparison (a
     * weak tag never does); a date is true when it equals Last-Modified exactly. Anything else is false, which only
     * costs a full response.
     */
    static boolean ifRange(String value, EntityTag etag, Instant modified) {
        String v = value.trim();
        if (v.startsWith("\"") || v.startsWith("W/")) {
            EntityTag tag = EntityTag.parse(v);
            return tag != null && tag.strongMatch(etag);
        }
        Instant date = HttpDate.parse(v);
        return date != null && modified != null && date.equals(modified);
    }

    /** A list-valued field's lines joined as one list (RFC 9110 section 5.3). */
    private static String joined(Headers request, String name) {
        List<String> values = request.getAll(name);
        return values.size() == 1 ? values.get(0) : String.join(", ", values);
    }
}
