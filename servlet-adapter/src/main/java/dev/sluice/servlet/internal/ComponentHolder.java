package dev.sluice.servlet.internal;

import dev.sluice.servlet.internal.component.Lifecycle;
import jakarta.servlet.Registration;
import jakarta.servlet.ServletContext;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a servlet and a filter registration share (Servlet 6.1 section 4.4): name, class, init parameters, async
 * support, and the single instance with its destroy. The subclass creates and initializes the instance.
 *
 * @param <T> Servlet or Filter
 */
abstract class ComponentHolder<T> implements Registration.Dynamic {
    final WebApp app;
    final String name;
    volatile String className;
    volatile Class<? extends T> type;
    volatile T instance;
    volatile boolean initialized;
    /** An instance handed to addServlet/addFilter belongs to the caller: destroyed, but never released. */
    volatile boolean providedInstance;
    private final Map<String, String> initParams = new LinkedHashMap<>();
    private volatile boolean asyncSupported;

    ComponentHolder(WebApp app, String name, String className, Class<? extends T> type, T instance) {
        this.app = app;
        this.name = name;
        this.className = classNameOf(className, type, instance);
        this.type = type;
        this.instance = instance;
        this.providedInstance = instance != null;
    }

    /**
     * The class name a registration is known by: the one given, else that of the class or the instance; null
     * for a descriptor entry that names no class (yet).
     */
    static String classNameOf(String className, Class<?> type, Object instance) {
        return className != null ? className : type != null ? type.getName()
                : instance != null ? instance.getClass().getName() : null;
    }

    /** "servlet" or "filter", for log lines. */
    abstract String kind();

    /** The component's own destroy method. */
    abstract void destroyInstance(T component) throws Exception;

    /** Calls destroy and {@code @PreDestroy}; the holder can be initialized again afterwards. */
    synchronized void destroy() {
        if (initialized) {
            initialized = false;
            T c = instance;
            app.runSafely("destroy of " + kind() + " " + name, () -> destroyInstance(c));
            if (!providedInstance) {
                app.runSafely("@PreDestroy of " + kind() + " " + name, () -> Lifecycle.preDestroy(c));
                instance = null;
            }
        }
    }

    boolean hasClass() {
        return className != null || type != null || instance != null;
    }

    /**
     * Completes a registration declared without a class (a descriptor entry naming none) with what
     * addServlet/addFilter was given: a class name, a class or an instance.
     */
    @SuppressWarnings("unchecked")
    void complete(String className, Class<?> type, Object instance) {
        this.className = classNameOf(className, type, instance);
        this.type = (Class<? extends T>) type;
        this.instance = (T) instance;
        this.providedInstance = instance != null;
    }

    boolean asyncSupported() {
        return asyncSupported;
    }

    /** Descriptor values are applied without the start-up state check; earlier ones win. */
    void configure(Map<String, String> descriptorInitParams, Boolean descriptorAsyncSupported) {
        synchronized (initParams) {
            descriptorInitParams.forEach(initParams::putIfAbsent);
        }
        if (descriptorAsyncSupported != null) {
            asyncSupported = descriptorAsyncSupported;
        }
    }

    // ServletConfig / FilterConfig

    public ServletContext getServletContext() {
        return app.context();
    }

    @Override
    public String getInitParameter(String key) {
        synchronized (initParams) {
            return initParams.get(key);
        }
    }

    public Enumeration<String> getInitParameterNames() {
        synchronized (initParams) {
            return Collections.enumeration(new LinkedHashSet<>(initParams.keySet()));
        }
    }

    // Registration.Dynamic

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getClassName() {
        return className;
    }

    @Override
    public boolean setInitParameter(String key, String value) {
        if (key == null || value == null) {
            throw new IllegalArgumentException("Init parameter name and value must not be null");
        }
        app.checkConfigurable();
        synchronized (initParams) {
            return initParams.putIfAbsent(key, value) == null;
        }
    }

    @Override
    public Map<String, String> getInitParameters() {
        synchronized (initParams) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(initParams));
        }
    }

    /** Sets all or none: returns the names already set, adding nothing if there is any. */
    @Override
    public Set<String> setInitParameters(Map<String, String> params) {
        app.checkConfigurable();
        Set<String> conflicts = new LinkedHashSet<>();
        synchronized (initParams) {
            for (Map.Entry<String, String> e : params.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    throw new IllegalArgumentException("Init parameter name and value must not be null");
                }
                if (initParams.containsKey(e.getKey())) {
                    conflicts.add(e.getKey());
                }
            }
            if (conflicts.isEmpty()) {
                initParams.putAll(params);
            }
        }
        return conflicts;
    }

    @Override
    public void setAsyncSupported(boolean isAsyncSupported) {
        app.checkConfigurable();
        this.asyncSupported = isAsyncSupported;
    }
}
