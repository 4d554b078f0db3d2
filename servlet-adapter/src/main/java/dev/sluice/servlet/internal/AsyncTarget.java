package dev.sluice.servlet.internal;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Where an async dispatch goes: a webapp, the path as the request URI shows it (encoded), the decoded path when
 * already known (else decoded at dispatch), and a query whose parameters the dispatch adds (null for none).
 */
record AsyncTarget(WebApp app, String uriPath, String decodedPath, String query) {

    /** AsyncContext.dispatch(path): a context-relative path with an optional query. */
    static AsyncTarget of(WebApp app, String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return new AsyncTarget(app, q < 0 ? pathAndQuery : pathAndQuery.substring(0, q), null,
                q < 0 ? null : pathAndQuery.substring(q + 1));
    }

    /**
     * AsyncContext.dispatch() javadoc: after startAsync(request, response) with an HttpServletRequest, the URI that
     * request returns (in a forward, the forward's target, whose query parameters the request then shows); else the
     * URI of the request when the container last dispatched it (in a forward, the original one). Fixed when async
     * starts: Sluice changes the request itself for a forward and restores it when the forward returns.
     */
    static AsyncTarget byDefault(ServletRequestImpl base, ServletRequest req, boolean noArguments) {
        DispatchState last = base.containerDispatch != null ? base.containerDispatch : DispatchState.save(base);
        String lastPath = base.containerDispatch != null ? base.containerPath : base.pathInContext();
        if (!noArguments && req instanceof HttpServletRequest h) {
            String uriPath = h.getRequestURI().substring(h.getContextPath().length());
            String query = h.getQueryString();
            boolean ownQuery = query != null && !query.equals(last.queryString());
            return new AsyncTarget(base.app, uriPath, null, ownQuery ? query : null);
        }
        return new AsyncTarget(last.app(), last.requestURI().substring(last.app().contextPath().length()),
                lastPath, null);
    }
}
