package dev.sluice.distribution.internal;

import dev.sluice.core.Limits;
import java.util.List;
import java.util.function.Function;

/**
 * The launcher flag (and properties key) of every limit, with the line {@code --help} shows. Parsing of the
 * values is {@link Limits#fromProperties}'s, so a flag and a file line accept the same syntax.
 */
final class LimitFlags {
    static final class Flag {
        final String key;
        final String description;
        final Function<Limits, Object> current;

        Flag(String key, String description, Function<Limits, Object> current) {
            this.key = key;
            this.description = description;
            this.current = current;
        }
    }

    static final List<Flag> ALL = List.of(
            new Flag("maxThreads", "Worker threads running requests", Limits::maxThreads),
            new Flag("acceptQueue", "Requests waiting for a worker before 503", Limits::acceptQueue),
            new Flag("queueTimeout", "Longest wait in the queue before 503 (off disables)",
                    l -> l.queueTimeout().isZero() ? "off" : duration(l.queueTimeout())),
            new Flag("retryAfter", "Seconds sent in Retry-After with a 503", Limits::retryAfterSeconds),
            new Flag("maxConnections", "Open connections at most", Limits::maxConnections),
            new Flag("connectionPolicy", "reject (503 and close) or backlog past maxConnections",
                    l -> l.connectionPolicy().name().toLowerCase(java.util.Locale.ROOT)),
            new Flag("backlog", "OS listen backlog", Limits::backlog),
            new Flag("keepAliveTimeout", "Idle time allowed between requests",
                    l -> duration(l.keepAliveTimeout())),
            new Flag("maxKeepAliveRequests", "Requests served on one connection", Limits::maxKeepAliveRequests),
            new Flag("headerTimeout", "Time allowed to receive a request head",
                    l -> duration(l.headerTimeout())),
            new Flag("minBodyRate", "Slowest accepted request body, bytes/s (0 disables)", Limits::minBodyRate),
            new Flag("writeTimeout", "Longest wait for a client that stopped reading",
                    l -> duration(l.writeTimeout())),
            new Flag("drainTimeout", "Longest wait for requests in flight on stop",
                    l -> duration(l.drainTimeout())),
            new Flag("maxRequestLine", "Longest request line (414 past it)", Limits::maxRequestLine),
            new Flag("maxHeaderBytes", "Largest request head (431 past it)", Limits::maxHeaderBytes),
            new Flag("maxHeaderCount", "Most header fields (431 past it)", Limits::maxHeaderCount),
            new Flag("maxBodyBytes", "Largest request body (413 past it)", Limits::maxBodyBytes),
            new Flag("maxDrainBytes", "Unread body discarded to keep a connection", Limits::maxDrainBytes),
            new Flag("maxConcurrentRequests", "Requests in service per webapp before it answers 503 (0: off)",
                    Limits::maxConcurrentRequests),
            new Flag("maxHeaderValueBytes", "Most bytes in the values of one header name (431 past it)",
                    Limits::maxHeaderValueBytes),
            new Flag("maxWriteBacklog", "Response bytes held for a client not reading (non-blocking writes)",
                    Limits::maxWriteBacklog),
            new Flag("maxConcurrentStreams", "HTTP/2 streams in flight per connection",
                    Limits::maxConcurrentStreams));

    private LimitFlags() {
    }

    /** A duration as the file would spell it: {@code 20s}, or {@code 500ms} when not whole seconds. */
    static String duration(java.time.Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
