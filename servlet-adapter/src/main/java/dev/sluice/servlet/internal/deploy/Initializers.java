package dev.sluice.servlet.internal.deploy;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The ServletContainerInitializers of one webapp (Servlet 6.1 section 8.2.4): those of the container modules,
 * created at deploy, and those the webapp ships in META-INF/services, loaded at start; with the classes each
 * one's {@code @HandlesTypes} selects from the webapp.
 */
public final class Initializers {
    private final List<ServletContainerInitializer> fromModules;
    private final Map<String, Set<Class<?>>> handlesTypes;
    /** The webapp's own initializers when given in code (an embedded webapp); null: those it ships. */
    private final List<ServletContainerInitializer> given;

    /**
     * @param handlesTypes for each initializer class name, the classes its @HandlesTypes selects (from the
     *                     annotation scan)
     */
    public Initializers(List<ServletContainerInitializer> fromModules, Map<String, Set<Class<?>>> handlesTypes) {
        this.fromModules = List.copyOf(fromModules);
        this.handlesTypes = handlesTypes;
        this.given = null;
    }

    /** An embedded webapp's: its own initializers are {@code given}, and nothing was scanned. */
    public Initializers(List<ServletContainerInitializer> fromModules, List<ServletContainerInitializer> given) {
        this.fromModules = List.copyOf(fromModules);
        this.handlesTypes = Map.of();
        this.given = List.copyOf(given);
    }

    public List<ServletContainerInitializer> fromModules() {
        return fromModules;
    }

    /** What {@code onStartup} of {@code sci} gets: the selected classes, or null when it selects none. */
    public Set<Class<?>> selectedFor(ServletContainerInitializer sci) {
        Set<Class<?>> types = handlesTypes.get(sci.getClass().getName());
        return types == null || types.isEmpty() ? null : new LinkedHashSet<>(types);
    }

    /** The webapp's own initializers: those given in code, else those it ships ({@link #load}). */
    public List<ServletContainerInitializer> fromWebapp(ClassLoader webappLoader) throws ServletException {
        return given != null ? given : load(webappLoader);
    }

    /** The initializers the webapp ships (META-INF/services in WEB-INF/classes and WEB-INF/lib). */
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
