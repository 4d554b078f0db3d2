package dev.sluice.servlet.internal;

import dev.sluice.servlet.internal.component.ContextAttributes;
import dev.sluice.servlet.internal.deploy.Resources;
import dev.sluice.servlet.internal.staticfiles.MimeTypes;
import dev.sluice.servlet.internal.staticfiles.StaticSource;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.descriptor.JspConfigDescriptor;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.EventListener;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;

/** A webapp's {@link ServletContext} (Servlet 6.1 chapter 4), a view of its {@link WebApp}. */
final class ServletContextImpl implements ServletContext, StaticSource {
    private final WebApp app;
    private final Map<String, String> initParams = new ConcurrentHashMap<>();
    private final ContextAttributes attributes;
    private final ContextRegistrations registrations;

    ServletContextImpl(WebApp app) {
        this.app = app;
        initParams.putAll(app.config().contextParams);
        this.attributes = new ContextAttributes(this, app.listeners());
        this.registrations = new ContextRegistrations(app);
    }

    WebApp app() {
        return app;
    }

    @Override
    public Resources resources() {
        return app.resources();
    }

    @Override
    public boolean directoryListing() {
        return app.config().directoryListing;
    }

    ContextRegistrations registrations() {
        return registrations;
    }

    @Override
    public String getContextPath() {
        return app.contextPath();
    }

    @Override
    public ServletContext getContext(String uripath) {
        if (uripath == null || !uripath.startsWith("/")) {
            return null;
        }
        WebApp other = app.otherContext(uripath);
        if (other == app) {
            return this;
        }
        // Another webapp's context only when the container allows cross-context access (Tomcat's crossContext).
        return other == null || !app.settings().crossContext() ? null : other.context();
    }

    @Override
    public int getMajorVersion() {
        return 6;
    }

    @Override
    public int getMinorVersion() {
        return 1;
    }

    @Override
    public int getEffectiveMajorVersion() {
        return versionPart(0, 6);
    }

    @Override
    public int getEffectiveMinorVersion() {
        return versionPart(1, 1);
    }

    /** A part of the descriptor's version attribute; without a (readable) one, Servlet 6.1. */
    private int versionPart(int index, int fallback) {
        String v = app.config().version;
        if (v == null || v.isBlank()) {
            return fallback;
        }
        String[] parts = v.trim().split("\\.");
        try {
            return index < parts.length ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public String getMimeType(String file) {
        return MimeTypes.of(file, app.config().mimeMappings);
    }

    @Override
    public Set<String> getResourcePaths(String path) {
        return app.resources().children(path);
    }

    @Override
    public URL getResource(String path) throws MalformedURLException {
        if (path == null || !path.startsWith("/")) {
            throw new MalformedURLException("Resource path must start with /: " + path);
        }
        return app.resources().url(path);
    }

    @Override
    public InputStream getResourceAsStream(String path) {
        return app.resources().open(path);
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String path) {
        return Dispatcher.forPath(app, path);
    }

    @Override
    public RequestDispatcher getNamedDispatcher(String name) {
        ServletHolder h = app.servlets().get(name);
        return h == null ? null : Dispatcher.named(app, h);
    }

    @Override
    public void log(String msg) {
        WebApp.LOG.info(app.displayPath() + ": " + msg);
    }

    @Override
    public void log(String message, Throwable throwable) {
        WebApp.LOG.log(Level.SEVERE, app.displayPath() + ": " + message, throwable);
    }

    @Override
    public String getRealPath(String path) {
        return app.resources().realPath(path);
    }

    @Override
    public String getServerInfo() {
        return app.settings().serverInfo();
    }

    @Override
    public String getInitParameter(String name) {
        return initParams.get(name);
    }

    @Override
    public Enumeration<String> getInitParameterNames() {
        return Collections.enumeration(Set.copyOf(initParams.keySet()));
    }

    @Override
    public boolean setInitParameter(String name, String value) {
        app.checkDeclaredListener();
        if (name == null) {
            throw new NullPointerException("name");
        }
        app.checkConfigurable();
        return initParams.putIfAbsent(name, value) == null;
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return attributes.names();
    }

    @Override
    public void setAttribute(String name, Object object) {
        attributes.set(name, object);
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    @Override
    public String getServletContextName() {
        return app.config().displayName;
    }

    // Programmatic registration (section 4.4)

    @Override
    public ServletRegistration.Dynamic addServlet(String servletName, String className) {
        app.checkDeclaredListener();
        return registrations.addServlet(servletName, className, null, null);
    }

    @Override
    public ServletRegistration.Dynamic addServlet(String servletName, Servlet servlet) {
        app.checkDeclaredListener();
        return registrations.addServlet(servletName, null, null, servlet);
    }

    @Override
    public ServletRegistration.Dynamic addServlet(String servletName, Class<? extends Servlet> servletClass) {
        app.checkDeclaredListener();
        return registrations.addServlet(servletName, null, servletClass, null);
    }

    @Override
    public ServletRegistration.Dynamic addJspFile(String servletName, String jspFile) {
        app.checkDeclaredListener();
        return registrations.addJspFile(servletName, jspFile);
    }

    @Override
    public <T extends Servlet> T createServlet(Class<T> clazz) throws ServletException {
        app.checkDeclaredListener();
        return app.createComponent(clazz, clazz);
    }

    @Override
    public ServletRegistration getServletRegistration(String servletName) {
        app.checkDeclaredListener();
        return app.servlets().get(servletName);
    }

    @Override
    public Map<String, ? extends ServletRegistration> getServletRegistrations() {
        app.checkDeclaredListener();
        return registrations.servletRegistrations();
    }

    @Override
    public FilterRegistration.Dynamic addFilter(String filterName, String className) {
        app.checkDeclaredListener();
        return registrations.addFilter(filterName, className, null, null);
    }

    @Override
    public FilterRegistration.Dynamic addFilter(String filterName, Filter filter) {
        app.checkDeclaredListener();
        return registrations.addFilter(filterName, null, null, filter);
    }

    @Override
    public FilterRegistration.Dynamic addFilter(String filterName, Class<? extends Filter> filterClass) {
        app.checkDeclaredListener();
        return registrations.addFilter(filterName, null, filterClass, null);
    }

    @Override
    public <T extends Filter> T createFilter(Class<T> clazz) throws ServletException {
        app.checkDeclaredListener();
        return app.createComponent(clazz, clazz);
    }

    @Override
    public FilterRegistration getFilterRegistration(String filterName) {
        app.checkDeclaredListener();
        return app.filters().get(filterName);
    }

    @Override
    public Map<String, ? extends FilterRegistration> getFilterRegistrations() {
        app.checkDeclaredListener();
        return registrations.filterRegistrations();
    }

    @Override
    public SessionCookieConfig getSessionCookieConfig() {
        app.checkDeclaredListener();
        return app.sessions().cookieConfig();
    }

    @Override
    public void setSessionTrackingModes(Set<SessionTrackingMode> sessionTrackingModes) {
        app.checkDeclaredListener();
        app.checkConfigurable();
        if (sessionTrackingModes.contains(SessionTrackingMode.SSL)) {
            throw new IllegalArgumentException("SSL session tracking is not supported");
        }
        app.sessions().setTrackingModes(sessionTrackingModes);
    }

    @Override
    public Set<SessionTrackingMode> getDefaultSessionTrackingModes() {
        return EnumSet.of(SessionTrackingMode.COOKIE, SessionTrackingMode.URL);
    }

    @Override
    public Set<SessionTrackingMode> getEffectiveSessionTrackingModes() {
        return app.sessions().trackingModes();
    }

    @Override
    public void addListener(String className) {
        app.checkDeclaredListener();
        registrations.addListener(className);
    }

    @Override
    public <T extends EventListener> void addListener(T t) {
        app.checkDeclaredListener();
        registrations.addListener(t);
    }

    @Override
    public void addListener(Class<? extends EventListener> listenerClass) {
        app.checkDeclaredListener();
        registrations.addListener(listenerClass);
    }

    @Override
    public <T extends EventListener> T createListener(Class<T> clazz) throws ServletException {
        app.checkDeclaredListener();
        return registrations.createListener(clazz);
    }

    @Override
    public JspConfigDescriptor getJspConfigDescriptor() {
        return app.config().jspConfig.descriptor();
    }

    @Override
    public ClassLoader getClassLoader() {
        return app.loader();
    }

    @Override
    public void declareRoles(String... roleNames) {
        app.checkDeclaredListener();
        app.checkConfigurable();
        Collections.addAll(app.config().declaredRoles, roleNames);
    }

    @Override
    public String getVirtualServerName() {
        return "localhost";
    }

    @Override
    public int getSessionTimeout() {
        return app.sessions().timeoutMinutes();
    }

    @Override
    public void setSessionTimeout(int sessionTimeout) {
        app.checkDeclaredListener();
        app.checkConfigurable();
        app.sessions().setTimeoutMinutes(sessionTimeout);
    }

    @Override
    public String getRequestCharacterEncoding() {
        return app.config().requestCharacterEncoding;
    }

    @Override
    public void setRequestCharacterEncoding(String encoding) {
        app.checkDeclaredListener();
        app.checkConfigurable();
        app.config().requestCharacterEncoding = encoding;
    }

    @Override
    public String getResponseCharacterEncoding() {
        return app.config().responseCharacterEncoding;
    }

    @Override
    public void setResponseCharacterEncoding(String encoding) {
        app.checkDeclaredListener();
        app.checkConfigurable();
        app.config().responseCharacterEncoding = encoding;
    }
}
