package dev.sluice.servlet.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One filter of a webapp: registration, {@link FilterConfig} and its single instance, initialized when the
 * webapp starts (Servlet 6.1 section 6.2.1: before the first request).
 */
final class FilterHolder implements FilterRegistration.Dynamic, FilterConfig {
    private final WebApp app;
    private final String name;
    private volatile String className;
    private volatile Class<? extends Filter> filterClass;
    private volatile Filter instance;
    private final boolean providedInstance;
    private volatile boolean initialized;
    private final Map<String, String> initParams = new LinkedHashMap<>();
    private volatile boolean asyncSupported;

    FilterHolder(WebApp app, String name, String className, Class<? extends Filter> filterClass, Filter instance) {
        this.app = app;
        this.name = name;
        this.className = className != null ? className
                : filterClass != null ? filterClass.getName() : instance.getClass().getName();
        this.filterClass = filterClass;
        this.instance = instance;
        this.providedInstance = instance != null;
    }

    synchronized Filter filter() throws ServletException {
        if (!initialized) {
            if (instance == null) {
                if (filterClass == null) {
                    filterClass = app.loadComponentClass(className, Filter.class);
                }
                instance = app.createComponent(filterClass, Filter.class);
            }
            instance.init(this);
            initialized = true;
        }
        return instance;
    }

    synchronized void destroy() {
        if (initialized) {
            initialized = false;
            Filter f = instance;
            app.runSafely("destroy of filter " + name, f::destroy);
            if (!providedInstance) {
                app.runSafely("@PreDestroy of filter " + name, () -> Lifecycle.preDestroy(f));
                instance = null;
            }
        }
    }

    boolean asyncSupported() {
        return asyncSupported;
    }

    void setClassName(String className) {
        this.className = className;
    }

    boolean hasClass() {
        return className != null || filterClass != null || instance != null;
    }

    void configure(WebAppConfig.FilterDef def) {
        synchronized (initParams) {
            def.initParams.forEach(initParams::putIfAbsent);
        }
        if (def.asyncSupported != null) {
            asyncSupported = def.asyncSupported;
        }
    }

    @Override
    public String getFilterName() {
        return name;
    }

    @Override
    public ServletContext getServletContext() {
        return app.context();
    }

    @Override
    public String getInitParameter(String key) {
        synchronized (initParams) {
            return initParams.get(key);
        }
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        synchronized (initParams) {
            return Collections.enumeration(new LinkedHashSet<>(initParams.keySet()));
        }
    }

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

    @Override
    public void addMappingForServletNames(EnumSet<DispatcherType> dispatcherTypes, boolean isMatchAfter,
                                          String... servletNames) {
        if (servletNames == null || servletNames.length == 0) {
            throw new IllegalArgumentException("No servlet names");
        }
        app.checkConfigurable();
        app.filters().addMapping(new FilterMap(this, List.of(), List.of(servletNames), dispatcherTypes),
                isMatchAfter);
    }

    @Override
    public Collection<String> getServletNameMappings() {
        return app.filters().servletNamesOf(this);
    }

    @Override
    public void addMappingForUrlPatterns(EnumSet<DispatcherType> dispatcherTypes, boolean isMatchAfter,
                                         String... urlPatterns) {
        if (urlPatterns == null || urlPatterns.length == 0) {
            throw new IllegalArgumentException("No url patterns");
        }
        for (String p : urlPatterns) {
            if (!ServletMapper.isValid(p)) {
                throw new IllegalArgumentException("Invalid url-pattern '" + p + "'");
            }
        }
        app.checkConfigurable();
        app.filters().addMapping(new FilterMap(this, List.of(urlPatterns), List.of(), dispatcherTypes),
                isMatchAfter);
    }

    @Override
    public Collection<String> getUrlPatternMappings() {
        return app.filters().urlPatternsOf(this);
    }
}
