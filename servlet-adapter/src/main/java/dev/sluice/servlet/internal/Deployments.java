package dev.sluice.servlet.internal;

import dev.sluice.servlet.EmbeddedWebapp;
import dev.sluice.servlet.internal.deploy.ContainerSettings;
import dev.sluice.servlet.internal.deploy.WarUnpacker;
import dev.sluice.servlet.internal.deploy.WebappSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The webapps deployed in one container, by context path: deploys (a folder, a .war or an embedded webapp),
 * undeploys with a drain, and finds the webapp of a request path by longest context-path prefix (Servlet 6.1
 * section 12.1).
 *
 * <p>Thread-safe: deploy and undeploy are serialized on this object; {@link #find} reads an immutable list
 * replaced on each change, so requests never wait for a deployment.
 */
public final class Deployments {
    private static final Logger LOG = Logger.getLogger("dev.sluice.servlet");

    private final ContainerSettings settings;
    private final ClassLoader containerLoader;
    private final Duration undeployDrain;
    private final dev.sluice.servlet.internal.deploy.WarLimits warLimits;
    private final Map<String, WebApp> apps = new ConcurrentHashMap<>();
    private volatile List<WebApp> byLength = List.of();

    public Deployments(ContainerSettings settings, ClassLoader containerLoader, Duration undeployDrain,
                       dev.sluice.servlet.internal.deploy.WarLimits warLimits) {
        this.settings = settings;
        this.containerLoader = containerLoader;
        this.undeployDrain = undeployDrain;
        this.warLimits = warLimits;
    }

    /** Deploys an exploded folder or a .war (unpacked into the work directory); returns its context path. */
    public String deploy(Path webapp) throws IOException {
        String fileName = webapp.getFileName().toString();
        boolean war = WebappSources.isWar(webapp);
        String name = WebappSources.name(webapp);
        String contextPath = WebappSources.contextPath(name);
        if (!war && !Files.isDirectory(webapp)) {
            throw new IOException(webapp + " is neither a folder nor a .war file");
        }
        synchronized (this) {
            refuseTaken(contextPath);
            Path root = war ? WarUnpacker.unpack(webapp, settings.workDir().resolve(name), warLimits) : webapp;
            WebApp app = Deployer.create(root.toAbsolutePath(), contextPath, settings, this::find, containerLoader);
            start(app, fileName);
            return contextPath;
        }
    }

    /** Deploys a webapp defined in code; its initializers run now, on this thread. Returns its context path. */
    public String deploy(EmbeddedWebapp embedded) throws IOException {
        String contextPath = embedded.contextPath();
        synchronized (this) {
            refuseTaken(contextPath);
            Path root = embedded.documentRoot();
            if (root == null) {
                String name = contextPath.isEmpty() ? "ROOT" : contextPath.substring(1).replace('/', '#');
                root = Files.createDirectories(settings.workDir().resolve("embedded").resolve(name));
            }
            WebApp app = Deployer.createEmbedded(embedded, root.toAbsolutePath(), settings, this::find);
            start(app, app.displayPath());
            return contextPath;
        }
    }

    private void refuseTaken(String contextPath) throws IOException {
        if (apps.containsKey(contextPath)) {
            throw new IOException("Context path '" + contextPath + "' is already deployed");
        }
    }

    /** Starts the webapp and, only once started, makes it reachable. Called holding this object's lock. */
    private void start(WebApp app, String shownAs) throws IOException {
        try {
            app.start();
        } catch (Exception | LinkageError e) { // NoClassDefFoundError: an API no module provides
            throw new IOException("Webapp " + shownAs + " failed to start: " + rootMessage(e), e);
        }
        apps.put(app.contextPath(), app);
        reindex();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t + ")";
    }

    /**
     * Makes the webapp unreachable for new requests, gives those running the drain time, then stops it.
     * Returns whether one was there.
     */
    public boolean undeploy(String contextPath) {
        WebApp app;
        synchronized (this) {
            app = apps.remove(contextPath);
            if (app == null) {
                return false;
            }
            reindex();
        }
        try {
            int left = app.drain(undeployDrain);
            if (left > 0) {
                LOG.warning("Undeploying " + (contextPath.isEmpty() ? "/" : contextPath) + " with " + left
                        + " request(s) still running");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
        return true;
    }

    /** Undeploys every webapp in reverse context-path order, so {@code /a/b} goes before {@code /a}. */
    public void undeployAll() {
        List<String> paths = new ArrayList<>(apps.keySet());
        paths.sort(Comparator.reverseOrder());
        for (String p : paths) {
            undeploy(p);
        }
    }

    /** The webapps deployed, longest context path first. */
    public List<WebApp> all() {
        return byLength;
    }

    private void reindex() {
        List<WebApp> list = new ArrayList<>(apps.values());
        list.sort(Comparator.comparingInt((WebApp a) -> a.contextPath().length()).reversed());
        byLength = List.copyOf(list);
    }

    /** The webapp whose context path is the longest prefix of the decoded path {@code path}, or null. */
    public WebApp find(String path) {
        for (WebApp app : byLength) {
            String cp = app.contextPath();
            if (cp.isEmpty() || path.equals(cp) || path.startsWith(cp) && path.charAt(cp.length()) == '/') {
                return app;
            }
        }
        return null;
    }
}
