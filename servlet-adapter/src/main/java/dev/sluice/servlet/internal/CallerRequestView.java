package dev.sluice.servlet.internal;

import dev.sluice.core.Request;
import dev.sluice.servlet.RealmUser;
import dev.sluice.servlet.internal.http.CoreRequestView;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/**
 * The security part of {@link jakarta.servlet.http.HttpServletRequest} (Servlet 6.1 section 13.3): the caller
 * identity, role checks through the current servlet's security-role-refs, and login, logout and authenticate,
 * which the webapp's {@link Authenticator} carries out.
 */
abstract class CallerRequestView extends CoreRequestView {
    private Caller caller;
    /**
     * GET while the login mechanism forwards to its login or error page; the original method of a request that
     * FORM login restored (see Authenticator).
     */
    String forcedMethod;

    CallerRequestView(Request core) {
        super(core);
    }

    abstract WebApp webapp();

    /** The servlet of the current dispatch, or null before mapping. */
    abstract ServletHolder currentServlet();

    Caller caller() {
        if (caller == null) {
            caller = new Caller((ServletRequestImpl) this);
        }
        return caller;
    }

    @Override
    public String getMethod() {
        return forcedMethod != null ? forcedMethod : super.getMethod();
    }

    @Override
    public Principal getUserPrincipal() {
        return caller().user();
    }

    @Override
    public String getRemoteUser() {
        RealmUser user = caller().user();
        return user == null ? null : user.getName();
    }

    @Override
    public String getAuthType() {
        return caller().authType();
    }

    /**
     * Section 13.3: "*" is never a role; "**" is any authenticated user unless the webapp declares a role of that
     * name; a security-role-ref of the current servlet maps the name to its role-link.
     */
    @Override
    public boolean isUserInRole(String role) {
        RealmUser user = caller().user();
        if (role == null || role.equals("*") || user == null) {
            return false;
        }
        if (role.equals("**") && !webapp().config().declaredRoles.contains("**")) {
            return true;
        }
        ServletHolder servlet = currentServlet();
        String linked = servlet == null ? null : servlet.roleRefs().get(role);
        return user.hasRole(linked != null ? linked : role);
    }

    @Override
    public boolean authenticate(HttpServletResponse response) throws IOException {
        return webapp().authenticator().authenticate((ServletRequestImpl) this, response);
    }

    @Override
    public void login(String username, String password) throws ServletException {
        webapp().authenticator().login((ServletRequestImpl) this, username, password);
    }

    @Override
    public void logout() {
        webapp().authenticator().logout((ServletRequestImpl) this);
    }
}
