package dev.sluice.servlet.internal;

import dev.sluice.core.UpgradedConnection;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;
import java.util.logging.Level;

/**
 * HttpServletRequest.upgrade (Servlet 6.1 section 2.3.3.5): creates the handler now (with @PostConstruct, no
 * CDI), sets status 101 and asks the core for a protocol switch. The connector sends the 101 head the servlet
 * prepared once the service dispatch and its filters have returned, then {@link WebConnectionImpl} calls
 * {@code init} with the raw connection, and {@code destroy} when the connection closes.
 */
final class Upgrades {
    private Upgrades() {
    }

    static <T extends HttpUpgradeHandler> T upgrade(ServletRequestImpl request, Class<T> handlerClass)
            throws ServletException {
        if (handlerClass == null) {
            throw new NullPointerException("handlerClass");
        }
        WebApp app = request.app;
        T handler = app.createComponent(handlerClass, handlerClass);
        ServletResponseImpl response = request.response();
        try {
            response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
            response.core().upgrade(connection -> WebConnectionImpl.start(app, handler, connection));
        } catch (IllegalStateException e) {
            destroy(app, handler);
            throw e;
        }
        return handler;
    }

    /** Ends a handler that will never be initialized, or one whose connection closed. */
    static void destroy(WebApp app, HttpUpgradeHandler handler) {
        ClassLoader previous = app.enter();
        try {
            handler.destroy();
            Lifecycle.preDestroy(handler);
        } catch (Throwable t) {
            WebApp.LOG.log(Level.WARNING, "HttpUpgradeHandler.destroy failed in " + app.displayPath(), t);
        } finally {
            WebApp.exit(previous);
        }
    }

    /** Logs and closes when init fails. */
    static void initFailed(WebApp app, UpgradedConnection connection, Throwable t) {
        WebApp.LOG.log(Level.WARNING, "HttpUpgradeHandler.init failed in " + app.displayPath(), t);
        connection.close();
    }
}
