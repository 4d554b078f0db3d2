package dev.sluice.websocket.internal;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.server.HandshakeRequest;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.glassfish.tyrus.core.RequestContext;
import org.glassfish.tyrus.core.TyrusUpgradeResponse;
import org.glassfish.tyrus.spi.WebSocketEngine;

/**
 * One opening handshake (RFC 6455 section 4.2): the servlet request becomes Tyrus' upgrade request, Tyrus picks
 * the endpoint, runs its Configurator (origin check, subprotocol and extension negotiation, modifyHandshake) and
 * answers; on success the servlet request is upgraded to a {@link WebSocketConnection}. Runs on the request's
 * worker, once.
 */
final class Handshake {
    private final SluiceServerContainer container;
    private final HttpServletRequest request;
    private final HttpServletResponse response;

    Handshake(SluiceServerContainer container, HttpServletRequest request, HttpServletResponse response) {
        this.container = container;
        this.request = request;
        this.response = response;
    }

    /** True when the request was a WebSocket handshake: upgraded, or refused with its status. */
    static boolean isHandshake(HttpServletRequest request) {
        return request.getHeader(HandshakeRequest.SEC_WEBSOCKET_KEY) != null;
    }

    /**
     * Runs the handshake as if the request were for {@code path} (context path included); false when no endpoint
     * of this webapp has that path, so the request goes on to the webapp.
     */
    boolean run(String path) throws IOException, ServletException {
        RequestContext upgradeRequest = upgradeRequest(path);
        TyrusUpgradeResponse upgradeResponse = new TyrusUpgradeResponse();
        WebSocketEngine.UpgradeInfo info = container.getWebSocketEngine().upgrade(upgradeRequest, upgradeResponse);
        switch (info.getStatus()) {
            case NOT_APPLICABLE:
                return false;
            case HANDSHAKE_FAILED:
                copyHeaders(upgradeResponse);
                response.sendError(upgradeResponse.getStatus());
                return true;
            case SUCCESS:
            default:
                WebSocketConnection connection = request.upgrade(WebSocketConnection.class);
                connection.prepare(info, container);
                response.setStatus(upgradeResponse.getStatus());
                copyHeaders(upgradeResponse);
                return true;
        }
    }

    private RequestContext upgradeRequest(String path) {
        RequestContext context = RequestContext.Builder.create()
                .requestURI(URI.create(path))
                .queryString(request.getQueryString())
                .httpSession(request.getSession(false))
                .secure(request.isSecure())
                .userPrincipal(request.getUserPrincipal())
                .isUserInRoleDelegate(request::isUserInRole)
                .parameterMap(request.getParameterMap())
                .remoteAddr(request.getRemoteAddr())
                .serverAddr(request.getLocalName() != null ? request.getLocalName() : request.getLocalAddr())
                .serverPort(request.getLocalPort())
                .tyrusProperties(initParameters(request.getServletContext()))
                .build();
        Map<String, List<String>> headers = context.getHeaders();
        for (String name : Collections.list(request.getHeaderNames())) {
            List<String> values = new ArrayList<>();
            for (String value : Collections.list(request.getHeaders(name))) {
                // Tyrus expects list headers (Sec-WebSocket-Protocol, -Extensions) split at their commas.
                for (String item : value.split(",")) {
                    if (!item.isBlank()) {
                        values.add(item.trim());
                    }
                }
            }
            headers.put(name, values);
        }
        return context;
    }

    private void copyHeaders(TyrusUpgradeResponse from) {
        for (Map.Entry<String, List<String>> h : from.getHeaders().entrySet()) {
            response.setHeader(h.getKey(), String.join(", ", h.getValue()));
        }
    }

    private static Map<String, Object> initParameters(ServletContext ctx) {
        Map<String, Object> params = new HashMap<>();
        for (String name : Collections.list(ctx.getInitParameterNames())) {
            params.put(name, ctx.getInitParameter(name));
        }
        return params;
    }
}
