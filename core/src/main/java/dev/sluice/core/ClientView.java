package dev.sluice.core;

import java.net.InetSocketAddress;

/**
 * The client of a request as trusted proxies reported it (RFC 7239 Forwarded or X-Forwarded-*): what the
 * request's own connection cannot tell once a proxy stands between. Immutable.
 *
 * @param address the client's address; unresolved (named {@code unknown} or an obfuscated identifier, RFC 7239
 *                section 6) when a trusted proxy did not reveal it; port 0 when not reported
 * @param scheme  {@code http} or {@code https} as the client used it, or null when no proxy said
 * @param host    the host the client asked for (no port; an IPv6 literal keeps its brackets), or null when no
 *                proxy said, then the request's Host field stands
 * @param port    the port the client connected to, or -1 when no proxy said (then the port of {@code host}'s
 *                field or the scheme's default)
 */
public record ClientView(InetSocketAddress address, String scheme, String host, int port) {
    /** Whether the client used TLS to reach the first proxy. */
    public boolean secure() {
        return "https".equals(scheme);
    }
}
