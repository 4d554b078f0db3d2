package dev.sluice.springboot.autoconfigure;

import dev.sluice.core.Limits;
import dev.sluice.core.TrustedProxies;
import dev.sluice.servlet.ServletContainer;
import dev.sluice.springboot.SluiceServletWebServerFactory;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Applies {@code server.sluice.*}: every key of Sluice's {@link Limits} ({@code max-threads}, {@code accept-queue},
 * {@code queue-timeout}, {@code max-connections}, ...) and of its servlet container ({@code max-form-bytes},
 * {@code allow-trace}, a container module's), in any of Boot's relaxed spellings ({@code maxThreads},
 * {@code max-threads}, {@code SERVER_SLUICE_MAXTHREADS}), with the values {@code conf/sluice.properties} takes
 * ({@code 20s}, {@code 64KiB}, {@code off}). Also {@code server.max-http-request-header-size} as
 * {@code maxHeaderBytes} unless {@code server.sluice.max-header-bytes} is set, and
 * {@code server.sluice.trusted-proxies} (CIDR blocks whose Forwarded and X-Forwarded-* fields are believed), which
 * {@code server.forward-headers-strategy=native} sets to the private and local ranges when it is not given. An unknown key or a bad value stops
 * the application, naming the property.
 */
final class SluiceSettingsCustomizer implements WebServerFactoryCustomizer<SluiceServletWebServerFactory>, Ordered {
    static final String PREFIX = "server.sluice";
    /** The peers {@code server.forward-headers-strategy=native} trusts by default: private and local ranges. */
    static final String INTERNAL_PROXIES = "10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10, "
            + "169.254.0.0/16, 127.0.0.0/8, ::1, fc00::/7, fe80::/10";
    private static final String TRUSTED_PROXIES = "trustedproxies";

    private final Environment environment;

    SluiceSettingsCustomizer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public int getOrder() {
        return 0;
    }

    @Override
    public void customize(SluiceServletWebServerFactory factory) {
        Binder binder = Binder.get(environment);
        Map<String, String> given = binder.bind(PREFIX, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        Map<String, String> limitKeys = canonical(Limits.propertyKeys());
        Map<String, String> containerKeys = canonical(ServletContainer.Builder.settingKeys());
        Properties limits = new Properties();
        Map<String, String> container = new LinkedHashMap<>();
        String trusted = null;
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (uniform(e.getKey()).equals(TRUSTED_PROXIES)) {
                trusted = e.getValue();
            }
        }
        String strategy = binder.bind("server.forward-headers-strategy", String.class).orElse("none");
        if (trusted == null && strategy.equalsIgnoreCase("native")) {
            trusted = INTERNAL_PROXIES;
        }
        if (trusted != null) {
            try {
                factory.setTrustedProxies(TrustedProxies.parse(trusted));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Invalid " + PREFIX + ".trusted-proxies: " + e.getMessage(), e);
            }
        }
        given.forEach((rawKey, value) -> {
            String key = uniform(rawKey);
            if (key.equals(TRUSTED_PROXIES)) {
                return;
            } else if (limitKeys.containsKey(key)) {
                limits.setProperty(limitKeys.get(key), value);
            } else {
                container.put(containerKeys.getOrDefault(key, camel(rawKey)), value);
            }
        });
        if (!limits.containsKey("maxHeaderBytes")) {
            binder.bind("server.max-http-request-header-size", DataSize.class)
                    .ifBound(size -> limits.setProperty("maxHeaderBytes", Long.toString(size.toBytes())));
        }
        try {
            factory.setLimits(Limits.fromProperties(limits, factory.getLimits()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Invalid " + PREFIX + " setting: " + e.getMessage(), e);
        }
        ServletContainer.Builder check = ServletContainer.builder();
        container.forEach((key, value) -> {
            try {
                check.setting(key, value); // fails now, naming the key, rather than at getWebServer
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Invalid " + PREFIX + "." + key + ": " + e.getMessage()
                        + "; the keys are " + Limits.propertyKeys() + " and "
                        + ServletContainer.Builder.settingKeys(), e);
            }
            factory.addContainerSetting(key, value);
        });
    }

    /** Keys by their uniform form: lower case without dashes or underscores, as Boot compares names. */
    private static Map<String, String> canonical(Iterable<String> keys) {
        Map<String, String> byUniform = new LinkedHashMap<>();
        keys.forEach(k -> byUniform.put(uniform(k), k));
        return byUniform;
    }

    private static String uniform(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** {@code jsp-development} is {@code jspDevelopment}. */
    private static String camel(String key) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : key.toCharArray()) {
            if (c == '-' || c == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }
}
