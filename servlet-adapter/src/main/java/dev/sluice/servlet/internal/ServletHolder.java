package dev.sluice.servlet.internal;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.UnavailableException;
import jakarta.servlet.annotation.MultipartConfig;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * One servlet of a webapp: its registration (what the descriptor, annotations or {@code addServlet} said), its
 * {@link ServletConfig}, and its single instance, created and initialized on first use or at start-up for
 * load-on-startup (Servlet 6.1 section 2.3). Thread-safe: any request thread may be the first.
 */
final class ServletHolder implements ServletRegistration.Dynamic, ServletConfig {
    private final WebApp app;
    private final String name;
    private volatile String className;
    private volatile Class<? extends Servlet> servletClass;
    private volatile Servlet instance;
    private volatile boolean initialized;
    private final boolean providedInstance;
    private final Map<String, String> initParams = new LinkedHashMap<>();
    private volatile int loadOnStartup = -1;
    private volatile boolean asyncSupported;
    private volatile MultipartConfigElement multipartConfig;
    private volatile String runAsRole;
    private volatile long unavailableUntil;
    private volatile long initOrder;

    ServletHolder(WebApp app, String name, String className, Class<? extends Servlet> servletClass,
                  Servlet instance) {
        this.app = app;
        this.name = name;
        this.className = className != null ? className
                : servletClass != null ? servletClass.getName() : instance.getClass().getName();
        this.servletClass = servletClass;
        this.instance = instance;
        this.providedInstance = instance != null;
        Class<?> annotated = instance != null ? instance.getClass() : servletClass;
        if (annotated != null) {
            MultipartConfig mc = annotated.getAnnotation(MultipartConfig.class);
            if (mc != null) {
                multipartConfig = new MultipartConfigElement(mc);
            }
        }
    }

    /** The servlet, initialized; the first caller creates and initializes it. */
    Servlet servlet() throws ServletException {
        Servlet s = instance;
        if (initialized) {
            return s;
        }
        synchronized (this) {
            if (!initialized) {
                if (unavailableUntil != 0 && System.currentTimeMillis() < unavailableUntil) {
                    throw new UnavailableException("Servlet " + name + " is unavailable", 1);
                }
                if (instance == null) {
                    instance = app.createComponent(loadClass(), Servlet.class);
                    if (multipartConfig == null) {
                        MultipartConfig mc = instance.getClass().getAnnotation(MultipartConfig.class);
                        if (mc != null) {
                            multipartConfig = new MultipartConfigElement(mc);
                        }
                    }
                }
                try {
                    instance.init(this);
                } catch (UnavailableException e) {
                    unavailableUntil = e.isPermanent() ? Long.MAX_VALUE
                            : System.currentTimeMillis() + 1000L * Math.max(1, e.getUnavailableSeconds());
                    releaseAfterFailedInit();
                    throw e;
                } catch (ServletException | RuntimeException e) {
                    releaseAfterFailedInit();
                    throw e;
                }
                initOrder = app.nextInitOrder();
                initialized = true;
            }
            return instance;
        }
    }

    private void releaseAfterFailedInit() {
        if (!providedInstance) {
            instance = null;
        }
    }

    private Class<? extends Servlet> loadClass() throws ServletException {
        if (servletClass == null) {
            if (className == null) {
                throw new UnavailableException("Servlet " + name + " has no class");
            }
            servletClass = app.loadComponentClass(className, Servlet.class);
        }
        return servletClass;
    }

    boolean isInitialized() {
        return initialized;
    }

    /** When this servlet was initialized relative to the others: destroy runs in the reverse order. */
    long initOrder() {
        return initOrder;
    }

    /** Calls destroy and {@code @PreDestroy}; the holder can be initialized again afterwards. */
    synchronized void destroy() {
        if (initialized) {
            initialized = false;
            Servlet s = instance;
            app.runSafely("destroy of servlet " + name, s::destroy);
            if (!providedInstance) {
                app.runSafely("@PreDestroy of servlet " + name, () -> Lifecycle.preDestroy(s));
                instance = null;
            }
        }
    }

    boolean hasClass() {
        return className != null || servletClass != null || instance != null;
    }

    void setClassName(String className) {
        this.className = className;
    }

    int loadOnStartupValue() {
        return loadOnStartup;
    }

    boolean asyncSupported() {
        return asyncSupported;
    }

    // ServletConfig

    @Override
    public String getServletName() {
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
    public java.util.Enumeration<String> getInitParameterNames() {
        synchronized (initParams) {
            return Collections.enumeration(new LinkedHashSet<>(initParams.keySet()));
        }
    }

    // ServletRegistration.Dynamic

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

    /** Adds mappings; returns the patterns already owned by another servlet, adding none if any is. */
    @Override
    public Set<String> addMapping(String... urlPatterns) {
        if (urlPatterns == null || urlPatterns.length == 0) {
            throw new IllegalArgumentException("No url pattern");
        }
        app.checkConfigurable();
        return app.mapServlet(this, urlPatterns);
    }

    @Override
    public Collection<String> getMappings() {
        return app.mapper().patternsOf(this);
    }

    @Override
    public String getRunAsRole() {
        return runAsRole;
    }

    @Override
    public void setLoadOnStartup(int loadOnStartup) {
        app.checkConfigurable();
        this.loadOnStartup = loadOnStartup;
    }

    @Override
    public Set<String> setServletSecurity(ServletSecurityElement constraint) {
        if (constraint == null) {
            throw new IllegalArgumentException("constraint is null");
        }
        app.checkConfigurable();
        return app.secureServlet(getMappings(), constraint);
    }

    Class<?> classIfLoadable() {
        if (instance != null) {
            return instance.getClass();
        }
        try {
            return loadClass();
        } catch (ServletException e) {
            return null;
        }
    }

    @Override
    public void setMultipartConfig(MultipartConfigElement multipartConfig) {
        if (multipartConfig == null) {
            throw new IllegalArgumentException("multipartConfig is null");
        }
        app.checkConfigurable();
        this.multipartConfig = multipartConfig;
    }

    MultipartConfigElement multipartConfig() {
        return multipartConfig;
    }

    @Override
    public void setRunAsRole(String roleName) {
        app.checkConfigurable();
        this.runAsRole = roleName;
    }

    @Override
    public void setAsyncSupported(boolean isAsyncSupported) {
        app.checkConfigurable();
        this.asyncSupported = isAsyncSupported;
    }

    /** Descriptor values are applied without the start-up state check. */
    void configure(WebAppConfig.ServletDef def) {
        synchronized (initParams) {
            def.initParams.forEach(initParams::putIfAbsent);
        }
        if (def.loadOnStartup != null) {
            loadOnStartup = def.loadOnStartup;
        }
        if (def.asyncSupported != null) {
            asyncSupported = def.asyncSupported;
        }
        if (def.multipart != null) {
            multipartConfig = def.multipart;
        }
    }
}
