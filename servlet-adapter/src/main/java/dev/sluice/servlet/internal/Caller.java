package dev.sluice.servlet.internal;

import dev.sluice.servlet.RealmUser;

/**
 * The caller identity of one request (Servlet 6.1 section 13.10): established lazily, the first time the
 * container or the webapp asks, from the session (FORM login, or login() with a session) or from the
 * request's BASIC credentials; changed by login, logout and authenticate. Used by the request's thread only.
 */
final class Caller {
    private final ServletRequestImpl request;
    private boolean resolved;
    private RealmUser user;
    private String authType;

    Caller(ServletRequestImpl request) {
        this.request = request;
    }

    RealmUser user() {
        if (!resolved) {
            resolved = true;
            request.app.authenticator().identify(request, this);
        }
        return user;
    }

    String authType() {
        user();
        return authType;
    }

    void set(RealmUser user, String authType) {
        this.resolved = true;
        this.user = user;
        this.authType = user == null ? null : authType;
    }
}
