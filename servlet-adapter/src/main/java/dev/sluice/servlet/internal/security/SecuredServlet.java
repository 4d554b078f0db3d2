package dev.sluice.servlet.internal.security;

import java.util.Collection;

/**
 * What the security constraints need of a servlet to apply its {@code @ServletSecurity} (Servlet 6.1 section
 * 13.4.1): its class when it can be loaded, and its mappings. The runtime's servlet holder implements it.
 */
public interface SecuredServlet {
    /** The servlet's class, or null when it cannot be loaded (the deployment reports that elsewhere). */
    Class<?> classIfLoadable();

    Collection<String> getMappings();
}
