package dev.sluice.servlet.internal;

import dev.sluice.servlet.internal.mapping.ServletMapper;
import dev.sluice.servlet.internal.staticfiles.DefaultServlet;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;

/**
 * The servlets of a webapp by name, their url-pattern mappings, and the order they load (load-on-startup,
 * Servlet 6.1 section 8.2.3) and are destroyed (reverse of initialization).
 */
final class ServletRegistry {
    private final WebApp app;
    private final ServletMapper<ServletHolder> mapper = new ServletMapper<>();
    private final Map<String, ServletHolder> servlets = new LinkedHashMap<>();
    /**
     * The container's servlets: its DefaultServlet and those container modules add. Their mappings yield: a
     * pattern the webapp maps too goes to the webapp's servlet, whichever was mapped first.
     */
    private final Set<ServletHolder> yielding = new HashSet<>();
    private volatile boolean moduleRunning;

    ServletRegistry(WebApp app) {
        this.app = app;
    }

    ServletMapper<ServletHolder> mapper() {
        return mapper;
    }

    synchronized ServletHolder register(String name, String className, Class<? extends Servlet> type,
                                        Servlet instance) {
        ServletHolder h = new ServletHolder(app, name, className, type, instance);
        servlets.put(name, h);
        if (moduleRunning) {
            yielding.add(h);
        }
        return h;
    }

    /** Runs a container module's initializer: the servlets it registers are the container's (they yield). */
    void asModule(ContextRegistrations.InitializerCall call) throws ServletException {
        moduleRunning = true;
        try {
            call.run();
        } finally {
            moduleRunning = false;
        }
    }

    /** Whether {@code h} is the container's (its DefaultServlet, or a container module's) rather than the webapp's. */
    synchronized boolean isContainers(ServletHolder h) {
        return yielding.contains(h);
    }

    synchronized ServletHolder get(String name) {
        return servlets.get(name);
    }

    synchronized List<ServletHolder> all() {
        return new ArrayList<>(servlets.values());
    }

    /**
     * Maps patterns to {@code holder}; none if any is owned by another of the webapp's servlets (returned). A
     * container servlet's pattern goes to a webapp servlet that maps it; a container servlet skips a pattern
     * already taken, without a conflict.
     */
    synchronized Set<String> map(ServletHolder holder, String... patterns) {
        Set<String> conflicts = new LinkedHashSet<>();
        boolean yields = yielding.contains(holder);
        for (String p : patterns) {
            if (!ServletMapper.isValid(p)) {
                throw new IllegalArgumentException("Invalid url-pattern '" + p + "'");
            }
            ServletHolder owner = mapper.owner(p);
            if (owner != null && owner != holder && !yields && !yielding.contains(owner)) {
                conflicts.add(p);
            }
        }
        if (conflicts.isEmpty()) {
            for (String p : patterns) {
                ServletHolder owner = mapper.owner(p);
                if (!yields || owner == null) {
                    mapper.add(p, holder);
                }
            }
        }
        return conflicts;
    }

    /**
     * The container's static-file servlet, registered as {@code default} as Tomcat's and Jetty's are (Spring's
     * {@code DefaultServletHttpRequestHandler} forwards to it by that name), and mapped to "/" unless the webapp
     * maps "/" itself. A webapp servlet named {@code default} wins the name and, as on those two, also gets "/"
     * when no other servlet has it.
     */
    synchronized void addContainerDefault() {
        ServletHolder holder = servlets.get("default");
        if (holder == null) {
            holder = register("default", null, DefaultServlet.class, null);
            holder.setAsyncSupported(true);
            yielding.add(holder);
        }
        if (!mapper.hasDefault()) {
            mapper.add("/", holder);
        }
    }

    /** Initializes the load-on-startup servlets, lowest value first. */
    void loadOnStartup() {
        List<ServletHolder> ordered = new ArrayList<>();
        for (ServletHolder h : all()) {
            if (h.loadOnStartupValue() >= 0) {
                ordered.add(h);
            }
        }
        ordered.sort(Comparator.comparingInt(ServletHolder::loadOnStartupValue));
        for (ServletHolder h : ordered) {
            try {
                h.servlet();
            } catch (ServletException | RuntimeException e) {
                // As Tomcat: a servlet that fails to load is logged; the webapp still starts.
                WebApp.LOG.log(Level.SEVERE,
                        "Servlet " + h.getName() + " of " + app.displayPath() + " failed to load", e);
            }
        }
    }

    /** Destroys the servlets, the last initialized first. */
    void destroyAll() {
        List<ServletHolder> list = all();
        list.sort(Comparator.comparingLong(ServletHolder::initOrder).reversed());
        for (ServletHolder h : list) {
            h.destroy();
        }
    }
}
