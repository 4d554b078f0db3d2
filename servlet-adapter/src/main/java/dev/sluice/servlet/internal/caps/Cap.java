package dev.sluice.servlet.internal.caps;

/**
 * Each cap's fixed identity: the setting that bounds it, the status a client gets when a request goes past it,
 * and the one-line reason sent with that status (the limit is appended). Tests tell which rule fired by this.
 */
public enum Cap {
    /** A new session past maxActiveSessions: 503, as the webapp is full for now, not the request wrong. */
    ACTIVE_SESSIONS("maxActiveSessions", 503, "Too many active sessions in this webapp"),
    /** Multipart parts past maxPartCount (the class of CVE-2023-24998): 413, the content is too large. */
    PARTS("maxPartCount", 413, "Too many multipart parts"),
    /** One part's header block past maxPartHeaderBytes: 400, as any malformed part. */
    PART_HEADER_BYTES("maxPartHeaderBytes", 400, "Multipart part headers too large"),
    /** Cookie pairs past maxCookieCount: 400. */
    COOKIES("maxCookieCount", 400, "Too many cookies"),
    /** An upgrade past maxUpgradedConnections: 503. */
    UPGRADED_CONNECTIONS("maxUpgradedConnections", 503, "Too many upgraded connections in this webapp");

    private final String setting;
    private final int status;
    private final String reason;

    Cap(String setting, int status, String reason) {
        this.setting = setting;
        this.status = status;
        this.reason = reason;
    }

    /** The setting's key, as in conf/sluice.properties and the builder. */
    public String setting() {
        return setting;
    }

    public int status() {
        return status;
    }

    /** {@code "Too many cookies (maxCookieCount 200)"}: safe to send, names the setting to raise. */
    public String message(long limit) {
        return reason + " (" + setting + " " + limit + ")";
    }

    /** The counter's name in the server's figures: {@code caps_refused_max_cookie_count}. */
    public String figureName() {
        return "caps_refused_" + setting.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
