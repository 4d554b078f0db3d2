package dev.sluice.core;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the client of a request that came through proxies, from the fields the proxies added, believing only
 * proxies in {@link TrustedProxies}. Pure and thread-safe.
 *
 * <p><b>The walk.</b> Each proxy appends one hop: a Forwarded element (RFC 7239 section 4), or one
 * X-Forwarded-For entry. Starting at the peer, and only if the peer is trusted, the hops are read from the
 * right: the hop names the node that connected to the proxy that wrote it. A trusted node continues the walk;
 * the first untrusted (or unknown, or obfuscated, RFC 7239 section 6) node is the client and ends it, as
 * Tomcat's RemoteIpValve and nginx's {@code real_ip_recursive on} do. Hops left of it were written by the client
 * or by proxies nobody vouches for, and are never looked at, so a client cannot spoof its address by sending
 * the fields itself. Scheme, host and port come from the leftmost hop read that carries them.
 *
 * <p><b>Which fields.</b> Forwarded when present; otherwise X-Forwarded-For with X-Forwarded-Proto, -Host and
 * -Port. A -Proto/-Host/-Port list as long as X-Forwarded-For is read hop by hop; any other length counts as
 * written by the nearest proxy alone (its last value).
 *
 * <p><b>Malformed input</b> in what a trusted proxy wrote is a 400 with a one-line reason, never ignored:
 * ignoring it would leave the proxy's own address as the client's, and a trusted address opens what is kept for
 * proxies and loopback (the health and status pages). A Forwarded field that does not parse as a whole is
 * malformed even if only the client's part is broken, since the elements cannot be told apart then.
 */
public final class ForwardedClient {
    private ForwardedClient() {
    }

    /**
     * The client as the trusted proxies report it, or null when {@code peer} is not trusted or sent no
     * forwarding fields.
     *
     * @throws HttpException 400 when a hop read, or the Forwarded field, is malformed
     */
    public static ClientView resolve(InetSocketAddress peer, Headers headers, TrustedProxies trusted) {
        if (trusted.isEmpty() || peer == null || !trusted.contains(peer.getAddress())) {
            return null;
        }
        List<Hop> hops = headers.contains("Forwarded") ? forwardedHops(headers) : xForwardedHops(headers);
        if (hops.isEmpty()) {
            return null;
        }
        InetSocketAddress client = peer;
        String scheme = null;
        String host = null;
        int port = -1;
        for (int k = hops.size() - 1; k >= 0; k--) {
            Hop hop = hops.get(k);
            if (hop.proto != null) {
                scheme = scheme(hop.proto, hop.field);
            }
            if (hop.host != null) {
                host = host(hop.host, hop.field);
                port = authorityPort(hop.host); // a host named without a port means the scheme's default
            }
            if (hop.port != null) {
                port = port(hop.port, "X-Forwarded-Port");
            }
            if (hop.node == null) {
                break; // the proxy did not say who connected to it: the walk cannot go on
            }
            client = node(hop.node, hop.field);
            if (client.isUnresolved() || !trusted.contains(client.getAddress())) {
                break;
            }
        }
        return new ClientView(client, scheme, host, port);
    }

    /** One proxy's report; null where it said nothing. */
    private record Hop(String node, String proto, String host, String port, String field) {
    }

    private static List<Hop> forwardedHops(Headers headers) {
        List<Hop> hops = new ArrayList<>();
        for (Map<String, String> e : ForwardedField.parse(headers.getAll("Forwarded"))) {
            hops.add(new Hop(e.get("for"), e.get("proto"), e.get("host"), null, "Forwarded"));
        }
        return hops;
    }

    private static List<Hop> xForwardedHops(Headers headers) {
        List<String> nodes = list(headers, "X-Forwarded-For");
        List<String> protos = list(headers, "X-Forwarded-Proto");
        List<String> hosts = list(headers, "X-Forwarded-Host");
        List<String> ports = list(headers, "X-Forwarded-Port");
        int n = Math.max(nodes.size(), protos.isEmpty() && hosts.isEmpty() && ports.isEmpty() ? 0 : 1);
        List<Hop> hops = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            String node = k < nodes.size() ? nodes.get(k) : null;
            hops.add(new Hop(node, aligned(protos, k, n), aligned(hosts, k, n), aligned(ports, k, n),
                    node == null ? "X-Forwarded-Proto" : "X-Forwarded-For"));
        }
        return hops;
    }

    private static String aligned(List<String> values, int k, int n) {
        if (values.size() == n) {
            return values.get(k);
        }
        return k == n - 1 && !values.isEmpty() ? values.get(values.size() - 1) : null;
    }

    /** Every comma-separated member of every line of {@code name}, trimmed; empty members dropped. */
    private static List<String> list(Headers headers, String name) {
        List<String> out = new ArrayList<>();
        for (String line : headers.getAll(name)) {
            for (String member : line.split(",")) {
                String m = member.trim();
                if (!m.isEmpty()) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /**
     * A node (RFC 7239 section 6): {@code IPv4[:port]}, {@code [IPv6][:port]}, {@code unknown} or an obfuscated
     * {@code _name}; X-Forwarded-For's bare IPv6 too. Unknown and obfuscated nodes become unresolved addresses.
     */
    static InetSocketAddress node(String text, String field) {
        String name = text;
        String port = null;
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            if (end < 0) {
                throw bad(field, "client address");
            }
            name = text.substring(1, end);
            if (end + 1 < text.length()) {
                if (text.charAt(end + 1) != ':') {
                    throw bad(field, "client address");
                }
                port = text.substring(end + 2);
            }
        } else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') >= 0) {
            name = text.substring(0, text.indexOf(':'));
            port = text.substring(text.indexOf(':') + 1);
        }
        int portNumber = 0;
        if (port != null && !port.startsWith("_")) {
            portNumber = port(port, field);
        } else if (port != null && !isObfuscated(port)) {
            throw bad(field, "client port");
        }
        if (name.equalsIgnoreCase("unknown") || isObfuscated(name)) {
            return InetSocketAddress.createUnresolved(name, portNumber);
        }
        InetAddress address = IpLiteral.parse(name);
        if (address == null || (field.equals("Forwarded") && text.startsWith("[") != (name.indexOf(':') >= 0))) {
            throw bad(field, "client address"); // Forwarded brackets IPv6 and only IPv6 (section 6)
        }
        return new InetSocketAddress(address, portNumber);
    }

    /** {@code obfnode} and {@code obfport}: "_" followed by ALPHA, DIGIT, ".", "_" or "-" (section 6.3). */
    private static boolean isObfuscated(String s) {
        if (s.length() < 2 || s.charAt(0) != '_') {
            return false;
        }
        for (int k = 1; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!Character.isLetterOrDigit(c) || c > 0x7F) {
                if (c != '.' && c != '_' && c != '-') {
                    return false;
                }
            }
        }
        return true;
    }

    private static String scheme(String proto, String field) {
        String p = proto.toLowerCase(Locale.ROOT);
        if (!p.equals("http") && !p.equals("https")) {
            throw bad(field.equals("Forwarded") ? field : "X-Forwarded-Proto", "scheme (http or https)");
        }
        return p;
    }

    private static String host(String authority, String field) {
        if (!Authority.isValid(authority, true, false)) {
            throw bad(field.equals("Forwarded") ? field : "X-Forwarded-Host", "host");
        }
        int bracket = authority.lastIndexOf(']');
        int colon = authority.lastIndexOf(':');
        return colon > bracket ? authority.substring(0, colon) : authority;
    }

    /** The port of a valid {@code host[:port]}, or -1 when it has none. */
    private static int authorityPort(String authority) {
        int bracket = authority.lastIndexOf(']');
        int colon = authority.lastIndexOf(':');
        return colon > bracket && colon < authority.length() - 1 ? Integer.parseInt(authority.substring(colon + 1))
                : -1;
    }

    private static int port(String text, String field) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(text) == 0 || Integer.parseInt(text) > 65535) {
            throw bad(field, "port");
        }
        return Integer.parseInt(text);
    }

    private static HttpException bad(String field, String what) {
        return HttpException.badRequest("Invalid " + what + " in " + field + " from a trusted proxy");
    }
}
