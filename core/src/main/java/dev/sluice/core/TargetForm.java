package dev.sluice.core;

/** The four forms of request-target (RFC 9112 section 3.2). */
public enum TargetForm {
    /** {@code /path?query}: the usual form (section 3.2.1). */
    ORIGIN,
    /** {@code http://host/path?query}: sent to proxies, accepted by servers (section 3.2.2). */
    ABSOLUTE,
    /** {@code host:port}: only with CONNECT (section 3.2.3). */
    AUTHORITY,
    /** {@code *}: only with OPTIONS (section 3.2.4). */
    ASTERISK
}
