package dev.sluice.distribution.internal;

import dev.sluice.core.Limits;
import dev.sluice.core.TrustedProxies;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The settings for running behind a proxy or load balancer, each declared once here with its default and the
 * line {@code --help} shows; {@code conf/sluice.properties} documents them in the same words. See
 * docs/scale-out.md.
 *
 * @param trustedProxies     peers whose Forwarded / X-Forwarded-* fields are believed (and who may ask for health)
 * @param proxyProtocol      whether every connection starts with a PROXY protocol v1/v2 header
 * @param drainDelay         how long the server keeps serving after SIGTERM with ready at 503, before it stops
 * @param readyQueueFraction not ready once this fraction of acceptQueue is taken
 */
record ScaleOutSettings(TrustedProxies trustedProxies, boolean proxyProtocol, Duration drainDelay,
                        double readyQueueFraction) {

    static final List<FileSetting> ALL = List.of(
            new FileSetting("trustedProxies", "none",
                    "CIDRs whose Forwarded/X-Forwarded-* fields are believed, e.g. 10.0.0.0/8,::1 (none: no one)"),
            new FileSetting("proxyProtocol", "false",
                    "Every connection must open with a PROXY protocol v1/v2 header (haproxy send-proxy)"),
            new FileSetting("drainDelay", "0s",
                    "On SIGTERM, keep serving this long with /sluice/health/ready at 503, then stop"),
            new FileSetting("readyQueueFraction", "0.8",
                    "/sluice/health/ready is 503 once this fraction of acceptQueue is taken (0 to 1)"));

    /** Reads the settings present in {@code merged}; a bad value is a StartupException naming its key. */
    static ScaleOutSettings from(Properties merged) {
        String trusted = value(merged, "trustedProxies");
        TrustedProxies proxies;
        try {
            proxies = TrustedProxies.parse(trusted);
        } catch (IllegalArgumentException e) {
            throw new StartupException("Invalid value for trustedProxies: " + e.getMessage());
        }
        boolean proxyProtocol = bool("proxyProtocol", value(merged, "proxyProtocol"));
        Duration drainDelay = duration("drainDelay", value(merged, "drainDelay"));
        String fraction = value(merged, "readyQueueFraction");
        double f;
        try {
            f = Double.parseDouble(fraction);
        } catch (NumberFormatException e) {
            f = Double.NaN;
        }
        if (!(f > 0 && f <= 1)) {
            throw new StartupException("Invalid value for readyQueueFraction: '" + fraction
                    + "' (more than 0, at most 1)");
        }
        return new ScaleOutSettings(proxies, proxyProtocol, drainDelay, f);
    }

    private static String value(Properties merged, String key) {
        for (FileSetting s : ALL) {
            if (s.key().equals(key)) {
                return merged.getProperty(key, s.defaultValue()).trim();
            }
        }
        throw new IllegalArgumentException(key);
    }

    private static boolean bool(String key, String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true": case "on": case "yes": return true;
            case "false": case "off": case "no": return false;
            default: throw new StartupException("Invalid value for " + key + ": '" + value + "' (true or false)");
        }
    }

    /** The syntax of every other duration setting (Limits): 30s, 500ms, 2m; plain digits are seconds. */
    private static Duration duration(String key, String value) {
        Properties p = new Properties();
        p.setProperty("drainTimeout", value);
        try {
            return Limits.fromProperties(p, Limits.DEFAULTS).drainTimeout();
        } catch (IllegalArgumentException e) {
            throw new StartupException("Invalid value for " + key + ": '" + value + "' (a duration such as 10s)");
        }
    }
}
