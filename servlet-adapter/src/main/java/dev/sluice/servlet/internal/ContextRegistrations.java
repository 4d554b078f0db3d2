package dev.sluice.servlet.internal;

import dev.sluice.servlet.internal.component.Listeners;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import java.util.Collections;
import java.util.EventListener;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Programmatic registration through the ServletContext (Servlet 6.1 section 4.4): servlets, filters and
 * listeners, open only while the webapp is configuring.
 */
final class ContextRegistrations {
    private final WebApp app;

    ContextRegistrations(WebApp app) {
        this.app = app;
    }

    ServletRegistration.Dynamic addServlet(String name, String className, Class<? extends Servlet> type,
                                           Servlet instance) {
        return add("Servlet", name, app.servlets()::get, className, type, instance,
                () -> app.servlets().register(name, className, type, instance));
    }

    /**
     * Section 4.4.1.4: registers a servlet for a JSP file, served by the JSP module's servlet; without a JSP
     * module the registration exists (mappings, init parameters...) and its requests answer 500 (see
     * {@link ServletHolder}).
     */
    ServletRegistration.Dynamic addJspFile(String name, String jspFile) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("Servlet name must not be empty");
        }
        app.checkConfigurable();
        ServletHolder existing = app.servlets().get(name);
        if (existing != null && existing.hasClass()) {
            return null;
        }
        ServletHolder h = existing != null ? existing : app.servlets().register(name, null, null, null);
        h.setJspFile(jspFile);
        return h;
    }

    FilterRegistration.Dynamic addFilter(String name, String className, Class<? extends Filter> type,
                                         Filter instance) {
        return add("Filter", name, app.filters()::get, className, type, instance, () -> {
            FilterHolder h = new FilterHolder(app, name, className, type, instance);
            app.filters().add(h);
            return h;
        });
    }

    /**
     * A name already registered without a class (a descriptor entry naming none) is completed with the class
     * name, class or instance given, keeping its descriptor settings; a name registered with a class gives null
     * (ServletContext.addServlet and addFilter javadoc, section 4.4.1).
     */
    private <H extends ComponentHolder<?>> H add(String kind, String name, Function<String, H> existingByName,
                                                 String className, Class<?> type, Object instance,
                                                 Supplier<H> create) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(kind + " name must not be empty");
        }
        app.checkConfigurable();
        H existing = existingByName.apply(name);
        if (existing != null) {
            if (existing.hasClass()) {
                return null;
            }
            existing.complete(className, type, instance);
            return existing;
        }
        return create.get();
    }

    Map<String, ? extends ServletRegistration> servletRegistrations() {
        Map<String, ServletHolder> map = new LinkedHashMap<>();
        for (ServletHolder h : app.servlets().all()) {
            map.put(h.getName(), h);
        }
        return Collections.unmodifiableMap(map);
    }

    Map<String, ? extends FilterRegistration> filterRegistrations() {
        return Collections.unmodifiableMap(app.filters().all());
    }

    /** True while a ServletContainerInitializer's onStartup runs: only then may it add a ServletContextListener. */
    private volatile boolean initializerRunning;

    /** A ServletContainerInitializer's onStartup. */
    interface InitializerCall {
        void run() throws ServletException;
    }

    /** Runs an initializer's onStartup, during which ServletContextListeners may be added. */
    void asInitializer(InitializerCall call) throws ServletException {
        initializerRunning = true;
        try {
            call.run();
        } finally {
            initializerRunning = false;
        }
    }

    /**
     * ServletContext.addListener javadoc: a ServletContextListener may be added only by a
     * ServletContainerInitializer; from anywhere else (a listener's contextInitialized) it is refused.
     */
    private void checkContextListener(Class<?> type) {
        if (jakarta.servlet.ServletContextListener.class.isAssignableFrom(type) && !initializerRunning) {
            throw new IllegalArgumentException("Only a ServletContainerInitializer may add the "
                    + "ServletContextListener " + type.getName());
        }
    }

    void addListener(String className) {
        app.checkConfigurable();
        try {
            Class<? extends EventListener> type = app.loadComponentClass(className, EventListener.class);
            checkContextListener(type);
            app.addListener(type);
        } catch (ServletException e) {
            throw new IllegalArgumentException("Cannot add listener " + className + ": " + e.getMessage(), e);
        }
    }

    <T extends EventListener> void addListener(T listener) {
        app.checkConfigurable();
        checkContextListener(listener.getClass());
        app.addListener(listener);
    }

    void addListener(Class<? extends EventListener> listenerClass) {
        app.checkConfigurable();
        checkContextListener(listenerClass);
        try {
            app.addListener(listenerClass);
        } catch (ServletException e) {
            throw new IllegalArgumentException("Cannot add listener " + listenerClass.getName(), e);
        }
    }

    <T extends EventListener> T createListener(Class<T> clazz) throws ServletException {
        if (!Listeners.isListenerType(clazz)) {
            throw new IllegalArgumentException(clazz.getName() + " is not a listener type");
        }
        return app.createComponent(clazz, clazz);
    }
}
