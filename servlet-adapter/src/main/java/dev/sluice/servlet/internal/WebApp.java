package dev.sluice.servlet.internal;

import dev.sluice.servlet.internal.component.AppScope;
import dev.sluice.servlet.internal.component.Lifecycle;
import dev.sluice.servlet.internal.component.Listeners;
import dev.sluice.servlet.internal.deploy.ContainerSettings;
import dev.sluice.servlet.internal.deploy.Initializers;
import dev.sluice.servlet.internal.deploy.Resources;
import dev.sluice.servlet.internal.deploy.WebAppConfig;
import dev.sluice.servlet.internal.deploy.WebappClassLoader;
import dev.sluice.servlet.internal.deploy.WorkDirs;
import dev.sluice.servlet.internal.dispatch.RequestSlots;
import dev.sluice.servlet.internal.mapping.ServletMapper;
import dev.sluice.servlet.internal.security.SecurityConstraints;
import dev.sluice.servlet.internal.session.MemorySessionStore;
import dev.sluice.servlet.internal.session.SessionManager;
import dev.sluice.servlet.internal.upgrade.UpgradedConnections;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletSecurityElement;
import jakarta.servlet.UnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EventListener;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One deployed webapp: its class loader, registrations and lifecycle (Servlet 6.1 chapter 10). Start-up runs,
 * in order: descriptor and annotation registrations, ServletContainerInitializers (the container modules', then
 * the webapp's), ServletContextListeners, filters, load-on-startup servlets. Registration methods are open only
 * until the listeners have run.
 */
public final class WebApp implements AppScope {
    static final Logger LOG = Logger.getLogger("dev.sluice.servlet");

    enum State { NEW, CONFIGURING, STARTED, STOPPED }

    private final String contextPath;
    private final Path root;
    private final WebappClassLoader loader;
    private final WebAppConfig config;
    private final ContainerSettings settings;
    private final Function<String, WebApp> contexts;
    private final Initializers initializers;
    private final ServletContextImpl context;
    private final ServletRegistry servlets = new ServletRegistry(this);
    private final FilterRegistry filters = new FilterRegistry();
    private final Listeners listeners = new Listeners();
    private final Resources resources;
    private final SessionManager sessions;
    private final RequestSlots slots;
    private final UpgradedConnections upgraded = new UpgradedConnections();
    private final Invoker invoker;
    private final SecurityConstraints security = new SecurityConstraints(() -> config().declaredRoles);
    private final Authenticator authenticator;
    private volatile State state = State.NEW;
    /** The listeners of web.xml, fragments and {@code @WebListener}; the others were added programmatically. */
    private final Set<EventListener> declaredListeners = Collections.newSetFromMap(
            new IdentityHashMap<>());
    private volatile boolean undeclaredListenerRunning;
    private final AtomicLong initCounter = new AtomicLong();

    /** @param contexts finds another webapp by URI, for ServletContext.getContext */
    public WebApp(String contextPath, Path root, WebappClassLoader loader, WebAppConfig config,
                  ContainerSettings settings, Initializers initializers, Function<String, WebApp> contexts) {
        this.contextPath = contextPath;
        this.root = root;
        this.loader = loader;
        this.config = config;
        this.settings = settings;
        this.initializers = initializers;
        this.contexts = contexts;
        this.resources = new Resources(root, loader);
        this.context = new ServletContextImpl(this);
        this.sessions = settings.sessionPersistence() == null
                ? new SessionManager(this, settings.clock(), new MemorySessionStore())
                : new SessionManager(this, settings.clock(), settings.sessionPersistence().apply(contextPath));
        this.slots = new RequestSlots(settings.maxConcurrentRequestsFor(contextPath));
        this.invoker = new Invoker(this);
        this.authenticator = new Authenticator(this, security, settings.realm());
    }

    @Override
    public String contextPath() {
        return contextPath;
    }

    public Path root() {
        return root;
    }

    /** Starts the webapp; on failure it is stopped again and the cause thrown. */
    public void start() throws ServletException {
        ClassLoader previous = enter();
        try {
            state = State.CONFIGURING;
            context.setAttribute(jakarta.servlet.ServletContext.TEMPDIR,
                    WorkDirs.tempDir(settings.workDir(), contextPath).toFile());
            applyDescriptor();
            runInitializers();
            ServletContextEvent event = new ServletContextEvent(context);
            listeners.each(ServletContextListener.class, l -> {
                // Section 4.4: a listener added programmatically may not configure the webapp.
                undeclaredListenerRunning = !declaredListeners.contains(l);
                try {
                    l.contextInitialized(event);
                } finally {
                    undeclaredListenerRunning = false;
                }
            });
            security.configure(config, servlets.all(), displayPath());
            servlets.addContainerDefault();
            state = State.STARTED;
            filters.initAll();
            servlets.loadOnStartup();
            sessions.start();
        } catch (ServletException | RuntimeException e) {
            stop();
            throw e;
        } finally {
            AppScope.exit(previous);
        }
    }

    private void applyDescriptor() throws ServletException {
        for (WebAppConfig.ServletDef def : config.servlets.values()) {
            if (!def.enabled) {
                continue;
            }
            ServletHolder h = servlets.register(def.name, def.className, null, null);
            if (def.className == null && def.jspFile != null) {
                h.setJspFile(def.jspFile);
            }
            h.configure(def);
            Set<String> conflicts = servlets.map(h, def.mappings.toArray(new String[0]));
            if (!conflicts.isEmpty()) {
                throw new UnavailableException("url-pattern " + conflicts + " mapped to two servlets");
            }
        }
        for (WebAppConfig.FilterDef def : config.filters.values()) {
            FilterHolder h = new FilterHolder(this, def.name, def.className, null, null);
            h.configure(def);
            filters.add(h);
        }
        for (WebAppConfig.FilterMappingDef def : config.filterMappings) {
            FilterHolder h = filters.get(def.filterName);
            if (h == null) {
                throw new UnavailableException("filter-mapping names undeclared filter " + def.filterName);
            }
            filters.addMapping(new FilterMap(h, def.urlPatterns, def.servletNames, def.dispatchers), false);
        }
        for (String listener : config.listeners) {
            declaredListeners.add(addListener(loadComponentClass(listener, EventListener.class)));
        }
    }

    /** Adds a servlet's constraints on its patterns not constrained by web.xml; returns those that were. */
    Set<String> secureServlet(Collection<String> patterns, ServletSecurityElement element) {
        return security.addUndescribed(config.securityConstraints, patterns, element);
    }

    Authenticator authenticator() {
        return authenticator;
    }

    /**
     * Section 8.2.4: each initializer gets the classes its @HandlesTypes selects; the container modules' run
     * first, and the mappings of the servlets they add yield to the webapp's own.
     */
    private void runInitializers() throws ServletException {
        for (ServletContainerInitializer sci : initializers.fromModules()) {
            servlets.asModule(() -> context.registrations().asInitializer(
                    () -> sci.onStartup(initializers.selectedFor(sci), context)));
        }
        for (ServletContainerInitializer sci : initializers.fromWebapp(loader)) {
            context.registrations().asInitializer(() -> sci.onStartup(initializers.selectedFor(sci), context));
        }
    }

    /** Destroys servlets, filters, sessions and listeners (reverse order), then closes the class loader. */
    public void stop() {
        if (state == State.STOPPED) {
            return;
        }
        boolean wasInitialized = state == State.STARTED;
        state = State.STOPPED;
        ClassLoader previous = enter();
        try {
            servlets.destroyAll();
            filters.destroyAll();
            sessions.stop();
            if (wasInitialized) {
                ServletContextEvent event = new ServletContextEvent(context);
                listeners.eachReverse(ServletContextListener.class, l -> runSafely(
                        "contextDestroyed of " + l.getClass().getName(), () -> l.contextDestroyed(event)));
            }
            // After the webapp's own shutdown (a WebSocket module closes its sessions with 1001 there), and while
            // the classes are still loaded: what is left is closed, its handlers destroyed.
            upgraded.closeAll(Duration.ofSeconds(10), displayPath());
            List<EventListener> all = new ArrayList<>(listeners.all());
            for (int i = all.size() - 1; i >= 0; i--) {
                EventListener l = all.get(i);
                runSafely("@PreDestroy of " + l.getClass().getName(), () -> Lifecycle.preDestroy(l));
            }
            listeners.clear();
        } finally {
            AppScope.exit(previous);
            resources.close();
            try {
                loader.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Closing the class loader of " + displayPath() + " failed", e);
            }
        }
    }

    UpgradedConnections upgradedConnections() {
        return upgraded;
    }

    // Registration, shared by the descriptor, annotations and ServletContext.add*

    ServletRegistry servlets() {
        return servlets;
    }

    EventListener addListener(Class<? extends EventListener> type) throws ServletException {
        if (!Listeners.isListenerType(type)) {
            throw new IllegalArgumentException(type.getName() + " is not a listener type");
        }
        EventListener listener = createComponent(type, EventListener.class);
        listeners.add(listener);
        return listener;
    }

    void addListener(EventListener listener) {
        if (!Listeners.isListenerType(listener.getClass())) {
            throw new IllegalArgumentException(listener.getClass().getName() + " is not a listener type");
        }
        listeners.add(listener);
    }

    /**
     * @throws UnsupportedOperationException inside contextInitialized of a ServletContextListener that was neither
     *     declared in a descriptor nor annotated with {@code @WebListener} (Servlet 6.1 section 4.4)
     */
    void checkDeclaredListener() {
        if (undeclaredListenerRunning) {
            throw new UnsupportedOperationException(
                    "A ServletContextListener added programmatically may not configure the webapp");
        }
    }

    @Override
    public void checkConfigurable() {
        if (state != State.CONFIGURING) {
            throw new IllegalStateException("The ServletContext of " + displayPath() + " is already initialized");
        }
    }

    boolean isConfiguring() {
        return state == State.CONFIGURING;
    }

    /** Loads a webapp class that must be a {@code required}. */
    <T> Class<? extends T> loadComponentClass(String className, Class<T> required) throws ServletException {
        try {
            Class<?> c = Class.forName(className, false, loader);
            if (!required.isAssignableFrom(c)) {
                throw new UnavailableException(className + " is not a " + required.getName());
            }
            return c.asSubclass(required);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ServletException("Cannot load " + className, e);
        }
    }

    /** A new instance with its @PostConstruct run, under the webapp's context class loader. */
    <T> T createComponent(Class<? extends T> type, Class<T> required) throws ServletException {
        ClassLoader previous = enter();
        try {
            return required.cast(Lifecycle.create(type));
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ServletException("Cannot create " + type.getName(), cause);
        } finally {
            AppScope.exit(previous);
        }
    }

    @Override
    public void runSafely(String what, ThrowingRunnable action) {
        try {
            action.run();
        } catch (Throwable e) {
            LOG.log(Level.WARNING, what + " in " + displayPath() + " failed", e);
        }
    }

    @Override
    public String displayPath() {
        return contextPath.isEmpty() ? "/" : contextPath;
    }

    RequestSlots slots() {
        return slots;
    }

    /**
     * Waits until no request is in service or suspended here, at most {@code limit} (undeploy lets requests
     * finish before destroying what serves them, as Tomcat's unloadDelay). Returns how many were still running.
     */
    public int drain(Duration limit) throws InterruptedException {
        return slots.drain(limit);
    }

    long nextInitOrder() {
        return initCounter.incrementAndGet();
    }

    /** Requests in async mode: suspended, holding no worker thread. */
    public AtomicInteger suspendedRequests() {
        return slots.suspended();
    }

    WebApp otherContext(String uri) {
        return contexts.apply(uri);
    }

    @Override
    public ServletContextImpl context() {
        return context;
    }

    public Invoker invoker() {
        return invoker;
    }

    ServletMapper<ServletHolder> mapper() {
        return servlets.mapper();
    }

    FilterRegistry filters() {
        return filters;
    }

    @Override
    public Listeners listeners() {
        return listeners;
    }

    @Override
    public WebAppConfig config() {
        return config;
    }

    @Override
    public ContainerSettings settings() {
        return settings;
    }

    Resources resources() {
        return resources;
    }

    /** Sessions of this webapp that have not ended (the count maxActiveSessions bounds). */
    public int activeSessions() {
        return sessions.active();
    }

    SessionManager sessions() {
        return sessions;
    }

    @Override
    public WebappClassLoader loader() {
        return loader;
    }

    @Override
    public String toString() {
        return "webapp " + displayPath();
    }
}
