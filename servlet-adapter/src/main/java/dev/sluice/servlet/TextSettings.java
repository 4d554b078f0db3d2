package dev.sluice.servlet;

import dev.sluice.servlet.internal.http.LocaleEncodings;
import java.util.Arrays;
import java.util.List;

/**
 * The container settings in text form, as {@code conf/sluice.properties} and {@code arquillian.xml} give them,
 * applied to a builder: one parser, so every place accepts the same syntax and reports the same errors.
 */
final class TextSettings {
    /** The keys {@link #apply} takes. */
    static final List<String> KEYS = List.of("serverInfo", "allowTrace", "maxParameterCount",
            "maxFormBytes", "localeEncodings", "allowedTrailers", "crossContext", "maxActiveSessions", "maxPartCount",
            "maxPartHeaderBytes", "maxCookieCount", "maxUpgradedConnections", "sessionStore",
            "sessionDir", "maxWarBytes", "maxWarEntries", "maxWarRatio");

    private TextSettings() {
    }

    /** @throws IllegalArgumentException for an unknown key or a malformed value, naming the key */
    static void apply(ServletContainer.Builder b, String key, String value) {
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("Unknown setting " + key);
        }
        String v = value.trim();
        try {
            switch (key) {
                case "localeEncodings" -> b.localeEncodings(LocaleEncodings.parse(v));
                case "allowedTrailers" -> b.allowedTrailers(v.isEmpty() ? List.of()
                        : Arrays.stream(v.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList());
                case "crossContext" -> b.crossContext(bool(v));
                case "allowTrace" -> b.allowTrace(bool(v));
                case "serverInfo" -> b.serverInfo(v);
                case "maxParameterCount" -> b.maxParameterCount(Integer.parseInt(v));
                case "maxFormBytes" -> b.maxFormBytes(Integer.parseInt(v));
                case "maxActiveSessions" -> b.maxActiveSessions(Integer.parseInt(v));
                case "maxPartCount" -> b.maxPartCount(Integer.parseInt(v));
                case "maxPartHeaderBytes" -> b.maxPartHeaderBytes(Integer.parseInt(v));
                case "maxCookieCount" -> b.maxCookieCount(Integer.parseInt(v));
                case "maxUpgradedConnections" -> b.maxUpgradedConnections(Integer.parseInt(v));
                case "sessionStore" -> b.sessionStore(v);
                case "sessionDir" -> b.sessionDir(java.nio.file.Path.of(v));
                case "maxWarBytes" -> b.maxWarBytes(Long.parseLong(v));
                case "maxWarEntries" -> b.maxWarEntries(Integer.parseInt(v));
                case "maxWarRatio" -> b.maxWarRatio(Integer.parseInt(v));
                default -> throw new IllegalStateException("KEYS and apply disagree on " + key);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value for " + key + ": '" + value + "' (" + e.getMessage()
                    + ")", e);
        }
    }

    private static boolean bool(String v) {
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new IllegalArgumentException("true or false");
    }
}
