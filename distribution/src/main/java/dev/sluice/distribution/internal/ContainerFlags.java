package dev.sluice.distribution.internal;

import dev.sluice.servlet.ServletContainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The servlet container's settings as launcher flags and properties keys; the values are parsed by
 * {@link ServletContainer.Builder#setting}, so a flag, a file line and arquillian.xml accept the same syntax.
 */
final class ContainerFlags {
    record Flag(String key, String description) {
    }

    static final List<Flag> ALL = List.of(
            new Flag("serverInfo", "ServletContext.getServerInfo (default: Sluice/0.1)"),
            new Flag("allowTrace", "Let TRACE reach servlets; false answers 405 (default: false)"),
            new Flag("maxParameterCount", "Most request parameters, query and form; more is a 400 (default: 1000)"),
            new Flag("maxFormBytes", "Largest urlencoded form parsed into parameters; larger is a 413 (default: 2097152)"),
            new Flag("localeEncodings", "setLocale's charset table, locale=charset,... (default: ja=Shift_JIS,...)"),
            new Flag("allowedTrailers", "Request trailers getTrailerFields shows: * or names (default: *)"),
            new Flag("crossContext", "ServletContext.getContext may return other webapps (default: false)"),
            new Flag("maxActiveSessions", "Live sessions per webapp; a new one past it is a 503 (default: 100000)"),
            new Flag("maxPartCount", "Multipart parts per request; more is a 413 (default: 50)"),
            new Flag("maxPartHeaderBytes", "Bytes of one multipart part's headers; more is a 400 (default: 4096)"),
            new Flag("maxCookieCount", "Cookies per request; more is a 400 (default: 200)"),
            new Flag("maxUpgradedConnections", "Upgraded connections (WebSocket) per webapp; more is a 503"
                    + " (default: 5000)"),
            new Flag("sessionStore", "Where sessions live: memory, file (kept across restarts) or redis (shared by"
                    + " instances; module session-redis) (default: memory)"),
            new Flag("sessionDir", "Folder of sessionStore=file, relative to the server's home"
                    + " (default: work/sessions)"),
            new Flag("maxWarBytes", "Most bytes a .war may expand to; a larger one is refused (default: 1073741824)"),
            new Flag("maxWarEntries", "Most entries in a .war; more refuses it (default: 65536)"),
            new Flag("maxWarRatio", "Most times a .war entry past 1 MiB may expand; more refuses it (default: 100)"));

    /**
     * Settings of the optional container modules (docs/servlet-adapter.md, "Adding a container module"): taken only
     * when the module's jars are in lib/; given without the module, the start stops with "Unknown setting".
     */
    static final List<Flag> MODULES = List.of(
            new Flag("jspDevelopment", "JSP module: recompile a changed page on its next request (default: true)"),
            new Flag("jspPrecompile", "JSP module: compile every page of a webapp at deploy (default: false)"),
            new Flag("redisUri", "session-redis module: the Redis of sessionStore=redis, redis://host:port/db"
                    + " (default: redis://127.0.0.1:6379)"),
            new Flag("redisTimeout", "session-redis module: longest wait for Redis before a 503 (default: 2s)"),
            new Flag("redisKeyPrefix", "session-redis module: prefix of every key; instances sharing it share"
                    + " sessions (default: sluice:)"));

    /** The container's settings, then the modules'. */
    static final List<Flag> WITH_MODULES = java.util.stream.Stream.concat(ALL.stream(), MODULES.stream()).toList();

    private ContainerFlags() {
    }

    /** The container settings present in {@code merged}, checked: a bad one is a StartupException. */
    static Map<String, String> from(Properties merged) {
        return from(merged, java.nio.file.Path.of(""));
    }

    /** As above; a relative sessionDir is resolved against the server's {@code home}. */
    static Map<String, String> from(Properties merged, java.nio.file.Path home) {
        Map<String, String> settings = new LinkedHashMap<>();
        ServletContainer.Builder check = ServletContainer.builder();
        for (Flag flag : WITH_MODULES) {
            String value = merged.getProperty(flag.key());
            if (value != null && flag.key().equals("sessionDir")) {
                value = home.resolve(value.trim()).toAbsolutePath().toString();
            }
            if (value != null) {
                try {
                    check.setting(flag.key(), value);
                } catch (IllegalArgumentException e) {
                    throw new StartupException(e.getMessage());
                }
                settings.put(flag.key(), value);
            }
        }
        return settings;
    }
}
