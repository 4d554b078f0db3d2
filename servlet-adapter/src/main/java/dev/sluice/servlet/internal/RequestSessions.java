package dev.sluice.servlet.internal;

import dev.sluice.servlet.internal.session.SessionManager;
import dev.sluice.servlet.internal.session.StandardSession;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Session tracking for one request (Servlet 6.1 sections 7.1.1 and 7.1.3): the ids the client sent, in a
 * cookie (every cookie of that name is tried, as several paths may carry one) or in a {@code ;jsessionid=} path
 * parameter, and the session this request uses in each context it is dispatched into, once looked up or created.
 *
 * <p>Each context keeps its sessions in its own manager (section 7.3). A context the request reaches by a
 * cross-context dispatch looks up the ids the request carries, and keeps its session under the id of the
 * request's own context, whose cookie the client holds (the target's cookie path would not reach the origin's
 * URLs): it creates that session too when needed, as Tomcat does.
 *
 * <p>Not thread safe: used by the thread that runs the request's current dispatch.
 */
final class RequestSessions {
    /** What the client's ids found in one context. */
    private record Lookup(String requestedId, boolean fromCookie) {
    }

    private final ServletRequestImpl request;
    private final WebApp origin;
    private final String idFromUrl;
    private final Map<WebApp, Lookup> lookups = new HashMap<>(2);
    /** The session this request uses in each context (absent: none yet). */
    private final Map<WebApp, StandardSession> sessions = new HashMap<>(2);
    /** Sessions this request found or created (one per context): released when the request ends. */
    private final List<StandardSession> held = new ArrayList<>(1);

    RequestSessions(ServletRequestImpl request, String idFromUrl) {
        this.request = request;
        this.origin = request.app;
        this.idFromUrl = idFromUrl;
    }

    /**
     * Servlet 6.1 section 7.6: a session is accessed when a request that is part of it is first handled, whether
     * or not the servlet asks for it; so a request that names a session marks the access (and holds the session
     * against expiry) as it enters. Requests without a cookie or a path id cost nothing here.
     */
    void accessRequested() {
        if (idFromUrl != null || request.core().head().headers().contains("Cookie")) {
            resolve(request.app);
        }
    }

    private List<String> cookieIds(SessionManager manager) {
        List<String> ids = new ArrayList<>();
        String name = manager.cookieConfig().getName();
        Cookie[] cookies = request.getCookies();
        if (cookies != null && manager.trackingModes().contains(SessionTrackingMode.COOKIE)) {
            for (Cookie c : cookies) {
                if (c.getName().equals(name)) {
                    ids.add(c.getValue());
                }
            }
        }
        return ids;
    }

    /** Finds the requested session once per request and context. */
    private Lookup resolve(WebApp app) {
        Lookup known = lookups.get(app);
        if (known != null) {
            return known;
        }
        SessionManager manager = app.sessions();
        String requested = null;
        boolean fromCookie = false;
        StandardSession found = null;
        for (String id : cookieIds(manager)) {
            StandardSession s = manager.find(id);
            if (requested == null || s != null) {
                requested = id;
                fromCookie = true;
            }
            if (s != null) {
                found = s;
                break;
            }
        }
        if (found == null && idFromUrl != null && manager.trackingModes().contains(SessionTrackingMode.URL)) {
            if (requested == null) {
                requested = idFromUrl;
            }
            StandardSession s = manager.find(idFromUrl);
            if (s != null) {
                requested = idFromUrl;
                fromCookie = false;
                found = s;
            }
        }
        Lookup lookup = new Lookup(requested, fromCookie);
        lookups.put(app, lookup);
        if (found != null) {
            use(app, found);
        }
        return lookup;
    }

    private void use(WebApp app, StandardSession s) {
        app.sessions().access(s);
        held.add(s);
        s.notNew();
        sessions.put(app, s);
    }

    /**
     * Writes what the request changed in persistent sessions, before its response is sent (so the client's next
     * request, on any instance, sees it).
     *
     * @throws dev.sluice.servlet.SessionStoreUnavailableException when the store does not answer
     */
    void persist() {
        for (StandardSession s : held) {
            s.manager().persist(s);
        }
    }

    /** The request has ended (completed, or its async cycle finished): its sessions may time out again. */
    void release() {
        for (StandardSession s : held) {
            s.manager().release(s);
        }
        held.clear();
    }

    StandardSession session(boolean create) {
        return session(request.app, create);
    }

    private StandardSession session(WebApp app, boolean create) {
        resolve(app);
        StandardSession s = sessions.get(app);
        if (s != null && !s.isValid()) {
            sessions.remove(app);
            s = null;
        }
        if (s == null && app != origin) {
            s = underTheOriginsId(app, create);
        }
        if (s == null && create) {
            checkNotCommitted();
            s = app.sessions().create();
            held.add(s);
            sessions.put(app, s);
            sendCookie(s.getId());
        }
        return s;
    }

    /** Cross-context: the target's session under the id of the origin's session (created too, if asked to). */
    private StandardSession underTheOriginsId(WebApp app, boolean create) {
        StandardSession own = session(origin, create);
        if (own == null) {
            return null;
        }
        StandardSession s = app.sessions().find(own.getId());
        if (s != null) {
            use(app, s);
        } else if (create) {
            checkNotCommitted();
            s = app.sessions().create(own.getId());
            held.add(s);
            sessions.put(app, s);
        }
        return s;
    }

    private void checkNotCommitted() {
        if (request.response().isCommitted()) {
            throw new IllegalStateException("Cannot create a session after the response has been committed");
        }
    }

    /** The client keeps the cookie of the request's own context, whatever context created the session. */
    private void sendCookie(String id) {
        SessionManager manager = origin.sessions();
        if (manager.trackingModes().contains(SessionTrackingMode.COOKIE)) {
            request.response().addSessionCookie(manager.cookieConfig(), id);
        }
    }

    String changeId() {
        StandardSession s = session(false);
        if (s == null) {
            throw new IllegalStateException("The request has no session");
        }
        String id = request.app.sessions().changeId(s);
        if (request.app == origin) {
            sendCookie(id);
        }
        return id;
    }

    String requestedId() {
        return resolve(request.app).requestedId();
    }

    boolean requestedIdValid() {
        String requested = requestedId();
        StandardSession s = sessions.get(request.app);
        return requested != null && s != null && s.isValid() && s.getId().equals(requested);
    }

    boolean fromCookie() {
        Lookup l = resolve(request.app);
        return l.requestedId() != null && l.fromCookie();
    }

    boolean fromUrl() {
        Lookup l = resolve(request.app);
        return l.requestedId() != null && !l.fromCookie();
    }

    /** The id to put into rewritten URLs: only when URL tracking is on and the client did not use a cookie. */
    String idForUrl() {
        StandardSession s = session(false);
        if (s == null || !request.app.sessions().trackingModes().contains(SessionTrackingMode.URL)
                || fromCookie()) {
            return null;
        }
        return s.getId();
    }
}
