package dev.sluice.servlet.internal;

import dev.sluice.core.HttpVersion;
import dev.sluice.servlet.Realm;
import dev.sluice.servlet.RealmUser;
import dev.sluice.servlet.internal.http.BasicCredentials;
import dev.sluice.servlet.internal.http.ConnectionAttributes;
import dev.sluice.servlet.internal.http.SecureRedirect;
import dev.sluice.servlet.internal.mapping.ServletMapper;
import dev.sluice.servlet.internal.security.SecurityConstraints;
import dev.sluice.servlet.internal.session.StandardSession;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.util.logging.Level;

/**
 * A webapp's login mechanism (Servlet 6.1 chapter 13): enforces the security constraints as a request enters,
 * challenges with BASIC (RFC 7617) or FORM login (section 13.6.3) from the login-config, and backs the
 * request's login, logout and authenticate. The users and roles come from the container's {@link Realm}.
 *
 * <p>Without a login-config, or without a realm, a request that must authenticate is refused with 403, as
 * Tomcat does. DIGEST is not supported (logged at deploy; such requests get 403). CLIENT-CERT (section 13.6.4)
 * takes the caller from the client certificate the TLS handshake verified ({@link Realm#authenticate(
 * java.security.cert.X509Certificate)}); without one known to the realm the request gets 403, since there is
 * nothing to challenge. A constraint asking for INTEGRAL or CONFIDENTIAL transport, met over plain HTTP, is
 * redirected to the HTTPS port when the container has one ({@code redirectPort}, as Tomcat's), else answered with
 * 403 and a reason. Never logs a credential.
 */
final class Authenticator {
    static final String FORM_ACTION = "/j_security_check";
    /** Session notes (not attributes: the webapp cannot see or forge them). */
    static final String CALLER_NOTE = "dev.sluice.security.caller";
    static final String SAVED_REQUEST_NOTE = "dev.sluice.security.savedRequest";
    static final String RESTORE_NOTE = "dev.sluice.security.restore";
    /** The largest urlencoded form kept across a FORM login (Tomcat's maxSavePostSize). */
    static final int MAX_SAVED_FORM = 4096;

    /**
     * What FORM login stores about the request that triggered it (section 13.6.3 step 1): method and URL, and a
     * urlencoded form body as received (other bodies are not kept).
     */
    record SavedRequest(String method, String uri, String query, String form) implements Serializable {
        String target() {
            return query == null ? uri : uri + "?" + query;
        }
    }

    private final WebApp app;
    private final SecurityConstraints security;
    private final Realm realm;
    private final String method;

    Authenticator(WebApp app, SecurityConstraints security, Realm realm) {
        this.app = app;
        this.security = security;
        this.realm = realm;
        this.method = app.config().authMethod;
        if (method != null && !method.equals(HttpServletRequest.BASIC_AUTH)
                && !method.equals(HttpServletRequest.FORM_AUTH) && !isClientCert()) {
            WebApp.LOG.warning("Webapp " + app.displayPath() + ": auth-method " + method + " is not supported"
                    + " (BASIC, FORM and CLIENT-CERT are); requests that must authenticate will get 403");
        }
    }

    /**
     * Decides whether the request may go on to its servlet; when not, the response has been set: a 401
     * challenge, the FORM login or error page, a redirect after FORM login, or 403.
     */
    boolean admit(ServletRequestImpl request, ServletResponseImpl response, String path) throws IOException {
        if (isForm() && path.endsWith(FORM_ACTION) && request.getMethod().equals("POST")) {
            formLogin(request, response, path);
            return false;
        }
        if (isForm()) {
            restoreSaved(request);
        }
        if (security.isEmpty()) {
            return true;
        }
        SecurityConstraints.Requirement need = security.requirement(path, request.getMethod());
        if (need.deny()) {
            response.sendError(403);
            return false;
        }
        if (need.confidential() && !request.isSecure()) {
            int httpsPort = app.settings().redirectPort().getAsInt();
            if (httpsPort > 0) {
                response.sendRedirect(SecureRedirect.location(request, httpsPort),
                        SecureRedirect.status(request.getMethod()), true);
            } else {
                response.sendError(403, "This resource requires a CONFIDENTIAL or INTEGRAL transport (HTTPS),"
                        + " and this server has no HTTPS port");
            }
            return false;
        }
        if (!need.needsLogin()) {
            return true;
        }
        if (realm == null || !(isForm() || isBasic() || isClientCert())) {
            response.sendError(403, realm == null ? "No realm is configured, so nobody can log in"
                    : "No supported login-config (BASIC, FORM or CLIENT-CERT), so nobody can log in");
            return false;
        }
        RealmUser user = request.caller().user();
        if (user == null) {
            challenge(request, response, path);
            return false;
        }
        if (need.anyUser() || need.roles().stream().anyMatch(user::hasRole)) {
            return true;
        }
        response.sendError(403);
        return false;
    }

    /** Establishes the caller from the session, or for BASIC from the request's credentials. */
    void identify(ServletRequestImpl request, Caller caller) {
        StandardSession session = request.sessions.session(false);
        if (session != null && session.note(CALLER_NOTE) instanceof Identity id) {
            caller.set(id.user(), id.authType());
            return;
        }
        if (isClientCert() && realm != null) {
            Object chain = request.getAttribute(ConnectionAttributes.CERTIFICATES);
            if (chain instanceof java.security.cert.X509Certificate[] certificates && certificates.length > 0) {
                caller.set(realm.authenticate(certificates[0]), HttpServletRequest.CLIENT_CERT_AUTH);
            }
            return;
        }
        if (isBasic() && realm != null) {
            BasicCredentials credentials = BasicCredentials.parse(request.getHeader("Authorization"));
            if (credentials != null) {
                caller.set(realm.authenticate(credentials.user(), credentials.password()),
                        HttpServletRequest.BASIC_AUTH);
            }
        }
    }

    /** The identity kept in a session. */
    private record Identity(RealmUser user, String authType) implements Serializable {
    }

    /** HttpServletRequest.login (section 13.3). */
    void login(ServletRequestImpl request, String username, String password) throws ServletException {
        if (request.caller().user() != null) {
            throw new ServletException("The caller is already authenticated");
        }
        if (realm == null) {
            throw new ServletException("No realm is configured, so nobody can log in");
        }
        RealmUser user = username == null || password == null ? null : realm.authenticate(username, password);
        if (user == null) {
            throw new ServletException("Login failed: unknown user or wrong password");
        }
        establish(request, user, isClientCert() ? HttpServletRequest.CLIENT_CERT_AUTH : method, isForm());
    }

    /** HttpServletRequest.logout: no caller for the rest of this request, nor in its session. */
    void logout(ServletRequestImpl request) {
        request.caller().set(null, null);
        StandardSession session = request.sessions.session(false);
        if (session != null) {
            session.note(CALLER_NOTE, null);
        }
    }

    /** HttpServletRequest.authenticate: true with a caller; otherwise the login mechanism's challenge. */
    boolean authenticate(ServletRequestImpl request, HttpServletResponse response) throws IOException {
        if (request.caller().user() != null) {
            return true;
        }
        if (realm != null && (isBasic() || isForm() || isClientCert())) {
            challenge(request, (ServletResponseImpl) response, request.pathInContext());
        } else {
            response.sendError(401);
        }
        return false;
    }

    /**
     * Sets the caller; keeps it in the session (when FORM, or a session exists), whose id changes so that an id
     * known before login is worthless after it (session fixation).
     */
    private void establish(ServletRequestImpl request, RealmUser user, String authType, boolean createSession) {
        request.caller().set(user, authType);
        StandardSession session = request.sessions.session(createSession);
        if (session != null) {
            if (!session.isNew()) {
                request.changeSessionId();
            }
            session.note(CALLER_NOTE, new Identity(user, authType));
        }
    }

    private void challenge(ServletRequestImpl request, ServletResponseImpl response, String path)
            throws IOException {
        if (isClientCert()) {
            // nothing to challenge with: the certificate is asked for by the TLS handshake (tlsClientAuth)
            response.sendError(403, request.isSecure() && request.getAttribute(ConnectionAttributes.CERTIFICATES) != null
                    ? "The client certificate is not one of a known user"
                    : "A client certificate is required (CLIENT-CERT login), sent over HTTPS");
            return;
        }
        if (isBasic()) {
            // RFC 7617 section 2 and 2.1: the realm, and that credentials are read as UTF-8.
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + quoted(realmName()) + "\", charset=\"UTF-8\"");
            response.sendError(401);
            return;
        }
        String form = null;
        String type = request.getContentType();
        if (!request.getMethod().equals("GET") && type != null
                && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            byte[] body = request.getInputStream().readNBytes(MAX_SAVED_FORM + 1);
            if (body.length > MAX_SAVED_FORM) {
                response.sendError(413, "A form larger than " + MAX_SAVED_FORM
                        + " bytes cannot be kept across the login; log in first");
                return;
            }
            form = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1); // percent-encoded ASCII
        }
        StandardSession session = request.sessions.session(true);
        session.note(SAVED_REQUEST_NOTE, new SavedRequest(request.getMethod(), request.getRequestURI(),
                request.getQueryString(), form));
        forward(request, response, path, app.config().formLoginPage);
    }

    /**
     * Section 13.6.3 step 7: the GET that follows the redirect after login becomes the request that triggered
     * the login again, with its method and form parameters.
     */
    private void restoreSaved(ServletRequestImpl request) {
        StandardSession session = request.sessions.session(false);
        if (session == null || !(session.note(RESTORE_NOTE) instanceof SavedRequest saved)
                || !request.getMethod().equals("GET") || !saved.uri().equals(request.getRequestURI())
                || !java.util.Objects.equals(saved.query(), request.getQueryString())) {
            return;
        }
        session.note(RESTORE_NOTE, null);
        request.forcedMethod = saved.method();
        if (saved.form() != null) {
            request.content().pushQuery(saved.form());
        }
    }

    /** POST .../j_security_check with j_username and j_password (section 13.6.3 steps 3 to 6). */
    private void formLogin(ServletRequestImpl request, ServletResponseImpl response, String path)
            throws IOException {
        if (request.content().encoding() == null) {
            request.setCharacterEncoding("UTF-8"); // what browsers send for a UTF-8 login page
        }
        String username = request.getParameter("j_username");
        String password = request.getParameter("j_password");
        RealmUser user = realm == null || username == null || password == null ? null
                : realm.authenticate(username, password);
        if (user == null) {
            forward(request, response, path, app.config().formErrorPage);
            return;
        }
        establish(request, user, HttpServletRequest.FORM_AUTH, true);
        StandardSession session = request.sessions.session(false);
        Object saved = session.note(SAVED_REQUEST_NOTE);
        session.note(SAVED_REQUEST_NOTE, null);
        if (saved instanceof SavedRequest s && !s.method().equals("GET")) {
            session.note(RESTORE_NOTE, s);
        }
        String target = saved instanceof SavedRequest s ? s.target() : app.contextPath() + "/";
        // Section 13.6.3: 303 makes the browser come back with GET; HTTP/1.0 clients only know 302.
        boolean http10 = request.core().head().version() == HttpVersion.HTTP_1_0;
        response.sendRedirect(target, http10 ? 302 : 303, true);
    }

    /**
     * Forwards to the login or error page as if the request had been mapped to {@code path}; status 200. The page
     * sees a GET whatever the method was (as Tomcat does), so a static page can answer a POST to
     * j_security_check.
     */
    private void forward(ServletRequestImpl request, ServletResponseImpl response, String path, String page)
            throws IOException {
        RequestDispatcher dispatcher = page == null ? null : Dispatcher.forPath(app, page);
        if (dispatcher == null) {
            response.sendError(500, "The form-login-config names no usable login or error page");
            return;
        }
        if (request.match == null) {
            ServletMapper.Match<ServletHolder> match = app.invoker().map(path);
            request.servletPath = match.servletPath();
            request.pathInfo = match.pathInfo();
            request.match = match;
        }
        response.setHeader("Cache-Control", "no-store");
        String previous = request.forcedMethod;
        request.forcedMethod = "GET";
        try {
            dispatcher.forward(request, response);
        } catch (ServletException e) {
            WebApp.LOG.log(Level.WARNING, "The FORM login page " + page + " of " + app.displayPath() + " failed", e);
            if (!response.isCommitted()) {
                response.sendError(500);
            }
        } finally {
            request.forcedMethod = previous;
        }
    }

    private boolean isBasic() {
        return HttpServletRequest.BASIC_AUTH.equals(method);
    }

    private boolean isForm() {
        return HttpServletRequest.FORM_AUTH.equals(method);
    }

    /** web.xml spells it CLIENT-CERT; getAuthType answers CLIENT_CERT (HttpServletRequest.CLIENT_CERT_AUTH). */
    private boolean isClientCert() {
        return "CLIENT-CERT".equals(method) || HttpServletRequest.CLIENT_CERT_AUTH.equals(method);
    }

    private String realmName() {
        String name = app.config().realmName;
        return name == null || name.isEmpty() ? "Sluice" : name;
    }

    /** RFC 9110 section 5.6.4: a backslash escapes a quote or backslash inside a quoted-string. */
    private static String quoted(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    Realm realm() {
        return realm;
    }
}
