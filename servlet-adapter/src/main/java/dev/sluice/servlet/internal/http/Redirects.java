package dev.sluice.servlet.internal.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Supplier;

/**
 * Location values for sendRedirect and session ids in rewritten URLs. A location with a scheme is sent as given.
 * Servlet 6.1 section 5.5 (and the sendRedirect javadoc): a container without an option to send relative
 * locations must make them absolute, so a network-path reference gets the request's scheme, an absolute path the
 * request's scheme and authority, and a path-relative one is first resolved against the request URI.
 */
public final class Redirects {
    private Redirects() {
    }

    public static String location(HttpServletRequest request, String location) {
        if (location == null) {
            throw new IllegalArgumentException("Location must not be null");
        }
        if (hasScheme(location)) {
            return location;
        }
        if (location.startsWith("//")) {
            return request.getScheme() + ":" + location;
        }
        return origin(request) + absolutePath(request, location);
    }

    /** {@code scheme://host[:port]} of the request, the port left out when it is the scheme's default. */
    private static String origin(HttpServletRequest request) {
        String scheme = request.getScheme();
        String host = request.getServerName();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]"; // An IPv6 literal (RFC 3986 section 3.2.2).
        }
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || ("http".equals(scheme) && port == 80)
                || ("https".equals(scheme) && port == 443);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    private static String absolutePath(HttpServletRequest request, String location) {
        if (location.startsWith("/")) {
            return location;
        }
        String uri = request.getRequestURI();
        int semi = uri.indexOf(';');
        if (semi >= 0) {
            uri = uri.substring(0, semi);
        }
        String base = uri.substring(0, uri.lastIndexOf('/') + 1);
        if (location.isEmpty()) {
            return uri;
        }
        if (location.startsWith("?") || location.startsWith("#")) {
            return uri + location;
        }
        return normalize(base + location);
    }

    /** Removes dot segments of the path part only (RFC 3986 section 5.2.4). */
    private static String normalize(String target) {
        int cut = indexOfAny(target, "?#");
        String path = cut < 0 ? target : target.substring(0, cut);
        String rest = cut < 0 ? "" : target.substring(cut);
        java.util.Deque<String> out = new java.util.ArrayDeque<>();
        String[] parts = path.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            boolean last = i == parts.length - 1;
            if (p.equals("..")) {
                if (!out.isEmpty()) {
                    out.removeLast();
                }
                if (last) {
                    out.addLast("");
                }
            } else if (p.equals(".")) {
                if (last) {
                    out.addLast("");
                }
            } else {
                out.addLast(p);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String s : out) {
            sb.append('/').append(s);
        }
        return (sb.length() == 0 ? "/" : sb.toString()) + rest;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasScheme(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') {
                return i > 0;
            }
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return false;
    }

    /**
     * Adds {@code ;jsessionid=ID} to a URL of this webapp when the session is tracked by URL (section 7.1.3).
     *
     * @param idForUrl the session id to add, or null when the session is not tracked by URL; asked only when
     *                 {@code url} is not null
     */
    public static String encode(HttpServletRequest request, Supplier<String> idForUrl, String url) {
        if (url == null) {
            return null;
        }
        String id = idForUrl.get();
        if (id == null || url.contains(";jsessionid=")) {
            return url;
        }
        if (hasScheme(url) || url.startsWith("//")) {
            String own = request.getScheme() + "://" + request.getServerName();
            if (!url.startsWith(own)) {
                return url;
            }
        }
        int cut = indexOfAny(url, "?#");
        String path = cut < 0 ? url : url.substring(0, cut);
        String rest = cut < 0 ? "" : url.substring(cut);
        return path + ";jsessionid=" + id + rest;
    }
}
