package dev.sluice.core;

import java.util.Locale;
import java.util.Objects;

/**
 * The request line and header fields of one request, as received. The path and query stay percent-encoded;
 * decode and normalize them with {@link RequestPath} before using them to find a resource.
 */
public final class RequestHead {
    private final Method method;
    private final String target;
    private final TargetForm form;
    private final String path;
    private final String rawQuery;
    private final String authority;
    private final HttpVersion version;
    private final Headers headers;

    private RequestHead(Method method, String target, TargetForm form, String path, String rawQuery,
                        String authority, HttpVersion version, Headers headers) {
        this.method = method;
        this.target = target;
        this.form = form;
        this.path = path;
        this.rawQuery = rawQuery;
        this.authority = authority;
        this.version = version;
        this.headers = headers;
    }

    /**
     * Checks the request line's target and the Host field, classifies the target into one of the four forms of
     * RFC 9112 section 3.2 and splits path and query.
     * <ul>
     * <li>The target holds only visible ASCII: no control, space, DEL, non-ASCII byte or {@code #} (a fragment is
     *     never sent, RFC 9112 section 3.2); other URI delimiters that clients send unencoded are let through.</li>
     * <li>Origin form {@code /path?query} (3.2.1): any method.</li>
     * <li>Absolute form {@code http://host/path?query} (3.2.2): any method but CONNECT; scheme http or https, a
     *     non-empty host and no userinfo (RFC 9110 sections 4.2.1 and 4.2.4). Its authority wins over Host.</li>
     * <li>Authority form {@code host:port} (3.2.3): CONNECT only, and CONNECT only with it; the port is
     *     required (RFC 9110 section 9.3.6).</li>
     * <li>Asterisk form {@code *} (3.2.4): OPTIONS only.</li>
     * <li>Host (RFC 9112 section 3.2): an HTTP/1.1 request without it, any request with two of it, or with a value
     *     that is not {@code uri-host [":" port]}, is 400, in every form.</li>
     * </ul>
     *
     * @throws HttpException 400 when any of these rules is broken
     */
    public static RequestHead of(Method method, String target, HttpVersion version, Headers headers) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(headers, "headers");
        if (target == null || target.isEmpty()) {
            throw HttpException.badRequest("Empty request target");
        }
        checkTargetCharacters(target);
        String host = host(version, headers);
        if (method.equals(Method.CONNECT)) {
            if (!Authority.isValid(target, true, true)) {
                throw HttpException.badRequest("CONNECT needs an authority-form target host:port");
            }
            return new RequestHead(method, target, TargetForm.AUTHORITY, "", null, target, version, headers);
        }
        if (target.equals("*")) {
            if (!method.equals(Method.OPTIONS)) {
                throw HttpException.badRequest("Asterisk target is only valid with OPTIONS");
            }
            return new RequestHead(method, target, TargetForm.ASTERISK, "*", null, host, version, headers);
        }
        if (target.charAt(0) == '/') {
            int q = target.indexOf('?');
            String path = q < 0 ? target : target.substring(0, q);
            String query = q < 0 ? null : target.substring(q + 1);
            return new RequestHead(method, target, TargetForm.ORIGIN, path, query, host, version, headers);
        }
        if (target.indexOf("://") < 0 && Authority.isValid(target, true, true)) {
            throw HttpException.badRequest("Authority-form target is only valid with CONNECT");
        }
        return absolute(method, target, version, headers);
    }

    private static void checkTargetCharacters(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c <= ' ' || c >= 0x7F || c == '#') {
                throw HttpException.badRequest("Invalid character in request target");
            }
        }
    }

    /** The Host value, trimmed, or null when an HTTP/1.0 request has none. */
    private static String host(HttpVersion version, Headers headers) {
        int count = headers.count("Host");
        if (count > 1) {
            throw HttpException.badRequest("More than one Host header");
        }
        if (count == 0) {
            if (version == HttpVersion.HTTP_1_1) {
                throw HttpException.badRequest("Missing Host header");
            }
            return null;
        }
        String host = headers.get("Host").trim();
        if (!Authority.isValid(host, false, false)) {
            throw HttpException.badRequest("Invalid Host header");
        }
        return host;
    }

    private static RequestHead absolute(Method method, String target, HttpVersion version, Headers headers) {
        int schemeEnd = target.indexOf("://");
        if (schemeEnd <= 0) {
            throw HttpException.badRequest("Invalid request target");
        }
        String scheme = target.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw HttpException.badRequest("Unsupported scheme in request target");
        }
        int authorityStart = schemeEnd + 3;
        int pathStart = authorityStart;
        while (pathStart < target.length() && "/?".indexOf(target.charAt(pathStart)) < 0) {
            pathStart++;
        }
        String authority = target.substring(authorityStart, pathStart);
        if (authority.indexOf('@') >= 0) {
            throw HttpException.badRequest("Userinfo in request target");
        }
        if (!Authority.isValid(authority, true, false)) {
            throw HttpException.badRequest("Invalid authority in request target");
        }
        String rest = target.substring(pathStart);
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? null : rest.substring(q + 1);
        if (path.isEmpty()) {
            path = "/";
        }
        return new RequestHead(method, target, TargetForm.ABSOLUTE, path, query, authority, version, headers);
    }

    public Method method() {
        return method;
    }

    /** The request-target exactly as received. */
    public String target() {
        return target;
    }

    public TargetForm form() {
        return form;
    }

    /** The path, still percent-encoded; {@code "*"} for the asterisk form, empty for the authority form. */
    public String path() {
        return path;
    }

    /** The query without its {@code ?}, still percent-encoded, or null when the target had none. */
    public String rawQuery() {
        return rawQuery;
    }

    /**
     * The host and optional port the request is for: the absolute or authority form's, else the Host field's
     * (possibly empty, RFC 9112 section 3.2), or null for an HTTP/1.0 request without Host.
     */
    public String authority() {
        return authority;
    }

    public HttpVersion version() {
        return version;
    }

    public Headers headers() {
        return headers;
    }

    @Override
    public String toString() {
        return method + " " + target + " " + version;
    }
}
