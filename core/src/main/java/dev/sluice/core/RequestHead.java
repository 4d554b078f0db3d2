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
     * Classifies {@code target} into one of the four forms of RFC 9112 section 3.2 and splits path and query.
     * The authority is the absolute form's host when present (it wins over Host, section 3.2.2), else Host.
     *
     * @throws HttpException 400 when the target fits no form, or its form does not fit the method
     */
    public static RequestHead of(Method method, String target, HttpVersion version, Headers headers) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(headers, "headers");
        if (target == null || target.isEmpty()) {
            throw HttpException.badRequest("Empty request target");
        }
        if (method.equals(Method.CONNECT)) {
            if (target.startsWith("/") || target.contains("/")) {
                throw HttpException.badRequest("CONNECT needs an authority-form target");
            }
            return new RequestHead(method, target, TargetForm.AUTHORITY, "", null, target, version, headers);
        }
        if (target.equals("*")) {
            if (!method.equals(Method.OPTIONS)) {
                throw HttpException.badRequest("Asterisk target is only valid with OPTIONS");
            }
            return new RequestHead(method, target, TargetForm.ASTERISK, "*", null, headers.get("Host"), version,
                    headers);
        }
        if (target.charAt(0) == '/') {
            int q = target.indexOf('?');
            String path = q < 0 ? target : target.substring(0, q);
            String query = q < 0 ? null : target.substring(q + 1);
            return new RequestHead(method, target, TargetForm.ORIGIN, path, query, headers.get("Host"), version,
                    headers);
        }
        return absolute(method, target, version, headers);
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
        while (pathStart < target.length() && "/?#".indexOf(target.charAt(pathStart)) < 0) {
            pathStart++;
        }
        String authority = target.substring(authorityStart, pathStart);
        if (authority.isEmpty() || authority.indexOf('@') >= 0) {
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

    /** The host and optional port the request is for, or null when neither target nor Host names one. */
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
