package dev.sluice.servlet.internal;

import dev.sluice.core.HttpException;
import dev.sluice.core.RequestPath;
import dev.sluice.servlet.internal.component.AppScope;
import dev.sluice.servlet.internal.mapping.ServletMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link RequestDispatcher} for a path or a named servlet (Servlet 6.1 chapter 9). A forward replaces the
 * request's path elements for its duration and sets the forward attributes; an include keeps them and sets the
 * include attributes; a named dispatch sets none. Dispatching to another webapp (getContext) switches the
 * request's context and the thread context class loader for the duration.
 */
final class Dispatcher implements RequestDispatcher {
    private final WebApp app;
    private final ServletMapper.Match<ServletHolder> match;
    private final String path;
    private final String query;
    private final boolean named;

    private Dispatcher(WebApp app, ServletMapper.Match<ServletHolder> match, String path, String query, boolean named) {
        this.app = app;
        this.match = match;
        this.path = path;
        this.query = query;
        this.named = named;
    }

    /** A dispatcher for a context-relative path with an optional query; null when the path is invalid. */
    static Dispatcher forPath(WebApp app, String pathAndQuery) {
        if (pathAndQuery == null || !pathAndQuery.startsWith("/")) {
            return null;
        }
        int q = pathAndQuery.indexOf('?');
        String raw = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        String query = q < 0 ? null : pathAndQuery.substring(q + 1);
        String decoded;
        try {
            decoded = RequestPath.decode(raw);
        } catch (HttpException e) {
            return null;
        }
        ServletMapper.Match<ServletHolder> m = app.invoker().map(decoded);
        return m == null ? null : new Dispatcher(app, m, decoded, query, false);
    }

    static Dispatcher named(WebApp app, ServletHolder holder) {
        return new Dispatcher(app, ServletMapper.named(holder, null, null), null, null, true);
    }

    static ServletRequestImpl unwrap(ServletRequest request) {
        ServletRequest r = request;
        while (r instanceof ServletRequestWrapper w) {
            r = w.getRequest();
        }
        if (r instanceof ServletRequestImpl impl) {
            return impl;
        }
        throw new IllegalArgumentException("The request does not wrap the container's request");
    }

    @Override
    public void forward(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        ServletRequestImpl base = unwrap(request);
        if (response.isCommitted()) {
            throw new IllegalStateException("Cannot forward after the response has been committed");
        }
        response.resetBuffer();
        DispatchState saved = DispatchState.save(base);
        Map<String, Object> previous = new HashMap<>();
        if (!named) {
            setIfAbsent(base, FORWARD_REQUEST_URI, base.getRequestURI(), previous);
            setIfAbsent(base, FORWARD_CONTEXT_PATH, base.getContextPath(), previous);
            setIfAbsent(base, FORWARD_SERVLET_PATH, base.getServletPath(), previous);
            setIfAbsent(base, FORWARD_PATH_INFO, base.getPathInfo(), previous);
            setIfAbsent(base, FORWARD_QUERY_STRING, base.getQueryString(), previous);
            setIfAbsent(base, FORWARD_MAPPING, base.getHttpServletMapping(), previous);
            base.requestURI = app.contextPath() + path;
            base.servletPath = match.servletPath();
            base.pathInfo = match.pathInfo();
            base.match = match;
            if (query != null) {
                base.queryString = query;
            }
        }
        base.app = app;
        base.dispatcherType = DispatcherType.FORWARD;
        try {
            run(base, request, response, base.pathInContext());
        } finally {
            saved.restore(base);
            if (!named) {
                restoreAttributes(base, previous);
            }
        }
        if (!base.isAsyncStarted()) {
            base.response().suspendOutput();
        }
    }

    @Override
    public void include(ServletRequest request, ServletResponse response) throws ServletException, IOException {
        ServletRequestImpl base = unwrap(request);
        DispatchState saved = DispatchState.save(base);
        Map<String, Object> previous = new HashMap<>();
        if (!named) {
            set(base, INCLUDE_REQUEST_URI, app.contextPath() + path, previous);
            set(base, INCLUDE_CONTEXT_PATH, app.contextPath(), previous);
            set(base, INCLUDE_SERVLET_PATH, match.servletPath(), previous);
            set(base, INCLUDE_PATH_INFO, match.pathInfo(), previous);
            set(base, INCLUDE_QUERY_STRING, query, previous);
            set(base, INCLUDE_MAPPING, match, previous);
        }
        base.app = app;
        base.dispatcherType = DispatcherType.INCLUDE;
        try {
            run(base, request, response, path);
        } finally {
            saved.restore(base);
            if (!named) {
                restoreAttributes(base, previous);
            }
        }
    }

    private void run(ServletRequestImpl base, ServletRequest request, ServletResponse response, String filterPath)
            throws ServletException, IOException {
        if (query != null) {
            base.content().pushQuery(query);
        }
        ClassLoader previous = app.enter();
        try {
            ServletMapper.Match<ServletHolder> m = match;
            java.util.List<FilterHolder> filters = named
                    ? app.filters().chainFor(base.dispatcherType, null, m.holder().getName())
                    : app.filters().chainFor(base.dispatcherType, filterPath, m.holder().getName());
            new ServletChain(filters, m.holder(), base).doFilter(request, response);
        } finally {
            AppScope.exit(previous);
            if (query != null) {
                base.content().popQuery();
            }
        }
    }

    private static void setIfAbsent(ServletRequestImpl r, String name, Object value, Map<String, Object> previous) {
        if (r.getAttribute(name) == null && !previous.containsKey(name)) {
            set(r, name, value, previous);
        }
    }

    private static void set(ServletRequestImpl r, String name, Object value, Map<String, Object> previous) {
        previous.put(name, r.getAttribute(name));
        if (value == null) {
            r.removeAttribute(name);
        } else {
            r.setAttribute(name, value);
        }
    }

    private static void restoreAttributes(ServletRequestImpl r, Map<String, Object> previous) {
        previous.forEach((name, value) -> {
            if (value == null) {
                r.removeAttribute(name);
            } else {
                r.setAttribute(name, value);
            }
        });
    }
}
