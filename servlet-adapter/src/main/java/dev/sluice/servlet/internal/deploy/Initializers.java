package dev.sluice.servlet.internal.deploy;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds the ServletContainerInitializers a webapp ships (Servlet 6.1 section 8.2.4: META-INF/services). */
public final class Initializers {
    private Initializers() {
    }

    public static List<ServletContainerInitializer> load(ClassLoader webappLoader) throws ServletException {
        List<ServletContainerInitializer> list = new ArrayList<>();
        try {
            for (ServletContainerInitializer sci : ServiceLoader.load(ServletContainerInitializer.class,
                    webappLoader)) {
                list.add(sci);
            }
        } catch (ServiceConfigurationError e) {
            throw new ServletException("A ServletContainerInitializer cannot be loaded: " + e.getMessage(), e);
        }
        return list;
    }
}
