package dev.sluice.websocket.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.DeploymentException;
import java.io.IOException;

/**
 * The first filter of every request of a webapp: a WebSocket handshake for one of its endpoints is answered here
 * (101, or the refusal's status); every other request goes on unchanged. Its start deploys the webapp's
 * endpoints, after the listeners that may add some.
 */
final class HandshakeFilter implements Filter {
    private final SluiceServerContainer container;

    HandshakeFilter(SluiceServerContainer container) {
        this.container = container;
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        try {
            container.start(container.contextPath(), 0);
        } catch (IOException | DeploymentException e) {
            throw new ServletException("WebSocket endpoints cannot be deployed: " + e.getMessage(), e);
        } finally {
            container.doneDeployment();
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain)
            throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && Handshake.isHandshake(request)
                && new Handshake(container, request, (HttpServletResponse) resp).run(request.getRequestURI())) {
            return;
        }
        chain.doFilter(req, resp);
    }
}
