package dev.sluice.core;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;

/** Reads {@link Limits} keys from properties: the syntax of durations and sizes lives here. */
final class LimitsProperties {
    private LimitsProperties() {
    }

    static Limits.Builder read(Properties p, Limits.Builder b) {
        apply(p, "maxThreads", LimitsProperties::integer, b::maxThreads);
        apply(p, "acceptQueue", LimitsProperties::integer, b::acceptQueue);
        apply(p, "maxConnections", LimitsProperties::integer, b::maxConnections);
        apply(p, "connectionPolicy", LimitsProperties::policy, b::connectionPolicy);
        apply(p, "backlog", LimitsProperties::integer, b::backlog);
        apply(p, "keepAliveTimeout", LimitsProperties::duration, b::keepAliveTimeout);
        apply(p, "maxKeepAliveRequests", LimitsProperties::integer, b::maxKeepAliveRequests);
        apply(p, "headerTimeout", LimitsProperties::duration, b::headerTimeout);
        apply(p, "minBodyRate", LimitsProperties::size, b::minBodyRate);
        apply(p, "queueTimeout", LimitsProperties::durationOrOff, b::queueTimeout);
        apply(p, "writeTimeout", LimitsProperties::duration, b::writeTimeout);
        apply(p, "drainTimeout", LimitsProperties::duration, b::drainTimeout);
        apply(p, "retryAfter", LimitsProperties::seconds, b::retryAfterSeconds);
        apply(p, "maxRequestLine", s -> Math.toIntExact(size(s)), b::maxRequestLine);
        apply(p, "maxHeaderBytes", s -> Math.toIntExact(size(s)), b::maxHeaderBytes);
        apply(p, "maxHeaderCount", LimitsProperties::integer, b::maxHeaderCount);
        apply(p, "maxBodyBytes", LimitsProperties::size, b::maxBodyBytes);
        apply(p, "maxDrainBytes", LimitsProperties::size, b::maxDrainBytes);
        return b;
    }

    private static <T> void apply(Properties p, String key, Function<String, T> parse, Consumer<T> set) {
        String raw = p.getProperty(key);
        if (raw == null) {
            return;
        }
        try {
            set.accept(parse.apply(raw.trim()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid value for " + key + ": '" + raw.trim() + "'", e);
        }
    }

    static int integer(String s) {
        return Integer.parseInt(s);
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
