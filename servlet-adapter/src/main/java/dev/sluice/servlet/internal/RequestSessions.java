package dev.sluice.servlet.internal;

import dev.sluice.servlet.internal.session.SessionManager;
import dev.sluice.servlet.internal.session.StandardSession;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.List;

/**
 * Session tracking for one request (Servlet 6.1 sections 7.1.1 and 7.1.3): the ids the client sent, in a
 * cookie (every cookie of that name is tried, as several paths may carry one) or in a {@code ;jsessionid=} path
 * parameter, and the session this request uses once it has been looked up or created.
 */
final class RequestSessions {
    private final ServletRequestImpl request;
    private final String idFromUrl;
    private List<String> cookieIds;
    private StandardSession session;
    private WebApp sessionApp;
    private String requestedId;
    private boolean resolved;
    private boolean fromCookie;
    /** Sessions this request found or created (one per context): released when the request ends. */
    private final List<StandardSession> held = new ArrayList<>(1);

    RequestSessions(ServletRequestImpl request, String idFromUrl) {
        this.request = request;
        this.idFromUrl = idFromUrl;
    }

    private SessionManager manager() {
        return request.app.sessions();
    }

    private List<String> cookieIds() {
        if (cookieIds == null) {
            cookieIds = new ArrayList<>();
            String name = manager().cookieConfig().getName();
            Cookie[] cookies = request.getCookies();
            if (cookies != null && manager().trackingModes().contains(SessionTrackingMode.COOKIE)) {
                for (Cookie c : cookies) {
                    if (c.getName().equals(name)) {
                        cookieIds.add(c.getValue());
                    }
                }
            }
        }
        return cookieIds;
    }

    /**
     * Servlet 6.1 section 7.6: a session is accessed when a request that is part of it is first handled, whether
     * or not the servlet asks for it; so a request that names a session marks the access (and holds the session
     * against expiry) as it enters. Requests without a cookie or a path id cost nothing here.
     */
    void accessRequested() {
        if (idFromUrl != null || request.core().head().headers().contains("Cookie")) {
            resolve();
        }
    }

    /** Finds the requested session once per request (and per context, for cross-context dispatch). */
    private void resolve() {
        if (resolved && sessionApp == request.app) {
            return;
        }
        resolved = true;
        sessionApp = request.app;
        session = null;
        for (String id : cookieIds()) {
            StandardSession s = manager().find(id);
            if (requestedId == null) {
                requestedId = id;
                fromCookie = true;
            }
            if (s != null) {
                requestedId = id;
                fromCookie = true;
                use(s);
                return;
            }
        }
        if (idFromUrl != null && manager().trackingModes().contains(SessionTrackingMode.URL)) {
            if (requestedId == null) {
                requestedId = idFromUrl;
            }
            StandardSession s = manager().find(idFromUrl);
            if (s != null) {
                requestedId = idFromUrl;
                fromCookie = false;
                use(s);
            }
        }
    }

    private void use(StandardSession s) {
        manager().access(s);
        held.add(s);
        s.notNew();
        session = s;
    }

    /** The request has ended (completed, or its async cycle finished): its sessions may time out again. */
    void release() {
        for (StandardSession s : held) {
            s.manager().release(s);
        }
        held.clear();
    }

    StandardSession session(boolean create) {
        resolve();
        if (session != null && !session.isValid()) {
            session = null;
        }
        if (session == null && create) {
            if (request.response().isCommitted()) {
                throw new IllegalStateException("Cannot create a session after the response has been committed");
            }
            session = manager().create();
            held.add(session);
            if (manager().trackingModes().contains(SessionTrackingMode.COOKIE)) {
                request.response().addSessionCookie(session.getId());
            }
        }
        return session;
    }

    String changeId() {
        StandardSession s = session(false);
        if (s == null) {
            throw new IllegalStateException("The request has no session");
        }
        String id = manager().changeId(s);
        if (manager().trackingModes().contains(SessionTrackingMode.COOKIE)) {
            request.response().addSessionCookie(id);
        }
        return id;
    }

    String requestedId() {
        resolve();
        return requestedId;
    }

    boolean requestedIdValid() {
        resolve();
        return requestedId != null && session != null && session.isValid() && session.getId().equals(requestedId);
    }

    boolean fromCookie() {
        resolve();
        return requestedId != null && fromCookie;
    }

    boolean fromUrl() {
        resolve();
        return requestedId != null && !fromCookie;
    }

    /** The id to put into rewritten URLs: only when URL tracking is on and the client did not use a cookie. */
    String idForUrl() {
        StandardSession s = session(false);
        if (s == null || !manager().trackingModes().contains(SessionTrackingMode.URL) || fromCookie) {
            return null;
        }
        return s.getId();
    }
}
