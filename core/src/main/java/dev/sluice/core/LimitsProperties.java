package dev.sluice.core;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** Reads {@link Limits} keys from properties: the syntax of durations and sizes lives here. */
final class LimitsProperties {
    private LimitsProperties() {
    }

    /** Every key, in the order of the design notes' table, with how its value is read and applied. */
    private static final Map<String, BiConsumer<Limits.Builder, String>> SETTERS = new LinkedHashMap<>();

    static {
        SETTERS.put("maxThreads", (b, s) -> b.maxThreads(integer(s)));
        SETTERS.put("acceptQueue", (b, s) -> b.acceptQueue(integer(s)));
        SETTERS.put("maxConnections", (b, s) -> b.maxConnections(integer(s)));
        SETTERS.put("connectionPolicy", (b, s) -> b.connectionPolicy(policy(s)));
        SETTERS.put("backlog", (b, s) -> b.backlog(integer(s)));
        SETTERS.put("keepAliveTimeout", (b, s) -> b.keepAliveTimeout(duration(s)));
        SETTERS.put("maxKeepAliveRequests", (b, s) -> b.maxKeepAliveRequests(integer(s)));
        SETTERS.put("headerTimeout", (b, s) -> b.headerTimeout(duration(s)));
        SETTERS.put("minBodyRate", (b, s) -> b.minBodyRate(size(s)));
        SETTERS.put("queueTimeout", (b, s) -> b.queueTimeout(durationOrOff(s)));
        SETTERS.put("writeTimeout", (b, s) -> b.writeTimeout(duration(s)));
        SETTERS.put("drainTimeout", (b, s) -> b.drainTimeout(duration(s)));
        SETTERS.put("retryAfter", (b, s) -> b.retryAfterSeconds(seconds(s)));
        SETTERS.put("maxRequestLine", (b, s) -> b.maxRequestLine(Math.toIntExact(size(s))));
        SETTERS.put("maxHeaderBytes", (b, s) -> b.maxHeaderBytes(Math.toIntExact(size(s))));
        SETTERS.put("maxHeaderCount", (b, s) -> b.maxHeaderCount(integer(s)));
        SETTERS.put("maxBodyBytes", (b, s) -> b.maxBodyBytes(size(s)));
        SETTERS.put("maxDrainBytes", (b, s) -> b.maxDrainBytes(size(s)));
        SETTERS.put("maxConcurrentRequests", (b, s) -> b.maxConcurrentRequests(integerOrOff(s)));
        SETTERS.put("maxHeaderValueBytes", (b, s) -> b.maxHeaderValueBytes(Math.toIntExact(size(s))));
        SETTERS.put("maxWriteBacklog", (b, s) -> b.maxWriteBacklog(size(s)));
        SETTERS.put("maxConcurrentStreams", (b, s) -> b.maxConcurrentStreams(integer(s)));
    }

    /** The keys {@link #read} knows, in a stable order. */
    static Set<String> keys() {
        return Collections.unmodifiableSet(SETTERS.keySet());
    }

    /**
     * Applies every known key present in {@code p}. Parse errors name the key; range errors are found by
     * {@link Limits.Builder#build()}, whose messages name the key too.
     */
    static Limits.Builder read(Properties p, Limits.Builder b) {
        for (Map.Entry<String, BiConsumer<Limits.Builder, String>> setter : SETTERS.entrySet()) {
            String key = setter.getKey();
            String raw = p.getProperty(key);
            if (raw == null) {
                continue;
            }
            try {
                setter.getValue().accept(b, raw.trim());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Invalid value for " + key + ": '" + raw.trim() + "'", e);
            }
        }
        return b;
    }

    static int integer(String s) {
        return Integer.parseInt(s);
    }

    /** An integer, or {@code off} for 0. */
    static int integerOrOff(String s) {
        return s.equalsIgnoreCase("off") ? 0 : integer(s);
    }

    static Limits.ConnectionPolicy policy(String s) {
        return Limits.ConnectionPolicy.valueOf(s.toUpperCase(Locale.ROOT));
    }

    /** {@code 250ms}, {@code 20s}, {@code 5m}, {@code 1h}; a bare number is seconds. */
    static Duration duration(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(lower.substring(0, lower.length() - 2).trim()));
        }
        char unit = lower.isEmpty() ? ' ' : lower.charAt(lower.length() - 1);
        String number = Character.isDigit(unit) ? lower : lower.substring(0, lower.length() - 1).trim();
        long n = Long.parseLong(number);
        switch (unit) {
            case 'h': return Duration.ofHours(n);
            case 'm': return Duration.ofMinutes(n);
            case 's': return Duration.ofSeconds(n);
            default:
                if (Character.isDigit(unit)) {
                    return Duration.ofSeconds(n);
                }
                throw new IllegalArgumentException("unknown duration unit");
        }
    }

    /** A duration, or {@code off} for none. */
    static Duration durationOrOff(String s) {
        return s.equalsIgnoreCase("off") ? Duration.ZERO : duration(s);
    }

    static int seconds(String s) {
        return Math.toIntExact(duration(s).toSeconds());
    }

    /** {@code 512}, {@code 8KiB}, {@code 64MiB}, {@code 1GiB} (also {@code KB}, {@code MB}, {@code GB} as 1024s). */
    static long size(String s) {
        String lower = s.toLowerCase(Locale.ROOT).replace(" ", "");
        long multiplier = 1;
        String number = lower;
        String[][] units = {{"kib", "1024"}, {"mib", "1048576"}, {"gib", "1073741824"},
                            {"kb", "1024"}, {"mb", "1048576"}, {"gb", "1073741824"}, {"k", "1024"},
                            {"m", "1048576"}, {"g", "1073741824"}, {"b", "1"}};
        for (String[] unit : units) {
            if (lower.endsWith(unit[0])) {
                multiplier = Long.parseLong(unit[1]);
                number = lower.substring(0, lower.length() - unit[0].length());
                break;
            }
        }
        return Math.multiplyExact(Long.parseLong(number), multiplier);
    }
}
