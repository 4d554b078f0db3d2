package dev.sluice.servlet.internal.component;

import dev.sluice.servlet.internal.component.Listeners;
import dev.sluice.servlet.internal.deploy.ContainerSettings;
import dev.sluice.servlet.internal.deploy.WebAppConfig;
import jakarta.servlet.ServletContext;

/**
 * What the parts beneath the webapp runtime (sessions, upgraded connections) use of the webapp they serve: its
 * name, settings, listeners, context and class loader. {@code WebApp} implements it; the parts never see more.
 */
public interface AppScope {
    /** Cleanup code that may throw anything. */
    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    String contextPath();

    /** "/" for ROOT, for log lines. */
    String displayPath();

    WebAppConfig config();

    ContainerSettings settings();

    Listeners listeners();

    ServletContext context();

    ClassLoader loader();

    /** @throws IllegalStateException once the webapp is initialized (Servlet 6.1 section 4.4) */
    void checkConfigurable();

    /** Runs cleanup code whose failure must not stop the rest of a shutdown. */
    void runSafely(String what, ThrowingRunnable action);

    /** Makes the webapp's loader the thread context class loader; returns the previous one. */
    default ClassLoader enter() {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(loader());
        return previous;
    }

    static void exit(ClassLoader previous) {
        Thread.currentThread().setContextClassLoader(previous);
    }
}
