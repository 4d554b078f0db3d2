package dev.sluice.core;

/**
 * Syntax of {@code uri-host [ ":" port ]} (RFC 3986 section 3.2.2 and 3.2.3), as used by the Host field, the
 * absolute form's authority and CONNECT's authority form. Checked so that a Host value can be trusted to be a
 * host name when it is later used to build URLs or pick a virtual host.
 */
final class Authority {
    private Authority() {
    }

    /**
     * Whether {@code s} is {@code uri-host [ ":" port ]}.
     *
     * @param portRequired   whether {@code ":" port} with at least one digit must be present (CONNECT)
     * @param hostRequired   whether an empty host is refused (an "http" URI may not have one, RFC 9110 4.2.1)
     */
    static boolean isValid(String s, boolean hostRequired, boolean portRequired) {
        if (s == null) {
            return false;
        }
        int hostEnd;
        if (s.startsWith("[")) {
            hostEnd = s.indexOf(']');
            if (hostEnd < 0 || !isIpLiteral(s, 1, hostEnd)) {
                return false;
            }
            hostEnd++;
        } else {
            hostEnd = s.indexOf(':');
            if (hostEnd < 0) {
                hostEnd = s.length();
            }
            if (!isRegName(s, 0, hostEnd)) {
                return false;
            }
        }
        if (hostRequired && hostEnd == 0) {
            return false;
        }
        if (hostEnd == s.length()) {
            return !portRequired;
        }
        if (s.charAt(hostEnd) != ':') {
            return false;
        }
        return isPort(s, hostEnd + 1, portRequired);
    }

    /** {@code reg-name} or {@code IPv4address}: unreserved, pct-encoded and sub-delims characters. */
    private static boolean isRegName(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= to || Character.digit(s.charAt(i + 1), 16) < 0
                        || Character.digit(s.charAt(i + 2), 16) < 0) {
                    return false;
                }
                i += 2;
            } else if (!isUnreserved(c) && "!$&'()*+,;=".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code IPv6address} or {@code IPvFuture} inside brackets; the address's inner grammar is not checked. */
    private static boolean isIpLiteral(String s, int from, int to) {
        if (from == to) {
            return false;
        }
        boolean future = s.charAt(from) == 'v' || s.charAt(from) == 'V';
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean ok = future ? isUnreserved(c) || c == ':' || "!$&'()*+,;=".indexOf(c) >= 0
                                : Character.digit(c, 16) >= 0 || c == ':' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** At most five digits, at most 65535; empty only when not required (RFC 3986 allows {@code host:}). */
    private static boolean isPort(String s, int from, boolean required) {
        int length = s.length() - from;
        if (length == 0) {
            return !required;
        }
        if (length > 5) {
            return false;
        }
        int port = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            port = port * 10 + (c - '0');
        }
        return port <= 65535;
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
