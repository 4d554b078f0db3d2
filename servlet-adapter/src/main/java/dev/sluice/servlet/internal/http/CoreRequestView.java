package dev.sluice.servlet.internal.http;

import dev.sluice.core.ClientView;
import dev.sluice.core.Headers;
import dev.sluice.core.Request;
import dev.sluice.core.RequestHead;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpUpgradeHandler;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The part of {@link HttpServletRequest} that only reads the core request: method, headers, cookies, locales,
 * addresses and protocol. Servlet state (dispatch, attributes, body, sessions, async) is in
 * {@link ServletRequestImpl}; the caller identity in {@link CallerRequestView}.
 */
public abstract class CoreRequestView implements HttpServletRequest {
    protected final Request core;
    protected final RequestHead head;
    private Cookie[] cookies;

    public CoreRequestView(Request core) {
        this.core = core;
        this.head = core.head();
    }

    @Override
    public int getContentLength() {
        long n = core.contentLength();
        return n > Integer.MAX_VALUE ? -1 : (int) n;
    }

    @Override
    public long getContentLengthLong() {
        return core.contentLength();
    }

    @Override
    public String getContentType() {
        return head.headers().get("Content-Type");
    }

    @Override
    public String getProtocol() {
        return head.version().text();
    }

    /**
     * The scheme the client used: as a trusted proxy reported it ({@link Request#client()}), else the connection's
     * ({@code https} over the connector's TLS listener).
     */
    @Override
    public String getScheme() {
        ClientView client = core.client();
        if (client != null && client.scheme() != null) {
            return client.scheme();
        }
        return core.tls() != null ? "https" : "http";
    }

    @Override
    public String getServerName() {
        ClientView client = core.client();
        if (client != null && client.host() != null) {
            return client.host();
        }
        String authority = head.authority();
        if (authority == null || authority.isEmpty()) {
            return core.localAddress().getHostString();
        }
        if (authority.startsWith("[")) {
            int end = authority.indexOf(']');
            return end < 0 ? authority : authority.substring(0, end + 1);
        }
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    /**
     * The port the client asked for: a trusted proxy's report, the Host field's port, or the scheme's default; the
     * local port only for a request without Host.
     */
    @Override
    public int getServerPort() {
        ClientView client = core.client();
        int defaultPort = "https".equals(getScheme()) ? 443 : 80;
        if (client != null && client.port() > 0) {
            return client.port();
        }
        if (client != null && client.host() != null) {
            return defaultPort; // the proxy named the host without a port
        }
        String authority = head.authority();
        if (authority == null || authority.isEmpty()) {
            return client != null && client.scheme() != null ? defaultPort : core.localAddress().getPort();
        }
        int bracket = authority.lastIndexOf(']');
        int colon = authority.lastIndexOf(':');
        if (colon > bracket && colon < authority.length() - 1) {
            try {
                return Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                return defaultPort;
            }
        }
        return defaultPort;
    }

    /** The client's address: as trusted proxies reported it (a name such as {@code unknown} when they hid it). */
    @Override
    public String getRemoteAddr() {
        java.net.InetSocketAddress remote = clientAddress();
        return remote.isUnresolved() ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    private java.net.InetSocketAddress clientAddress() {
        ClientView client = core.client();
        return client != null ? client.address() : core.remoteAddress();
    }

    /** As Tomcat with enableLookups off: no reverse DNS, the address. */
    @Override
    public String getRemoteHost() {
        return getRemoteAddr();
    }

    @Override
    public int getRemotePort() {
        return clientAddress().getPort();
    }

    @Override
    public String getLocalName() {
        return core.localAddress().getHostString();
    }

    @Override
    public String getLocalAddr() {
        return core.localAddress().getAddress().getHostAddress();
    }

    @Override
    public int getLocalPort() {
        return core.localAddress().getPort();
    }

    @Override
    public boolean isSecure() {
        return "https".equals(getScheme());
    }

    @Override
    public Locale getLocale() {
        return AcceptLanguage.locales(head.headers()).get(0);
    }

    @Override
    public Enumeration<Locale> getLocales() {
        return Collections.enumeration(AcceptLanguage.locales(head.headers()));
    }

    @Override
    public String getProtocolRequestId() {
        return "";
    }

    @Override
    public ServletConnection getServletConnection() {
        return new Connection(core);
    }

    /** The container's caps: maxCookieCount bounds {@link #getCookies}. */
    protected abstract dev.sluice.servlet.internal.caps.ResourceCaps caps();

    @Override
    public Cookie[] getCookies() {
        if (cookies == null) {
            cookies = CookieCodec.parse(head.headers().getAll("Cookie"), caps());
        }
        return cookies.length == 0 ? null : cookies.clone();
    }

    @Override
    public long getDateHeader(String name) {
        String value = head.headers().get(name);
        if (value == null) {
            return -1;
        }
        Instant when = head.headers().getDate(name);
        if (when == null) {
            throw new IllegalArgumentException("Not an HTTP date: " + name);
        }
        return when.toEpochMilli();
    }

    @Override
    public String getHeader(String name) {
        return head.headers().get(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return Collections.enumeration(head.headers().getAll(name));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(head.headers().names());
    }

    @Override
    public int getIntHeader(String name) {
        String value = head.headers().get(name);
        return value == null ? -1 : Integer.parseInt(value.trim());
    }

    @Override
    public String getMethod() {
        return head.method().name();
    }

    @Override
    public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) throws ServletException {
        throw new ServletException("HTTP upgrade is not supported");
    }

    @Override
    public Map<String, String> getTrailerFields() {
        Headers trailers = core.trailers();
        Map<String, String> map = new HashMap<>();
        for (String name : trailers.names()) {
            if (!trailerAllowed(name)) {
                continue; // a name the container does not allow (Tomcat's allowedTrailerHeaders)
            }
            map.put(name.toLowerCase(Locale.ROOT), String.join(",", trailers.getAll(name)));
        }
        return map;
    }

    /** Whether the container lets getTrailerFields show a trailer field of this name. */
    public abstract boolean trailerAllowed(String name);

    /** The connection, as ServletConnection describes it. */
    private record Connection(Request core) implements ServletConnection {
        @Override
        public String getConnectionId() {
            return Long.toString(core.connectionId());
        }

        @Override
        public String getProtocol() {
            // the IANA ALPN identifiers, as the ServletConnection javadoc asks: h2 over TLS, h2c in clear
            return switch (core.head().version()) {
                case HTTP_2_0 -> core.tls() != null ? "h2" : "h2c";
                case HTTP_1_1 -> "http/1.1";
                case HTTP_1_0 -> "http/1.0";
            };
        }

        @Override
        public String getProtocolConnectionId() {
            return "";
        }

        @Override
        public boolean isSecure() {
            return false;
        }
    }
}
