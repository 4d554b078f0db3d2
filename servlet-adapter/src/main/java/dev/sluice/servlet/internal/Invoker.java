package dev.sluice.servlet.internal;

import dev.sluice.core.Method;
import dev.sluice.core.Request;
import dev.sluice.core.Response;
import dev.sluice.core.Status;
import dev.sluice.servlet.internal.caps.CapExceededException;
import dev.sluice.servlet.SessionStoreUnavailableException;
import dev.sluice.servlet.internal.component.AppScope;
import dev.sluice.servlet.internal.http.AllowedMethods;
import dev.sluice.servlet.internal.mapping.ServletMapper;
import dev.sluice.servlet.internal.staticfiles.DefaultServlet;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs requests through one webapp: the per-webapp concurrency limit, request listeners, mapping (with welcome
 * files), the filter chain and servlet, and what follows: error pages, then completing the exchange, at once or,
 * for an async request, when its AsyncContext completes.
 */
public final class Invoker {
    private static final List<String> DEFAULT_WELCOME_FILES = List.of("index.html", "index.htm", "index.jsp");

    private final WebApp app;
    private final ErrorPages errors;

    Invoker(WebApp app) {
        this.app = app;
        this.errors = new ErrorPages(app, this);
    }

    ErrorPages errors() {
        return errors;
    }

    /**
     * Serves one request whose decoded path inside this webapp is {@code path}.
     *
     * @param requestURI   the request URI as received (still encoded, path parameters included)
     * @param urlSessionId a session id from a {@code ;jsessionid=} path parameter, or null
     */
    public void handle(Request core, Response coreResponse, String requestURI, String path, String urlSessionId)
            throws IOException {
        if (!app.slots().tryEnter()) {
            refuseBusy(coreResponse);
            return;
        }
        ClassLoader previous = app.enter();
        ServletRequestImpl request = new ServletRequestImpl(app, core, requestURI, urlSessionId);
        ServletResponseImpl response = new ServletResponseImpl(coreResponse, request);
        boolean suspended = false;
        try {
            CapExceededException refused;
            try {
                refused = accessSessions(request);
            } catch (SessionStoreUnavailableException e) {
                sessionStoreFailed(response, e);
                return; // the finally block completes the exchange with the 503
            }
            ServletRequestEvent event = new ServletRequestEvent(app.context(), request);
            app.listeners().each(ServletRequestListener.class, l -> l.requestInitialized(event));
            if (refused != null) {
                response.sendError(refused.status(), refused.getMessage());
            } else if (core.head().method().equals(Method.TRACE) && !app.settings().allowTrace()) {
                // As Tomcat with allowTrace="false" (the default): 405, and Allow names what the servlet the
                // request maps to serves.
                ServletMapper.Match<ServletHolder> target = map(path);
                String allow = target == null ? null : AllowedMethods.of(target.holder().classIfLoadable());
                coreResponse.headers().set("Allow", allow != null ? allow : "GET, HEAD, POST, PUT, DELETE, OPTIONS");
                response.sendError(405, "TRACE is not allowed");
            } else if (isPrivate(path)) {
                response.sendError(404); // whatever servlet the path would map to, as Tomcat
            } else if (app.authenticator().admit(request, response, path)) {
                dispatch(request, response, path, DispatcherType.REQUEST);
            }
            suspended = request.asyncState() != null && request.asyncState().serviceReturned();
        } finally {
            if (!suspended) {
                try {
                    complete(request, response);
                } finally {
                    AppScope.exit(previous);
                    app.slots().leave();
                    app.slots().exited();
                }
            } else {
                AppScope.exit(previous);
            }
        }
    }

    /**
     * Marks the session the request names as accessed; a request past maxCookieCount is refused here, before any
     * servlet, with the returned exception's status (docs/reliability.md, "Caps").
     */
    private static CapExceededException accessSessions(ServletRequestImpl request) {
        try {
            request.sessions.accessRequested();
            return null;
        } catch (CapExceededException e) {
            return e;
        }
    }

    /**
     * Servlet 6.1 sections 10.5 and 10.6: nothing under WEB-INF or META-INF is served to a client (case-insensitive,
     * for case-insensitive file systems); a dispatch inside the webapp may still reach them.
     */
    static boolean isPrivate(String path) {
        for (String folder : new String[] {"/WEB-INF", "/META-INF"}) {
            if (path.regionMatches(true, 0, folder, 0, folder.length())
                    && (path.length() == folder.length() || path.charAt(folder.length()) == '/')) {
                return true;
            }
        }
        return false;
    }

    /**
     * The session store does not answer: a 503 with one line instead of what the request would have answered, if
     * nothing has been sent yet. The store logs the cause once per outage.
     */
    private static void sessionStoreFailed(ServletResponseImpl response, SessionStoreUnavailableException e)
            throws IOException {
        if (!response.isCommitted()) {
            response.reset();
            response.sendError(503, e.getMessage());
        }
    }

    /** Section 2.3.3.3 / IIS 503.2: this webapp is at its limit; others are unaffected. */
    private void refuseBusy(Response response) throws IOException {
        response.setStatus(Status.SERVICE_UNAVAILABLE);
        response.headers().set("Retry-After", Integer.toString(app.settings().retryAfterSeconds()));
        response.headers().set("Content-Type", "text/plain;charset=UTF-8");
        response.body().write("Service Unavailable: too many concurrent requests for this webapp\n"
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Maps {@code path}, sets the dispatch's path elements and runs filters and servlet; errors are handled. */
    void dispatch(ServletRequestImpl request, ServletResponseImpl response, String path, DispatcherType type) {
        dispatch(request, request, response, path, type);
    }

    /** As above, running the chain with {@code req} and {@code res}, which may wrap the request's own objects. */
    void dispatch(ServletRequestImpl request, jakarta.servlet.ServletRequest req, ServletResponse res, String path,
                  DispatcherType type) {
        ServletMapper.Match<ServletHolder> match = map(path);
        request.dispatcherType = type;
        request.servletPath = match.servletPath();
        request.pathInfo = match.pathInfo();
        request.match = match;
        request.containerDispatch = DispatchState.save(request);
        request.containerPath = path;
        runChain(request, req, res, match, type, request.pathInContext());
    }

    /** Runs the chain for {@code match} with the objects the caller passes (possibly wrapped). */
    void runChain(ServletRequestImpl base, jakarta.servlet.ServletRequest req, ServletResponse res,
                  ServletMapper.Match<ServletHolder> match, DispatcherType type, String filterPath) {
        try {
            List<FilterHolder> filters = app.filters().chainFor(type, filterPath, match.holder().getName());
            base.allowAsync();
            new ServletChain(filters, match.holder(), base).doFilter(req, res);
        } catch (Throwable t) {
            if (t instanceof Error e && !(t instanceof LinkageError) && !(t instanceof StackOverflowError)) {
                throw e;
            }
            errors.onException(base, base.response(), t);
            if (base.asyncState() != null) {
                base.asyncState().dispatchFailed(t); // after startAsync: onError, then completion on return
            }
        }
    }

    /** Rules of section 12.1 with the welcome files of section 10.10 for a path ending in {@code /}. */
    ServletMapper.Match<ServletHolder> map(String path) {
        ServletMapper<ServletHolder> mapper = app.mapper();
        if (path.endsWith("/")) {
            ServletMapper.Match<ServletHolder> m = mapper.exactOrPrefix(path);
            if (m != null) {
                return m;
            }
            List<String> welcome = app.config().welcomeFilesDeclared ? app.config().welcomeFiles
                    : DEFAULT_WELCOME_FILES;
            for (String file : welcome) {
                m = mapper.exactOrPrefix(path + file);
                if (m != null) {
                    return m;
                }
            }
            for (String file : welcome) {
                String candidate = path + file;
                java.nio.file.Path found = app.resources().file(candidate);
                if (found != null && java.nio.file.Files.isRegularFile(found)) {
                    m = mapper.byExtension(candidate);
                    return m != null ? m : mapper.byDefault(candidate);
                }
            }
            // A welcome file with no file behind it may still reach a webapp's extension mapping (index.do), never
            // a container's servlet: a JSP module's *.jsp needs the page, as Tomcat's resource-only JSP servlet.
            for (String file : welcome) {
                m = mapper.byExtension(path + file);
                if (m != null && !DefaultServlet.class.getName().equals(m.holder().getClassName())
                        && !app.servlets().isContainers(m.holder())) {
                    return m;
                }
            }
        }
        return mapper.map(path);
    }

    /**
     * Ends the servlet side of the exchange: a pending sendError becomes its error page or report, content is
     * flushed, request listeners are told. The caller then releases the webapp's request slot.
     */
    void complete(ServletRequestImpl request, ServletResponseImpl response) throws IOException {
        try {
            try {
                request.sessions.persist();
            } catch (SessionStoreUnavailableException e) {
                sessionStoreFailed(response, e);
            }
            if (response.isErrorPending()) {
                errors.sendErrorPage(request, response);
            }
            response.finish();
        } finally {
            request.content().releaseUploads(); // temporary files of parts go, also after an error
            try {
                ServletRequestEvent event = new ServletRequestEvent(app.context(), request);
                app.listeners().eachReverse(ServletRequestListener.class, l -> l.requestDestroyed(event));
            } finally {
                // The session's idle time starts when the request ends (cause 12 of docs/conformance.md).
                request.sessions.release();
            }
        }
    }
}
