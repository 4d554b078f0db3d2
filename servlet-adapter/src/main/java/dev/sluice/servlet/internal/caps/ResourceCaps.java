package dev.sluice.servlet.internal.caps;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The container's caps (docs/reliability.md, "Caps") and the count of refusals of each, shared by every webapp.
 * The values are checked when built; the counters are thread-safe.
 *
 * @param maxActiveSessions      live sessions per webapp; a new one past it is refused (503)
 * @param maxPartCount           multipart parts per request; past it 413
 * @param maxPartHeaderBytes     bytes of one part's header block; past it 400
 * @param maxCookieCount         cookie pairs per request; past it 400
 * @param maxUpgradedConnections upgraded connections open per webapp; past it 503
 * @param refusals               refusals per cap since start
 */
public record ResourceCaps(int maxActiveSessions, int maxPartCount, int maxPartHeaderBytes, int maxCookieCount,
                           int maxUpgradedConnections, Map<Cap, LongAdder> refusals) {
    public static final int DEFAULT_MAX_ACTIVE_SESSIONS = 100_000;
    public static final int DEFAULT_MAX_PART_COUNT = 50;
    public static final int DEFAULT_MAX_PART_HEADER_BYTES = 4096;
    public static final int DEFAULT_MAX_COOKIE_COUNT = 200;
    public static final int DEFAULT_MAX_UPGRADED_CONNECTIONS = 5000;

    public ResourceCaps {
        check(Cap.ACTIVE_SESSIONS, maxActiveSessions);
        check(Cap.PARTS, maxPartCount);
        check(Cap.PART_HEADER_BYTES, maxPartHeaderBytes);
        check(Cap.COOKIES, maxCookieCount);
        check(Cap.UPGRADED_CONNECTIONS, maxUpgradedConnections);
    }

    public ResourceCaps(int maxActiveSessions, int maxPartCount, int maxPartHeaderBytes, int maxCookieCount,
                        int maxUpgradedConnections) {
        this(maxActiveSessions, maxPartCount, maxPartHeaderBytes, maxCookieCount, maxUpgradedConnections,
                newCounters());
    }

    public static ResourceCaps defaults() {
        return new ResourceCaps(DEFAULT_MAX_ACTIVE_SESSIONS, DEFAULT_MAX_PART_COUNT, DEFAULT_MAX_PART_HEADER_BYTES,
                DEFAULT_MAX_COOKIE_COUNT, DEFAULT_MAX_UPGRADED_CONNECTIONS);
    }

    private static Map<Cap, LongAdder> newCounters() {
        Map<Cap, LongAdder> counters = new EnumMap<>(Cap.class);
        for (Cap cap : Cap.values()) {
            counters.put(cap, new LongAdder());
        }
        return java.util.Collections.unmodifiableMap(counters);
    }

    /**
     * @return {@code value} when it is a valid setting of {@code cap}: at least 1, at least 256 for part header bytes
     * @throws IllegalArgumentException naming the setting
     */
    public static int check(Cap cap, int value) {
        int min = cap == Cap.PART_HEADER_BYTES ? 256 : 1;
        if (value < min) {
            throw new IllegalArgumentException(cap.setting() + " must be at least " + min + ", was " + value);
        }
        return value;
    }

    /** Counts a refusal by {@code cap} and returns the exception that carries it to the client. */
    public CapExceededException refuse(Cap cap, long limit) {
        refusals.get(cap).increment();
        return new CapExceededException(cap, limit);
    }

    /** Counts a refusal whose exception is made elsewhere (an existing type the servlet may expect). */
    public void count(Cap cap) {
        refusals.get(cap).increment();
    }

    public long refused(Cap cap) {
        return refusals.get(cap).sum();
    }

    /** Refusals by {@link Cap#figureName()}, every cap present. */
    public Map<String, Long> figures() {
        Map<String, Long> figures = new LinkedHashMap<>();
        for (Cap cap : Cap.values()) {
            figures.put(cap.figureName(), refused(cap));
        }
        return figures;
    }
}
