package dev.sluice.connector.internal.http2;

import dev.sluice.core.Headers;
import dev.sluice.core.HttpException;
import dev.sluice.core.HttpVersion;
import dev.sluice.core.Method;
import dev.sluice.core.RequestHead;
import dev.sluice.core.Status;
import java.util.Locale;

/**
 * Turns the decoded fields of one HTTP/2 request into the core {@link RequestHead} an HTTP/1.1 request would give
 * (RFC 9113 section 8.3.1): {@code :path} is the target, {@code :authority} becomes Host when the client sent none,
 * several {@code cookie} fields are joined with "; " (section 8.2.3). A malformed request (section 8.1.1) is a
 * stream error of type PROTOCOL_ERROR; too many fields is 431, as for HTTP/1.1. Used as a {@link
 * HpackDecoder.FieldSink} for one block, then {@link #head} or {@link #trailers}. Not thread-safe.
 */
public final class RequestFields implements HpackDecoder.FieldSink {
    private final int streamId;
    private final int maxFieldCount;
    private final Headers headers = new Headers(16);
    private String method;
    private String scheme;
    private String authority;
    private String path;
    private boolean sawRegular;
    private boolean tooMany;
    private StringBuilder cookies;
    private Http2Exception malformed;

    public RequestFields(int streamId, int maxFieldCount) {
        this.streamId = streamId;
        this.maxFieldCount = maxFieldCount;
    }

    /**
     * Takes one field. A malformed one is remembered, not thrown, so that the decoder finishes the block and the
     * dynamic table stays in step with the peer's; {@link #head} and {@link #trailers} throw it.
     */
    @Override
    public void field(String name, String value) {
        if (malformed != null) {
            return;
        }
        try {
            check(name, value);
        } catch (Http2Exception e) {
            malformed = e;
        }
    }

    private void check(String name, String value) throws Http2Exception {
        if (name.isEmpty()) {
            throw malformed("Empty field name");
        }
        checkValue(value);
        if (name.charAt(0) == ':') {
            pseudo(name, value);
            return;
        }
        sawRegular = true;
        if (!Headers.isValidName(name) || !name.equals(name.toLowerCase(Locale.ROOT))) {
            throw malformed("Field name not a lower-case token"); // section 8.2.1
        }
        switch (name) {
            case "connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade" ->
                throw malformed("Connection-specific field " + name); // section 8.2.2
            case "te" -> {
                if (!value.equals("trailers")) {
                    throw malformed("TE other than trailers");
                }
            }
            case "cookie" -> {
                cookies = cookies == null ? new StringBuilder(value) : cookies.append("; ").append(value);
                return;
            }
            default -> { }
        }
        if (headers.size() >= maxFieldCount) {
            tooMany = true;
            return;
        }
        headers.add(name, value);
    }

    private void pseudo(String name, String value) throws Http2Exception {
        if (sawRegular) {
            throw malformed("Pseudo-header after a regular field"); // section 8.3
        }
        switch (name) {
            case ":method" -> method = once(method, value, name);
            case ":scheme" -> scheme = once(scheme, value, name);
            case ":authority" -> authority = once(authority, value, name);
            case ":path" -> path = once(path, value, name);
            default -> throw malformed("Unknown or response pseudo-header " + name);
        }
    }

    private String once(String earlier, String value, String name) throws Http2Exception {
        if (earlier != null) {
            throw malformed("Repeated " + name);
        }
        return value;
    }

    /** Section 8.2.1: no NUL, CR or LF, and no leading or trailing space or tab. */
    private void checkValue(String value) throws Http2Exception {
        if (!Headers.isValidValue(value)) {
            throw malformed("Field value with NUL, CR or LF");
        }
        if (!value.isEmpty() && (isBlank(value.charAt(0)) || isBlank(value.charAt(value.length() - 1)))) {
            throw malformed("Field value with leading or trailing white space");
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /**
     * The request head, once the whole block was decoded.
     *
     * @throws Http2Exception PROTOCOL_ERROR (stream) for a malformed request
     * @throws HttpException  431 for too many fields, 400 for a target or Host the HTTP/1.1 rules refuse
     */
    public RequestHead head() throws Http2Exception {
        if (malformed != null) {
            throw malformed;
        }
        if (method == null) {
            throw malformed("Missing :method");
        }
        boolean connect = method.equals("CONNECT");
        if (connect ? authority == null || scheme != null || path != null : scheme == null || path == null) {
            throw malformed("Missing or extra pseudo-header for " + method); // section 8.3.1 and 8.5
        }
        if (!connect && path.isEmpty()) {
            throw malformed("Empty :path");
        }
        if (tooMany) {
            throw new HttpException(Status.REQUEST_HEADER_FIELDS_TOO_LARGE,
                    "More than " + maxFieldCount + " header fields");
        }
        if (cookies != null) {
            headers.add("cookie", cookies.toString());
        }
        if (authority != null) {
            String host = headers.get("host");
            if (host == null) {
                headers.add("host", authority);
            } else if (!host.equalsIgnoreCase(authority)) {
                throw malformed("Host differs from :authority"); // section 8.3.1
            }
        }
        if (!dev.sluice.core.Tokens.isToken(method)) {
            throw malformed("Invalid :method");
        }
        return RequestHead.of(Method.of(method), connect ? authority : path, HttpVersion.HTTP_2_0, headers);
    }

    /**
     * The fields as trailers (section 8.1): no pseudo-header allowed.
     *
     * @throws Http2Exception PROTOCOL_ERROR (stream) when one came
     */
    public Headers trailers() throws Http2Exception {
        if (malformed != null) {
            throw malformed;
        }
        if (method != null || scheme != null || authority != null || path != null) {
            throw malformed("Pseudo-header in trailers");
        }
        return headers;
    }

    private Http2Exception malformed(String why) {
        return Http2Exception.stream(streamId, Http2Error.PROTOCOL_ERROR, why);
    }
}
