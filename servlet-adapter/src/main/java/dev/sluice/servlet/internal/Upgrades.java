package dev.sluice.servlet.internal;

import dev.sluice.servlet.internal.upgrade.WebConnectionImpl;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpUpgradeHandler;

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
        app.upgradedConnections().admit(app.settings().caps()); // past maxUpgradedConnections: 503
        T handler = app.createComponent(handlerClass, handlerClass);
        ServletResponseImpl response = request.response();
        try {
            response.setStatus(HttpServletResponse.SC_SWITCHING_PROTOCOLS);
            response.core().upgrade(connection -> WebConnectionImpl.start(app, app.upgradedConnections(), handler,
                    connection));
        } catch (IllegalStateException e) {
            WebConnectionImpl.destroy(app, handler);
            throw e;
        }
        return handler;
    }
}
