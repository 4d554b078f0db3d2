package dev.sluice.servlet.internal;

import dev.sluice.servlet.internal.deploy.WebAppConfig;
import dev.sluice.servlet.internal.module.JspUnsupportedServlet;
import dev.sluice.servlet.internal.security.SecuredServlet;
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
final class ServletHolder extends ComponentHolder<Servlet> implements ServletRegistration.Dynamic, ServletConfig,
        SecuredServlet {
    /** The name of the JSP engine's servlet, which serves {@code <jsp-file>} servlets. */
    static final String JSP_SERVLET = "jsp";

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
        readMultipartConfig(instance != null ? instance.getClass() : servletClass);
    }

    private void readMultipartConfig(Class<?> annotated) {
        if (annotated != null && multipartConfig == null) {
            MultipartConfig mc = annotated.getAnnotation(MultipartConfig.class);
            if (mc != null) {
                multipartConfig = new MultipartConfigElement(mc);
            }
        }
    }

    @Override
    void complete(String className, Class<?> type, Object instance) {
        super.complete(className, type, instance);
        readMultipartConfig(instance != null ? instance.getClass() : type);
    }

    /** The servlet, initialized; the first caller creates and initializes it. */
    Servlet servlet() throws ServletException {
        Servlet s = instance;
        if (unavailableUntil != 0) {
            checkAvailable(); // a temporary UnavailableException from service holds for its seconds
        }
        if (initialized) {
            return s;
        }
        synchronized (this) {
            if (!initialized) {
                checkAvailable();
                if (instance == null && className == null && type == null && jspFile != null) {
                    instance = jspFileServlet();
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

    /**
     * A {@code <jsp-file>} servlet is an instance of the JSP engine's servlet, the one named {@code jsp} (as in
     * Tomcat's and Jetty's default descriptors, usually added by a JSP container module), with the page as its
     * {@code jspFile} init parameter. Without one it answers 500 "JSP is not supported".
     */
    private Servlet jspFileServlet() throws ServletException {
        ServletHolder engine = app.servlets().get(JSP_SERVLET);
        if (engine == null || engine == this || engine.jspFile != null || !engine.hasClass()) {
            return new JspUnsupportedServlet(jspFile);
        }
        configure(java.util.Map.of("jspFile", jspFile), null);
        Servlet shared = engine.instance;
        return app.createComponent(shared != null ? shared.getClass() : engine.loadClass(), Servlet.class);
    }

    /** Refuses a request while the servlet is unavailable, saying whether for good (404) or for a while (503). */
    private void checkAvailable() throws UnavailableException {
        long until = unavailableUntil;
        if (until == Long.MAX_VALUE) {
            throw new UnavailableException("Servlet " + name + " is permanently unavailable");
        }
        long left = until - System.currentTimeMillis();
        if (until != 0 && left > 0) {
            throw new UnavailableException("Servlet " + name + " is unavailable", (int) ((left + 999) / 1000));
        }
    }

    /**
     * service threw UnavailableException (Servlet 6.1 section 2.3.3.2): a permanent one takes the servlet out of
     * service (destroyed, released; later requests get 404), a temporary one refuses requests for its seconds.
     */
    void unavailable(UnavailableException e) {
        if (!e.isPermanent()) {
            unavailableUntil = System.currentTimeMillis() + 1000L * Math.max(1, e.getUnavailableSeconds());
            return;
        }
        Servlet destroyed = null;
        synchronized (this) {
            if (unavailableUntil != Long.MAX_VALUE) {
                unavailableUntil = Long.MAX_VALUE;
                if (initialized) {
                    destroyed = instance;
                    initialized = false;
                    releaseAfterFailedInit();
                }
            }
        }
        if (destroyed != null) {
            try {
                destroyInstance(destroyed);
            } catch (RuntimeException ex) {
                WebApp.LOG.log(java.util.logging.Level.WARNING, "destroy of unavailable servlet " + name + " failed", ex);
            }
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

    @Override
    public Class<?> classIfLoadable() {
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
