package dev.sluice.servlet.internal;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.UnavailableException;
import jakarta.servlet.annotation.MultipartConfig;
import java.util.Collection;
import java.util.Set;

/**
 * One servlet of a webapp: its registration (what the descriptor, annotations or {@code addServlet} said), its
 * {@link ServletConfig}, and its single instance, created and initialized on first use or at start-up for
 * load-on-startup (Servlet 6.1 section 2.3). Thread-safe: any request thread may be the first.
 */
final class ServletHolder extends ComponentHolder<Servlet> implements ServletRegistration.Dynamic, ServletConfig {
    private volatile int loadOnStartup = -1;
    private volatile MultipartConfigElement multipartConfig;
    /** run-as and @RunAs are recorded, not enforced: Sluice calls no Jakarta Enterprise Beans to propagate to. */
    private volatile String runAsRole;
    private volatile java.util.Map<String, String> roleRefs = java.util.Map.of();
    private volatile long unavailableUntil;
    private volatile long initOrder;
    /** The {@code <jsp-file>} or addJspFile path this servlet stands for, when it has no class of its own. */
    private volatile String jspFile;

    ServletHolder(WebApp app, String name, String className, Class<? extends Servlet> servletClass,
                  Servlet instance) {
        super(app, name, className, servletClass, instance);
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
                if (instance == null && className == null && type == null && jspFile != null) {
                    instance = new JspUnsupportedServlet(jspFile);
                } else if (instance == null) {
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
        if (type == null) {
            if (className == null) {
                throw new UnavailableException("Servlet " + name + " has no class");
            }
            type = app.loadComponentClass(className, Servlet.class);
        }
        return type;
    }

    /** Makes this a JSP servlet: without a JSP engine it deploys, and its requests answer 500. */
    void setJspFile(String jspFile) {
        this.jspFile = jspFile;
    }

    @Override
    boolean hasClass() {
        return jspFile != null || super.hasClass();
    }

    boolean isInitialized() {
        return initialized;
    }

    /** When this servlet was initialized relative to the others: destroy runs in the reverse order. */
    long initOrder() {
        return initOrder;
    }

    @Override
    String kind() {
        return "servlet";
    }

    @Override
    void destroyInstance(Servlet servlet) {
        servlet.destroy();
    }

    int loadOnStartupValue() {
        return loadOnStartup;
    }

    // ServletConfig

    @Override
    public String getServletName() {
        return name;
    }

    // ServletRegistration.Dynamic

    /** Adds mappings; returns the patterns already owned by another servlet, adding none if any is. */
    @Override
    public Set<String> addMapping(String... urlPatterns) {
        if (urlPatterns == null || urlPatterns.length == 0) {
            throw new IllegalArgumentException("No url pattern");
        }
        app.checkConfigurable();
        return app.servlets().map(this, urlPatterns);
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

    /** security-role-ref: role name used in code to its role-link (Servlet 6.1 section 13.3). */
    java.util.Map<String, String> roleRefs() {
        return roleRefs;
    }

    MultipartConfigElement multipartConfig() {
        return multipartConfig;
    }

    @Override
    public void setRunAsRole(String roleName) {
        app.checkConfigurable();
        this.runAsRole = roleName;
    }

    /** Descriptor values are applied without the start-up state check. */
    void configure(WebAppConfig.ServletDef def) {
        configure(def.initParams, def.asyncSupported);
        if (def.loadOnStartup != null) {
            loadOnStartup = def.loadOnStartup;
        }
        if (def.multipart != null) {
            multipartConfig = def.multipart;
        }
        roleRefs = java.util.Map.copyOf(def.roleRefs);
    }
}
