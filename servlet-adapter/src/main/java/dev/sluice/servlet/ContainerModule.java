package dev.sluice.servlet;

import jakarta.servlet.ServletContainerInitializer;
import java.util.List;
import java.util.Map;

/**
 * An optional part of the server (JSP, WebSocket, ...) that plugs into every webapp from the server's class path,
 * never from inside a webapp. The container finds modules with {@link java.util.ServiceLoader} on its own class
 * loader ({@code META-INF/services/dev.sluice.servlet.ContainerModule} in the module's jar), unless the builder
 * names them ({@link ServletContainer.Builder#modules}). See docs/servlet-adapter.md, "Adding a container module".
 *
 * <p>Called by the deploying thread, once per webapp for {@link #initializers()}; the other methods may be called
 * at any time and must return the same answer each time.
 */
public interface ContainerModule {
    /** A short name for log lines, such as {@code jsp}. */
    String name();

    /**
     * The package prefixes of the API the module implements, each ending in a dot ({@code "jakarta.el."},
     * {@code "jakarta.websocket."}): webapps load these classes and resources from the container, so a webapp
     * and the module share one {@code jakarta.websocket.Session}. Every other class of the module stays invisible
     * to webapps.
     */
    default List<String> apiPackages() {
        return List.of();
    }

    /**
     * Single classes of the module's implementation that webapps must see too, by binary name
     * ({@code "org.apache.tomcat.InstanceManager"}): classes the module generates into a webapp (compiled JSP pages)
     * refer to them. Shared like {@link #apiPackages()}; the rest of their packages stays hidden.
     */
    default List<String> apiClasses() {
        return List.of();
    }

    /**
     * The names of the container settings this module takes ({@code jspDevelopment}), given like the container's
     * own through {@code ServletContainer.Builder#setting} and so {@code conf/sluice.properties}. A name neither the
     * container nor any module takes fails the build.
     */
    default List<String> settingKeys() {
        return List.of();
    }

    /**
     * Applies one of {@link #settingKeys()}: when the builder is given it, and again when the container is built,
     * before any webapp deploys; the last value wins.
     *
     * @throws IllegalArgumentException for a malformed value
     */
    default void setting(String key, String value) {
        throw new IllegalArgumentException("Module " + name() + " takes no setting " + key);
    }

    /**
     * New initializers for one webapp. Each runs at that webapp's start, after its descriptors and before its own
     * initializers, with the webapp's classes its {@code @HandlesTypes} selects (Servlet 6.1 section 8.2.4). The
     * servlet mappings they add yield to the webapp's: a pattern the webapp maps too is the webapp's, whichever
     * registers first.
     */
    List<ServletContainerInitializer> initializers();

    /**
     * Live figures of the module for the server's status page and metrics, by name (lower case, underscores,
     * such as {@code websocket_sessions_open}). Called from any thread; must be cheap.
     */
    default Map<String, Long> figures() {
        return Map.of();
    }

    /**
     * The kinds of session store this module provides for the container setting {@code sessionStore}
     * ({@code redis}). Empty for most modules.
     */
    default List<String> sessionStores() {
        return List.of();
    }

    /**
     * A new store of one of {@link #sessionStores()} for the webapp at {@code contextPath} ("" for ROOT), with the
     * module's settings applied; called once per deployment of that webapp, which closes it when it stops.
     *
     * @throws IllegalArgumentException when the module's settings for it are missing or malformed
     */
    default SessionPersistence sessionStore(String kind, String contextPath) {
        throw new IllegalArgumentException("Module " + name() + " provides no session store " + kind);
    }

    /**
     * The server is about to stop, before its connector closes the connections: end long-lived ones politely
     * (WebSocket sends close 1001 Going Away). Called once, from the stopping thread; webapps are still deployed.
     */
    default void serverStopping() {
    }
}
