package dev.sluice.core;

import java.util.Objects;

/**
 * The header fields the server itself puts on a response head just before it is written: Date, Server, the
 * framing fields and the connection fields. Doing this in one place means the connector's normal responses, its
 * canned errors and the servlet adapter's responses all obey the same rules.
 *
 * <p>Thread-safe and shared: one instance per connector. {@link #apply} changes only the headers it is given.
 */
public final class ServerHeaders {
    /** The default Server value: the product name only, since a version would help attackers more than users. */
    public static final String DEFAULT_SERVER = "Sluice";

    private final String server;
    private final HttpDate date;
    private final Limits limits;

    /**
     * @param server the Server field value, or null to send none (RFC 9110 section 10.2.4 lets a server omit it)
     * @param date   the source of Date values; inject one built on a fixed Clock to test
     * @param limits supplies {@code keepAliveTimeout} for the Keep-Alive field
     * @throws IllegalArgumentException when {@code server} could not be written as a field value
     */
    public ServerHeaders(String server, HttpDate date, Limits limits) {
        if (server != null && (server.isBlank() || !Headers.isValidValue(server))) {
            throw new IllegalArgumentException("Invalid Server header value");
        }
        this.server = server == null ? null : server.trim();
        this.date = Objects.requireNonNull(date, "date");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** With {@link #DEFAULT_SERVER} and the system clock. */
    public ServerHeaders(Limits limits) {
        this(DEFAULT_SERVER, new HttpDate(), limits);
    }

    /** The Server value sent, or null when turned off. */
    public String server() {
        return server;
    }

    /**
     * Completes {@code headers} for a final response (an interim 1xx response is left alone):
     * <ul>
     * <li>{@code Date}, unless the handler set one (RFC 9110 section 6.6.1: an origin server with a clock sends
     *     it);</li>
     * <li>{@code Server}, unless turned off or set by the handler;</li>
     * <li>framing (RFC 9112 section 6): for {@link ResponseFraming#LENGTH} {@code Content-Length} (the given
     *     length, or the handler's when the given one is -1) and no Transfer-Encoding; for
     *     {@link ResponseFraming#CHUNKED} {@code Transfer-Encoding: chunked} and no Content-Length (a sender must
     *     not send both, 6.2); for {@link ResponseFraming#CLOSE} neither; for {@link ResponseFraming#NONE} no
     *     Transfer-Encoding and, for 204 and a 2xx to CONNECT, no Content-Length (RFC 9110 section 8.6), while HEAD and 304 keep a
     *     Content-Length the handler set, which describes the content a GET would get;</li>
     * <li>{@code Connection: close} when the connection will not persist (RFC 9112 section 9.6), replacing any
     *     other connection option; {@code Connection: keep-alive} and
     *     {@code Keep-Alive: timeout=N} ({@link #keepAlive}) when an HTTP/1.0 connection persists, since a 1.0
     *     client keeps a connection only when told so (RFC 9112 section C.2.2).</li>
     * </ul>
     *
     * @param head          the request being answered
     * @param status        the response status
     * @param headers       the response headers, changed in place
     * @param framing       the framing decided by {@link ResponseFraming#decide}
     * @param contentLength the exact length for {@link ResponseFraming#LENGTH}, or -1 to keep the handler's
     * @param persists      the decision of {@link Persistence}
     * @param requestNumber this request's number on its connection, from 1
     */
    public void apply(RequestHead head, Status status, Headers headers, ResponseFraming framing,
                      long contentLength, boolean persists, int requestNumber) {
        if (status.isInformational()) {
            return;
        }
        if (!headers.contains("Date")) {
            headers.set("Date", date.now());
        }
        if (server != null && !headers.contains("Server")) {
            headers.set("Server", server);
        }
        frame(head.method(), status, headers, framing, contentLength);
        if (!persists) {
            headers.set("Connection", "close");
            headers.remove("Keep-Alive");
        } else if (head.version() == HttpVersion.HTTP_1_0) {
            headers.set("Connection", "keep-alive");
            headers.set("Keep-Alive", keepAlive(limits));
        }
    }

    /**
     * The {@code Keep-Alive} value of a persisting HTTP/1.0 response (RFC 9112 section C.2.2; the field itself is
     * defined by RFC 2068 section 19.7.1.1): {@code timeout=N}, N being {@code keepAliveTimeout} in whole seconds
     * (rounded down), as Tomcat sends it. Advisory only: a 1.0 client that comes back later finds the connection
     * closed. No {@code max}: Tomcat sends none, and a 1.0 client learns the last response by its
     * {@code Connection: close}.
     */
    public static String keepAlive(Limits limits) {
        return "timeout=" + limits.keepAliveTimeout().toSeconds();
    }

    /**
     * Completes the headers of a response sent without a usable request head: a canned error for a request that
     * could not be parsed (400, 414, 431, 505...) or a 503 written by the selector under overload. Such a response
     * always carries Content-Length and {@code Connection: close}, since the rest of the connection's bytes can no
     * longer be trusted to start a request (RFC 9112 section 9.6).
     */
    public void applyClosing(Status status, Headers headers, long contentLength) {
        if (!headers.contains("Date")) {
            headers.set("Date", date.now());
        }
        if (server != null && !headers.contains("Server")) {
            headers.set("Server", server);
        }
        headers.remove("Transfer-Encoding");
        headers.remove("Keep-Alive");
        if (status.forbidsContent()) {
            headers.remove("Content-Length");
        } else {
            headers.setContentLength(contentLength);
        }
        headers.set("Connection", "close");
    }

    private static void frame(Method method, Status status, Headers headers, ResponseFraming framing, long contentLength) {
        switch (framing) {
            case LENGTH:
                headers.remove("Transfer-Encoding");
                if (contentLength >= 0) {
                    headers.setContentLength(contentLength);
                } else if (!headers.contains("Content-Length")) {
                    throw new IllegalArgumentException("LENGTH framing without a length");
                }
                break;
            case CHUNKED:
                headers.remove("Content-Length");
                headers.set("Transfer-Encoding", "chunked");
                break;
            case CLOSE:
                headers.remove("Content-Length");
                headers.remove("Transfer-Encoding");
                break;
            default:
                headers.remove("Transfer-Encoding");
                if (status.code() == 204 || (method.equals(Method.CONNECT) && status.isSuccess())) {
                    headers.remove("Content-Length");
                }
        }
    }
}
