package dev.sluice.core;

import java.time.Clock;
import java.time.Instant;

/**
 * The value of the {@code Date} header (RFC 9110 section 6.6.1) in IMF-fixdate, formatted at most once per
 * second however many responses ask. Thread-safe: the cache is one immutable pair swapped atomically.
 */
public final class HttpDate {
    private final Clock clock;
    private volatile Cached cached = new Cached(Long.MIN_VALUE, "");

    public HttpDate(Clock clock) {
        this.clock = clock;
    }

    public HttpDate() {
        this(Clock.systemUTC());
    }

    /** The current date, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    public String now() {
        long second = Math.floorDiv(clock.millis(), 1000);
        Cached c = cached;
        if (c.second != second) {
            c = new Cached(second, Headers.formatDate(Instant.ofEpochSecond(second)));
            cached = c;
        }
        return c.text;
    }

    private static final class Cached {
        final long second;
        final String text;

        Cached(long second, String text) {
            this.second = second;
            this.text = text;
        }
    }
}
