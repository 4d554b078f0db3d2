package dev.sluice.distribution.internal;

import java.util.Collections;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Settings of one webapp by name, {@code webapp.<name>.<setting>} in conf/sluice.properties, as IIS sets
 * {@code appConcurrentRequestLimit} per application. Only {@code maxConcurrentRequests} exists so far: past it,
 * that webapp alone answers 503; the global {@code maxConcurrentRequests} is the default of every other webapp.
 *
 * <p>{@code <name>} is the webapp's name in the webapps folder (folder or .war without the extension), so
 * {@code ROOT} is the root context and {@code shop#admin} is {@code /shop/admin}, as deployment names them.
 */
final class WebappLimits {
    static final String PREFIX = "webapp.";
    static final String MAX_CONCURRENT_REQUESTS = ".maxConcurrentRequests";

    private WebappLimits() {
    }

    /**
     * The per-webapp {@code maxConcurrentRequests} given, by context path ({@code ""} for ROOT); 0 is off for
     * that webapp whatever the global value.
     *
     * @throws StartupException for a bad value or an unknown {@code webapp.*} key, naming it
     */
    static Map<String, Integer> maxConcurrentRequests(Properties settings) {
        Map<String, Integer> limits = new TreeMap<>();
        for (String key : settings.stringPropertyNames()) {
            if (!key.startsWith(PREFIX)) {
                continue;
            }
            if (!key.endsWith(MAX_CONCURRENT_REQUESTS) || key.length() <= PREFIX.length()
                    + MAX_CONCURRENT_REQUESTS.length()) {
                throw new StartupException("Unknown setting " + key
                        + " (per webapp: webapp.<name>.maxConcurrentRequests)");
            }
            String name = key.substring(PREFIX.length(), key.length() - MAX_CONCURRENT_REQUESTS.length());
            limits.put(contextPath(name), value(key, settings.getProperty(key).trim()));
        }
        return Collections.unmodifiableMap(limits);
    }

    /** The context path deployment gives the webapp named {@code name}. */
    static String contextPath(String name) {
        return name.equals("ROOT") ? "" : "/" + name.replace('#', '/');
    }

    private static int value(String key, String value) {
        if (value.equalsIgnoreCase("off")) {
            return 0;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StartupException("Invalid value for " + key + ": '" + value + "' (a count, 0 or off)");
    }
}
