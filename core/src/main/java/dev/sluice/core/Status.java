package dev.sluice.core;

/**
 * A response status code with its reason phrase. Every code defined by RFC 9110 section 15 has a constant (306
 * and 418, which the RFC marks "(Unused)", are known to {@link #of(int)} with the phrase "Unused"), and so do a
 * few codes of other RFCs a server sends (103, 428, 429, 431, 451, 511). Any other code from 100 to 599 can be
 * made with {@link #of(int)} and gets the generic phrase of its class (section 15: a recipient must understand a
 * code by its class).
 */
public final class Status {
    private static final Status[] KNOWN = new Status[600];

    public static final Status CONTINUE = define(100, "Continue");
    public static final Status SWITCHING_PROTOCOLS = define(101, "Switching Protocols");
    /** RFC 8297. */
    public static final Status EARLY_HINTS = define(103, "Early Hints");
    public static final Status OK = define(200, "OK");
    public static final Status CREATED = define(201, "Created");
    public static final Status ACCEPTED = define(202, "Accepted");
    public static final Status NON_AUTHORITATIVE_INFORMATION = define(203, "Non-Authoritative Information");
    public static final Status NO_CONTENT = define(204, "No Content");
    public static final Status RESET_CONTENT = define(205, "Reset Content");
    public static final Status PARTIAL_CONTENT = define(206, "Partial Content");
    public static final Status MULTIPLE_CHOICES = define(300, "Multiple Choices");
    public static final Status MOVED_PERMANENTLY = define(301, "Moved Permanently");
    public static final Status FOUND = define(302, "Found");
    public static final Status SEE_OTHER = define(303, "See Other");
    public static final Status NOT_MODIFIED = define(304, "Not Modified");
    public static final Status USE_PROXY = define(305, "Use Proxy");
    private static final Status UNUSED_306 = define(306, "Unused");
    public static final Status TEMPORARY_REDIRECT = define(307, "Temporary Redirect");
    public static final Status PERMANENT_REDIRECT = define(308, "Permanent Redirect");
    public static final Status BAD_REQUEST = define(400, "Bad Request");
    public static final Status UNAUTHORIZED = define(401, "Unauthorized");
    public static final Status PAYMENT_REQUIRED = define(402, "Payment Required");
    public static final Status FORBIDDEN = define(403, "Forbidden");
    public static final Status NOT_FOUND = define(404, "Not Found");
    public static final Status METHOD_NOT_ALLOWED = define(405, "Method Not Allowed");
    public static final Status NOT_ACCEPTABLE = define(406, "Not Acceptable");
    public static final Status PROXY_AUTHENTICATION_REQUIRED = define(407, "Proxy Authentication Required");
    public static final Status REQUEST_TIMEOUT = define(408, "Request Timeout");
    public static final Status CONFLICT = define(409, "Conflict");
    public static final Status GONE = define(410, "Gone");
    public static final Status LENGTH_REQUIRED = define(411, "Length Required");
    public static final Status PRECONDITION_FAILED = define(412, "Precondition Failed");
    public static final Status CONTENT_TOO_LARGE = define(413, "Content Too Large");
    public static final Status URI_TOO_LONG = define(414, "URI Too Long");
    public static final Status UNSUPPORTED_MEDIA_TYPE = define(415, "Unsupported Media Type");
    public static final Status RANGE_NOT_SATISFIABLE = define(416, "Range Not Satisfiable");
    public static final Status EXPECTATION_FAILED = define(417, "Expectation Failed");
    private static final Status UNUSED_418 = define(418, "Unused");
    public static final Status MISDIRECTED_REQUEST = define(421, "Misdirected Request");
    public static final Status UNPROCESSABLE_CONTENT = define(422, "Unprocessable Content");
    public static final Status UPGRADE_REQUIRED = define(426, "Upgrade Required");
    /** RFC 6585. */
    public static final Status PRECONDITION_REQUIRED = define(428, "Precondition Required");
    /** RFC 6585. */
    public static final Status TOO_MANY_REQUESTS = define(429, "Too Many Requests");
    /** Not in RFC 9110 but widely used; defined by RFC 6585. */
    public static final Status REQUEST_HEADER_FIELDS_TOO_LARGE = define(431, "Request Header Fields Too Large");
    /** RFC 7725. */
    public static final Status UNAVAILABLE_FOR_LEGAL_REASONS = define(451, "Unavailable For Legal Reasons");
    public static final Status INTERNAL_SERVER_ERROR = define(500, "Internal Server Error");
    public static final Status NOT_IMPLEMENTED = define(501, "Not Implemented");
    public static final Status BAD_GATEWAY = define(502, "Bad Gateway");
    public static final Status SERVICE_UNAVAILABLE = define(503, "Service Unavailable");
    public static final Status GATEWAY_TIMEOUT = define(504, "Gateway Timeout");
    public static final Status HTTP_VERSION_NOT_SUPPORTED = define(505, "HTTP Version Not Supported");
    /** RFC 6585. */
    public static final Status NETWORK_AUTHENTICATION_REQUIRED = define(511, "Network Authentication Required");

    private final int code;
    private final String reason;

    private Status(int code, String reason) {
        this.code = code;
        this.reason = reason;
    }

    private static Status define(int code, String reason) {
        Status status = new Status(code, reason);
        KNOWN[code] = status;
        return status;
    }

    /** The status for {@code code}: the registered one, or one with its class's generic reason phrase. */
    public static Status of(int code) {
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("Status code out of range 100-599: " + code);
        }
        Status known = KNOWN[code];
        return known != null ? known : new Status(code, genericReason(code));
    }

    private static String genericReason(int code) {
        switch (code / 100) {
            case 1: return "Informational";
            case 2: return "Success";
            case 3: return "Redirection";
            case 4: return "Client Error";
            default: return "Server Error";
        }
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    /** 1xx (RFC 9110 section 15.2). */
    public boolean isInformational() {
        return code < 200;
    }

    /** 2xx (RFC 9110 section 15.3). */
    public boolean isSuccess() {
        return code >= 200 && code < 300;
    }

    /** 3xx (RFC 9110 section 15.4). */
    public boolean isRedirection() {
        return code >= 300 && code < 400;
    }

    /** 4xx (RFC 9110 section 15.5). */
    public boolean isClientError() {
        return code >= 400 && code < 500;
    }

    /** 5xx (RFC 9110 section 15.6). */
    public boolean isServerError() {
        return code >= 500;
    }

    /**
     * Whether a response with this status never has content, whatever the method (RFC 9110 section 6.4.1:
     * 1xx, 204 and 304).
     */
    public boolean forbidsContent() {
        return code < 200 || code == 204 || code == 304;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Status && ((Status) o).code == code;
    }

    @Override
    public int hashCode() {
        return code;
    }

    @Override
    public String toString() {
        return code + " " + reason;
    }
}
