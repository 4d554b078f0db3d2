package dev.sluice.core;

import java.time.Duration;
import java.util.Properties;
import java.util.Set;

/**
 * Every limit of the server in one immutable value, named as in the design notes and as the launcher's flags
 * and {@code conf/sluice.properties} keys. Defaults live here and nowhere else. A {@link Duration#ZERO}
 * {@code queueTimeout} and a 0 {@code maxConcurrentRequests} mean off. {@link Builder#build()} checks every value
 * and names the first bad one, so a server never starts with a limit it cannot honour.
 */
public final class Limits {
    /** What happens to a new connection when {@code maxConnections} are open. */
    public enum ConnectionPolicy {
        /** Accept it, answer 503 with Connection: close, close it (IIS 503.5). */
        REJECT,
        /** Stop accepting; it waits in the OS listen backlog (Tomcat). */
        BACKLOG
    }

    public static final Limits DEFAULTS = builder().build();

    private final int maxThreads;
    private final int acceptQueue;
    private final int maxConnections;
    private final ConnectionPolicy connectionPolicy;
    private final int backlog;
    private final Duration keepAliveTimeout;
    private final int maxKeepAliveRequests;
    private final Duration headerTimeout;
    private final long minBodyRate;
    private final Duration queueTimeout;
    private final Duration writeTimeout;
    private final Duration drainTimeout;
    private final int retryAfterSeconds;
    private final int maxRequestLine;
    private final int maxHeaderBytes;
    private final int maxHeaderCount;
    private final long maxBodyBytes;
    private final long maxDrainBytes;
    private final int maxConcurrentRequests;
    private final int maxHeaderValueBytes;
    private final long maxWriteBacklog;
    private final int maxConcurrentStreams;

    private Limits(Builder b) {
        this.maxThreads = positive("maxThreads", b.maxThreads);
        this.acceptQueue = notNegative("acceptQueue", b.acceptQueue);
        this.maxConnections = positive("maxConnections", b.maxConnections);
        this.connectionPolicy = b.connectionPolicy;
        this.backlog = positive("backlog", b.backlog);
        this.keepAliveTimeout = positive("keepAliveTimeout", b.keepAliveTimeout);
        this.maxKeepAliveRequests = positive("maxKeepAliveRequests", b.maxKeepAliveRequests);
        this.headerTimeout = positive("headerTimeout", b.headerTimeout);
        this.minBodyRate = notNegative("minBodyRate", b.minBodyRate);
        this.queueTimeout = notNegative("queueTimeout", b.queueTimeout);
        this.writeTimeout = positive("writeTimeout", b.writeTimeout);
        this.drainTimeout = notNegative("drainTimeout", b.drainTimeout);
        this.retryAfterSeconds = notNegative("retryAfter", b.retryAfterSeconds);
        this.maxRequestLine = atLeast("maxRequestLine", b.maxRequestLine, 64);
        this.maxHeaderBytes = atLeast("maxHeaderBytes", b.maxHeaderBytes, 256);
        this.maxHeaderCount = positive("maxHeaderCount", b.maxHeaderCount);
        this.maxBodyBytes = notNegative("maxBodyBytes", b.maxBodyBytes);
        this.maxDrainBytes = notNegative("maxDrainBytes", b.maxDrainBytes);
        this.maxConcurrentRequests = notNegative("maxConcurrentRequests", b.maxConcurrentRequests);
        this.maxHeaderValueBytes = atLeast("maxHeaderValueBytes", b.maxHeaderValueBytes, 64);
        this.maxWriteBacklog = atLeast("maxWriteBacklog", b.maxWriteBacklog, 1024);
        this.maxConcurrentStreams = positive("maxConcurrentStreams", b.maxConcurrentStreams);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this value. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxThreads = maxThreads;
        b.acceptQueue = acceptQueue;
        b.maxConnections = maxConnections;
        b.connectionPolicy = connectionPolicy;
        b.backlog = backlog;
        b.keepAliveTimeout = keepAliveTimeout;
        b.maxKeepAliveRequests = maxKeepAliveRequests;
        b.headerTimeout = headerTimeout;
        b.minBodyRate = minBodyRate;
        b.queueTimeout = queueTimeout;
        b.writeTimeout = writeTimeout;
        b.drainTimeout = drainTimeout;
        b.retryAfterSeconds = retryAfterSeconds;
        b.maxRequestLine = maxRequestLine;
        b.maxHeaderBytes = maxHeaderBytes;
        b.maxHeaderCount = maxHeaderCount;
        b.maxBodyBytes = maxBodyBytes;
        b.maxDrainBytes = maxDrainBytes;
        b.maxConcurrentRequests = maxConcurrentRequests;
        b.maxHeaderValueBytes = maxHeaderValueBytes;
        b.maxWriteBacklog = maxWriteBacklog;
        b.maxConcurrentStreams = maxConcurrentStreams;
        return b;
    }

    /**
     * Reads every key this class knows from {@code properties} over {@code defaults}; unknown keys are ignored so
     * one file can hold other settings too. Durations take {@code ms}, {@code s}, {@code m} or {@code h}
     * ({@code 20s}, {@code 500ms}); sizes take {@code KiB}, {@code MiB} or {@code GiB} ({@code 64KiB}).
     *
     * @throws IllegalArgumentException naming the key of the first bad value
     */
    public static Limits fromProperties(Properties properties, Limits defaults) {
        return LimitsProperties.read(properties, defaults.toBuilder()).build();
    }

    /**
     * The property keys {@link #fromProperties} reads, e.g. for a launcher to warn about a misspelt key in a file
     * that may also hold other settings.
     */
    public static Set<String> propertyKeys() {
        return LimitsProperties.keys();
    }

    /** Worker pool size. */
    public int maxThreads() {
        return maxThreads;
    }

    /** Requests whose head is complete, waiting for a worker; past it, 503. */
    public int acceptQueue() {
        return acceptQueue;
    }

    public int maxConnections() {
        return maxConnections;
    }

    public ConnectionPolicy connectionPolicy() {
        return connectionPolicy;
    }

    /** OS listen backlog. */
    public int backlog() {
        return backlog;
    }

    /** Longest idle time between two requests of a connection. */
    public Duration keepAliveTimeout() {
        return keepAliveTimeout;
    }

    public int maxKeepAliveRequests() {
        return maxKeepAliveRequests;
    }

    /** Longest time to receive a whole request head once its first byte arrived. */
    public Duration headerTimeout() {
        return headerTimeout;
    }

    /** Slowest accepted upload in bytes per second; 0 turns the check off. */
    public long minBodyRate() {
        return minBodyRate;
    }

    /** Longest wait in the request queue before a 503; {@link Duration#ZERO} is off. */
    public Duration queueTimeout() {
        return queueTimeout;
    }

    /** Longest time a write may wait for a client that stopped reading. */
    public Duration writeTimeout() {
        return writeTimeout;
    }

    /** Longest time a graceful stop waits for requests in flight. */
    public Duration drainTimeout() {
        return drainTimeout;
    }

    /** Seconds sent in Retry-After with a 503. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public int maxRequestLine() {
        return maxRequestLine;
    }

    public int maxHeaderBytes() {
        return maxHeaderBytes;
    }

    public int maxHeaderCount() {
        return maxHeaderCount;
    }

    public long maxBodyBytes() {
        return maxBodyBytes;
    }

    /** How much of an unread request body is read and discarded to keep the connection; past it, close. */
    public long maxDrainBytes() {
        return maxDrainBytes;
    }

    /**
     * The default limit of requests running at once in one webapp, past which that webapp alone answers 503
     * (IIS appConcurrentRequestLimit); 0 is off. A webapp's own setting overrides it.
     */
    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /**
     * Most bytes in the values of one header field name, its lines together (http.sys MaxFieldLength); past it
     * 431 (RFC 6585 section 5: "a single header field is too large").
     */
    public int maxHeaderValueBytes() {
        return maxHeaderValueBytes;
    }

    /**
     * Most response bytes held for a client that does not read, in non-blocking write mode, once a write finds
     * some already held (a write made while {@code isReady()} is false); past it the write fails and the
     * connection closes. A write made when ready is always taken whole (Servlet 6.1 section 5.8).
     */
    public long maxWriteBacklog() {
        return maxWriteBacklog;
    }

    /**
     * HTTP/2 streams a client may have open at once on one connection, announced as
     * SETTINGS_MAX_CONCURRENT_STREAMS (RFC 9113 section 6.5.2); IIS Http2MaxConcurrentStreams, Tomcat
     * maxConcurrentStreams.
     */
    public int maxConcurrentStreams() {
        return maxConcurrentStreams;
    }

    private static int positive(String key, int value) {
        return (int) atLeast(key, value, 1);
    }

    private static int notNegative(String key, int value) {
        return (int) atLeast(key, value, 0);
    }

    private static long notNegative(String key, long value) {
        return atLeast(key, value, 0);
    }

    private static int atLeast(String key, int value, int min) {
        return (int) atLeast(key, (long) value, min);
    }

    private static long atLeast(String key, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(key + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    private static Duration positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, was " + value);
        }
        return value;
    }

    private static Duration notNegative(String key, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(key + " must not be negative, was " + value);
        }
        return value;
    }

    @Override
    public String toString() {
        return "Limits{maxThreads=" + maxThreads + ", acceptQueue=" + acceptQueue + ", maxConnections="
                + maxConnections + ", connectionPolicy=" + connectionPolicy + ", backlog=" + backlog
                + ", keepAliveTimeout=" + keepAliveTimeout + ", maxKeepAliveRequests=" + maxKeepAliveRequests
                + ", headerTimeout=" + headerTimeout + ", minBodyRate=" + minBodyRate + ", queueTimeout="
                + queueTimeout + ", writeTimeout=" + writeTimeout + ", drainTimeout=" + drainTimeout
                + ", retryAfter=" + retryAfterSeconds + ", maxRequestLine=" + maxRequestLine
                + ", maxHeaderBytes=" + maxHeaderBytes + ", maxHeaderCount=" + maxHeaderCount
                + ", maxBodyBytes=" + maxBodyBytes + ", maxDrainBytes=" + maxDrainBytes
                + ", maxConcurrentRequests=" + maxConcurrentRequests + ", maxHeaderValueBytes=" + maxHeaderValueBytes
                + ", maxWriteBacklog=" + maxWriteBacklog + ", maxConcurrentStreams=" + maxConcurrentStreams + "}";
    }

    /** Collects values; {@link #build()} validates them all. */
    public static final class Builder {
        int maxThreads = 200;
        int acceptQueue = 1000;
        int maxConnections = 10_000;
        ConnectionPolicy connectionPolicy = ConnectionPolicy.REJECT;
        int backlog = 511;
        Duration keepAliveTimeout = Duration.ofSeconds(20);
        int maxKeepAliveRequests = 1000;
        Duration headerTimeout = Duration.ofSeconds(20);
        long minBodyRate = 240;
        Duration queueTimeout = Duration.ZERO;
        Duration writeTimeout = Duration.ofSeconds(30);
        Duration drainTimeout = Duration.ofSeconds(30);
        int retryAfterSeconds = 5;
        int maxRequestLine = 8 * 1024;
        int maxHeaderBytes = 16 * 1024;
        int maxHeaderCount = 100;
        long maxBodyBytes = 64L * 1024 * 1024;
        long maxDrainBytes = 64 * 1024;
        int maxConcurrentRequests = 0;
        int maxHeaderValueBytes = 8 * 1024;
        long maxWriteBacklog = 1024 * 1024;
        int maxConcurrentStreams = 100;

        private Builder() {
        }

        public Builder maxThreads(int v) { maxThreads = v; return this; }
        public Builder acceptQueue(int v) { acceptQueue = v; return this; }
        public Builder maxConnections(int v) { maxConnections = v; return this; }
        public Builder connectionPolicy(ConnectionPolicy v) { connectionPolicy = v; return this; }
        public Builder backlog(int v) { backlog = v; return this; }
        public Builder keepAliveTimeout(Duration v) { keepAliveTimeout = v; return this; }
        public Builder maxKeepAliveRequests(int v) { maxKeepAliveRequests = v; return this; }
        public Builder headerTimeout(Duration v) { headerTimeout = v; return this; }
        public Builder minBodyRate(long v) { minBodyRate = v; return this; }
        public Builder queueTimeout(Duration v) { queueTimeout = v; return this; }
        public Builder writeTimeout(Duration v) { writeTimeout = v; return this; }
        public Builder drainTimeout(Duration v) { drainTimeout = v; return this; }
        public Builder retryAfterSeconds(int v) { retryAfterSeconds = v; return this; }
        public Builder maxRequestLine(int v) { maxRequestLine = v; return this; }
        public Builder maxHeaderBytes(int v) { maxHeaderBytes = v; return this; }
        public Builder maxHeaderCount(int v) { maxHeaderCount = v; return this; }
        public Builder maxBodyBytes(long v) { maxBodyBytes = v; return this; }
        public Builder maxDrainBytes(long v) { maxDrainBytes = v; return this; }
        public Builder maxConcurrentRequests(int v) { maxConcurrentRequests = v; return this; }
        public Builder maxHeaderValueBytes(int v) { maxHeaderValueBytes = v; return this; }
        public Builder maxWriteBacklog(long v) { maxWriteBacklog = v; return this; }
        public Builder maxConcurrentStreams(int v) { maxConcurrentStreams = v; return this; }

        /** @throws IllegalArgumentException naming the first invalid setting */
        public Limits build() {
            if (connectionPolicy == null) {
                throw new IllegalArgumentException("connectionPolicy must be reject or backlog");
            }
            return new Limits(this);
        }
    }
}
