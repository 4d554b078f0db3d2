package dev.sluice.servlet.internal;

import dev.sluice.servlet.internal.mapping.ServletMapper;
import jakarta.servlet.DispatcherType;

/** The path elements of a request's current dispatch, saved before a nested dispatch and restored after it. */
record DispatchState(WebApp app, String requestURI, String servletPath, String pathInfo, String queryString,
                     ServletMapper.Match<ServletHolder> match, DispatcherType type) {

    static DispatchState save(ServletRequestImpl r) {
        return new DispatchState(r.app, r.requestURI, r.servletPath, r.pathInfo, r.queryString, r.match,
                r.dispatcherType);
    }

    void restore(ServletRequestImpl r) {
        r.app = app;
        r.requestURI = requestURI;
        r.servletPath = servletPath;
        r.pathInfo = pathInfo;
        r.queryString = queryString;
        r.match = match;
        r.dispatcherType = type;
    }
}
