package dev.sluice.servlet.internal;

import dev.sluice.core.Request;
import dev.sluice.servlet.internal.mapping.ServletMapper;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link HttpServletRequest} on a core {@link Request}. The path methods reflect the current dispatch, which
 * {@link Dispatcher} and async dispatch change and restore (Servlet 6.1 chapter 9); headers, body and
 * parameters delegate to the core request and {@link RequestContent}.
 */
final class ServletRequestImpl extends CallerRequestView {
    private static final AtomicLong IDS = new AtomicLong();

    private final RequestAttributes attributes;
    private final RequestContent content;
    private final String requestId = Long.toString(IDS.incrementAndGet());
    final RequestSessions sessions;
    private ServletResponseImpl response;
    private AsyncContextImpl async;
    private boolean asyncSupported = true;

    // The current dispatch (section 9.4 and 9.7 describe what forward and async dispatch change).
    WebApp app;
    String requestURI;
    String servletPath;
    String pathInfo;
    String queryString;
    ServletMapper.Match<ServletHolder> match;
    DispatcherType dispatcherType = DispatcherType.REQUEST;
    /** The last dispatch the container made (REQUEST, ASYNC or ERROR) and its decoded path: AsyncContext.dispatch(). */
    DispatchState containerDispatch;
    String containerPath;

    @Override
    protected dev.sluice.servlet.internal.caps.ResourceCaps caps() {
        return app.settings().caps();
    }

    ServletRequestImpl(WebApp app, Request core, String requestURI, String requestedSessionIdFromUrl) {
        super(core);
        this.attributes = new RequestAttributes(core);
        this.app = app;
        this.requestURI = requestURI;
        this.queryString = head.rawQuery();
        String defaultEncoding = app.config().requestCharacterEncoding;
        this.content = new RequestContent(core, this, app.settings(), defaultEncoding);
        this.sessions = new RequestSessions(this, requestedSessionIdFromUrl);
    }

    @Override
    WebApp webapp() {
        return app;
    }

    @Override
    ServletHolder currentServlet() {
        return match == null ? null : match.holder();
    }

    void attach(ServletResponseImpl response) {
        this.response = response;
    }

    ServletResponseImpl response() {
        return response;
    }

    Request core() {
        return core;
    }

    RequestContent content() {
        return content;
    }

    /** The path inside the context the current dispatch was mapped with. */
    String pathInContext() {
        return servletPath + (pathInfo == null ? "" : pathInfo);
    }

    void disallowAsync() {
        asyncSupported = false;
    }

    void allowAsync() {
        asyncSupported = true;
    }

    AsyncContextImpl asyncState() {
        return async;
    }

    @Override
    public <T extends jakarta.servlet.http.HttpUpgradeHandler> T upgrade(Class<T> handlerClass)
            throws ServletException {
        return Upgrades.upgrade(this, handlerClass);
    }

    // Attributes

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return attributes.names();
    }

    @Override
    public void setAttribute(String name, Object o) {
        attributes.set(app, this, name, o);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(app, this, name);
    }

    // Content

    @Override
    public String getCharacterEncoding() {
        return content.encoding();
    }

    @Override
    public void setCharacterEncoding(String env) throws UnsupportedEncodingException {
        content.setEncoding(env);
    }

    @Override
    public ServletInputStream getInputStream() {
        return content.stream();
    }

    @Override
    public BufferedReader getReader() throws IOException {
        return content.reader();
    }

    @Override
    public String getParameter(String name) {
        List<String> values = content.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(content.parameters().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        List<String> values = content.parameters().get(name);
        return values == null ? null : values.toArray(new String[0]);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        Map<String, String[]> map = new java.util.LinkedHashMap<>();
        content.parameters().forEach((k, v) -> map.put(k, v.toArray(new String[0])));
        return Collections.unmodifiableMap(map);
    }

    @Override
    public Collection<Part> getParts() throws IOException, ServletException {
        return content.parts();
    }

    @Override
    public Part getPart(String name) throws IOException, ServletException {
        for (Part p : getParts()) {
            if (p.getName().equals(name)) { // the first of that name, as Tomcat
                return p;
            }
        }
        return null;
    }

    // Connection and protocol

    @Override
    public RequestDispatcher getRequestDispatcher(String path) {
        if (path == null) {
            return null;
        }
        if (!path.startsWith("/")) {
            String current = pathInContext();
            path = current.substring(0, current.lastIndexOf('/') + 1) + path;
        }
        return Dispatcher.forPath(app, path);
    }

    @Override
    public ServletContext getServletContext() {
        return app.context();
    }

    @Override
    public String getRequestId() {
        return requestId;
    }

    // Async (chapter 2.3.3.3)

    @Override
    public AsyncContext startAsync() {
        return startAsync(this, response, true);
    }

    @Override
    public AsyncContext startAsync(ServletRequest servletRequest, ServletResponse servletResponse) {
        return startAsync(servletRequest, servletResponse, false);
    }

    private AsyncContext startAsync(ServletRequest req, ServletResponse res, boolean original) {
        if (!asyncSupported) {
            throw new IllegalStateException("A filter or servlet of this request does not support async");
        }
        if (async == null) {
            async = new AsyncContextImpl(this);
        }
        async.start(req, res, original);
        return async;
    }

    @Override
    public boolean isAsyncStarted() {
        return async != null && async.isStarted();
    }

    @Override
    public boolean isAsyncSupported() {
        return asyncSupported;
    }

    @Override
    public AsyncContext getAsyncContext() {
        if (!isAsyncStarted()) {
            throw new IllegalStateException("Async not started");
        }
        return async;
    }

    @Override
    public DispatcherType getDispatcherType() {
        return dispatcherType;
    }

    // HTTP

    @Override
    public HttpServletMapping getHttpServletMapping() {
        return match;
    }

    @Override
    public String getPathInfo() {
        return pathInfo;
    }

    @Override
    public String getPathTranslated() {
        return pathInfo == null ? null : app.resources().realPath(pathInfo);
    }

    @Override
    public String getContextPath() {
        return app.contextPath();
    }

    @Override
    public String getQueryString() {
        return queryString;
    }

    @Override
    public String getRequestURI() {
        return requestURI;
    }

    @Override
    public StringBuffer getRequestURL() {
        String scheme = getScheme();
        StringBuffer url = new StringBuffer(scheme).append("://").append(getServerName());
        int port = getServerPort();
        if (port != ("https".equals(scheme) ? 443 : 80)) {
            url.append(':').append(port);
        }
        return url.append(requestURI);
    }

    @Override
    public String getServletPath() {
        return servletPath;
    }

    @Override
    public String getRequestedSessionId() {
        return sessions.requestedId();
    }

    @Override
    public HttpSession getSession(boolean create) {
        return sessions.session(create);
    }

    @Override
    public HttpSession getSession() {
        return sessions.session(true);
    }

    @Override
    public String changeSessionId() {
        return sessions.changeId();
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        return sessions.requestedIdValid();
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        return sessions.fromCookie();
    }

    @Override
    public boolean isRequestedSessionIdFromURL() {
        return sessions.fromUrl();
    }

    @Override
    public boolean isTrailerFieldsReady() {
        // Only a chunked body has trailers, and they are known once it has been read to its end.
        return core.contentLength() >= 0 || content.bodyFinished();
    }

    @Override
    public boolean trailerAllowed(String name) {
        return app.settings().trailerAllowed(name);
    }
}
