package dev.sluice.distribution.internal;

import dev.sluice.core.Limits;
import dev.sluice.distribution.internal.accesslog.AccessLogFormat;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Level;

/**
 * Where to listen, what to deploy and the limits: the config file's values overlaid with the flags. Every
 * problem is a {@link StartupException} naming the key or file.
 */
final class ServerSettings {
    private final String host;
    private final int port;
    private final Path webapps;
    private final Limits limits;
    private final Duration hotDeployInterval;
    private final Level logLevel;
    private final Path logs;
    private final AccessLogFormat accessLog;
    private final Path realm;
    private final java.util.Map<String, String> containerSettings;
    /** The HTTPS port (-1 when off), its TLS settings and the HSTS max-age in seconds (-1 for none). */
    private int httpsPort = -1;
    private dev.sluice.connector.TlsConfig tls;
    private long hstsMaxAgeSeconds = -1;
    private final java.util.Map<String, Integer> webappMaxConcurrentRequests;
    private ScaleOutSettings scaleOut;

    private ServerSettings(String host, int port, Path webapps, Limits limits, Duration hotDeployInterval,
                           Level logLevel, Path logs, AccessLogFormat accessLog, Path realm,
                           java.util.Map<String, String> containerSettings,
                           java.util.Map<String, Integer> webappMaxConcurrentRequests) {
        this.webappMaxConcurrentRequests = webappMaxConcurrentRequests;
        this.accessLog = accessLog;
        this.realm = realm;
        this.containerSettings = containerSettings;
        this.host = host;
        this.port = port;
        this.webapps = webapps;
        this.limits = limits;
        this.hotDeployInterval = hotDeployInterval;
        this.logLevel = logLevel;
        this.logs = logs;
    }

    /**
     * @param configFile the {@code --config} flag, or null for {@code SLUICE_HOME/conf/sluice.properties} when
     *                   that exists
     * @param flags      flags given on the command line, keyed like the file
     */
    static ServerSettings resolve(String configFile, Properties flags) {
        Path home = home();
        Properties merged = new Properties();
        merged.putAll(readConfig(configFile, home));
        merged.putAll(flags);
        String host = merged.getProperty("host", "0.0.0.0").trim();
        int port = port(merged.getProperty("port", "8080").trim());
        Limits limits;
        try {
            limits = Limits.fromProperties(merged, Limits.DEFAULTS);
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage());
        }
        // A flag is a path as the user typed it (against the working folder); the file's is against the home.
        Path webapps = flags.containsKey("webapps")
                ? Paths.get(flags.getProperty("webapps")).toAbsolutePath().normalize()
                : home.resolve(merged.getProperty("webapps", "webapps").trim()).normalize();
        if (!Files.isDirectory(webapps)) {
            throw new StartupException("webapps folder not found: " + webapps);
        }
        Duration hotDeploy = bool("hotDeploy", merged.getProperty("hotDeploy", "true"))
                ? Duration.ofSeconds(2) : null;
        Level logLevel;
        try {
            logLevel = ServerLogging.parseLevel(merged.getProperty("logLevel", "INFO"));
        } catch (IllegalArgumentException e) {
            throw new StartupException("Invalid value for logLevel: '" + merged.getProperty("logLevel")
                    + "' (SEVERE, WARNING, INFO, FINE, FINER, FINEST)");
        }
        AccessLogFormat accessLog = accessLogFormat(merged.getProperty("accessLog", "combined"));
        ServerSettings settings = new ServerSettings(host, port, webapps, limits, hotDeploy, logLevel,
                home.resolve("logs"), accessLog, realmFile(merged, flags, home), ContainerFlags.from(merged, home),
                WebappLimits.maxConcurrentRequests(merged));
        settings.httpsPort = TlsSettings.httpsPort(merged);
        settings.tls = TlsSettings.config(merged, flags, home);
        settings.hstsMaxAgeSeconds = TlsSettings.hstsMaxAgeSeconds(merged);
        settings.scaleOut = ScaleOutSettings.from(merged);
        return settings;
    }

    /** The realm file: a flag against the working folder, the file's value against the home; "off" for none. */
    static Path realmFile(Properties merged, Properties flags, Path home) {
        String value = merged.getProperty("realm", DEFAULT_REALM).trim();
        if (value.equalsIgnoreCase("off") || value.isEmpty()) {
            return null;
        }
        return flags.containsKey("realm") ? Paths.get(value).toAbsolutePath().normalize()
                : home.resolve(value).normalize();
    }

    /** The realm file as the config file (or its default) names it, for tools such as 'sluice passwd'. */
    static Path realmFileFromConfig(String configFile) {
        Path home = home();
        return realmFile(readConfig(configFile, home), new Properties(), home);
    }

    /** Where the realm file is unless the config says otherwise. */
    static final String DEFAULT_REALM = "conf/realm.properties";

    static Path home() {
        String home = System.getProperty("sluice.home");
        return (home != null ? Paths.get(home) : Paths.get("")).toAbsolutePath();
    }

    private static Properties readConfig(String configFile, Path home) {
        Path file = configFile != null ? Paths.get(configFile) : home.resolve("conf/sluice.properties");
        Properties p = new Properties();
        if (configFile == null && !Files.exists(file)) {
            return p;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupException("cannot read config file " + file + ": " + e.getMessage());
        }
        return p;
    }

    private static AccessLogFormat accessLogFormat(String value) {
        if (value.trim().equalsIgnoreCase("off")) {
            return null;
        }
        try {
            return AccessLogFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw new StartupException("Invalid value for accessLog: '" + value.trim() + "' (combined, w3c or off)");
        }
    }

    private static boolean bool(String key, String value) {
        switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true": case "on": case "yes": return true;
            case "false": case "off": case "no": return false;
            default: throw new StartupException("Invalid value for " + key + ": '" + value.trim() + "' (true or false)");
        }
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StartupException("Invalid value for port: '" + value + "' (0-65535)");
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    /** The HTTPS port, or -1 when HTTPS is off. */
    int httpsPort() {
        return httpsPort;
    }

    /** The HTTPS listener's TLS settings, or null when HTTPS is off. */
    dev.sluice.connector.TlsConfig tls() {
        return tls;
    }

    /** Strict-Transport-Security max-age in seconds, or -1 to send none. */
    long hstsMaxAgeSeconds() {
        return hstsMaxAgeSeconds;
    }

    Path webapps() {
        return webapps;
    }

    Limits limits() {
        return limits;
    }

    /** How often to scan the webapps folder, or null when hot deploy is off. */
    Duration hotDeployInterval() {
        return hotDeployInterval;
    }

    Level logLevel() {
        return logLevel;
    }

    Path logs() {
        return logs;
    }

    /** The realm file of users and roles, or null when the realm is off. */
    Path realm() {
        return realm;
    }

    /** The access log's format, or null when it is off. */
    AccessLogFormat accessLog() {
        return accessLog;
    }

    /** {@code webapp.<name>.maxConcurrentRequests} by context path; webapps not named use the global value. */
    java.util.Map<String, Integer> webappMaxConcurrentRequests() {
        return webappMaxConcurrentRequests;
    }

    /** Behind a proxy or balancer: trusted proxies, PROXY protocol, drain delay, readiness. */
    ScaleOutSettings scaleOut() {
        return scaleOut;
    }

    /** The servlet container settings given (file or flags), by key; absent ones keep their defaults. */
    java.util.Map<String, String> containerSettings() {
        return containerSettings;
    }
}
