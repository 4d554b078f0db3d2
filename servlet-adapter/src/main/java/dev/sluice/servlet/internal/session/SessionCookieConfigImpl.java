package dev.sluice.servlet.internal.session;

import dev.sluice.servlet.internal.component.AppScope;
import dev.sluice.servlet.internal.deploy.WebAppConfig;
import jakarta.servlet.SessionCookieConfig;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The session cookie settings of a webapp (Servlet 6.1 section 7.1.1); fixed once the webapp is initialized. */
public final class SessionCookieConfigImpl implements SessionCookieConfig {
    private final AppScope app;
    private String name = "JSESSIONID";
    private String domain;
    private String path;
    private boolean httpOnly = true;
    private boolean secure;
    private int maxAge = -1;
    private final Map<String, String> attributes = new LinkedHashMap<>();

    public SessionCookieConfigImpl(AppScope app, WebAppConfig.CookieDef def) {
        this.app = app;
        if (def.name != null) {
            name = def.name;
        }
        domain = def.domain;
        path = def.path;
        if (def.httpOnly != null) {
            httpOnly = def.httpOnly;
        }
        if (def.secure != null) {
            secure = def.secure;
        }
        if (def.maxAge != null) {
            maxAge = def.maxAge;
        }
        attributes.putAll(def.attributes);
    }

    @Override
    public void setName(String name) {
        app.checkConfigurable();
        this.name = name;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public void setDomain(String domain) {
        app.checkConfigurable();
        this.domain = domain;
    }

    @Override
    public String getDomain() {
        return domain;
    }

    @Override
    public void setPath(String path) {
        app.checkConfigurable();
        this.path = path;
    }

    /** The configured path, else the context path ("/" for ROOT), as section 7.1.1 requires. */
    @Override
    public String getPath() {
        return path;
    }

    public String effectivePath() {
        return path != null ? path : app.contextPath().isEmpty() ? "/" : app.contextPath();
    }

    @Override
    @SuppressWarnings("deprecation")
    public void setComment(String comment) {
        app.checkConfigurable();
    }

    @Override
    @SuppressWarnings("deprecation")
    public String getComment() {
        return null;
    }

    @Override
    public void setHttpOnly(boolean httpOnly) {
        app.checkConfigurable();
        this.httpOnly = httpOnly;
    }

    @Override
    public boolean isHttpOnly() {
        return httpOnly;
    }

    @Override
    public void setSecure(boolean secure) {
        app.checkConfigurable();
        this.secure = secure;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public void setMaxAge(int maxAge) {
        app.checkConfigurable();
        this.maxAge = maxAge;
    }

    @Override
    public int getMaxAge() {
        return maxAge;
    }

    @Override
    public void setAttribute(String name, String value) {
        app.checkConfigurable();
        attributes.put(name, value);
    }

    @Override
    public String getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Map<String, String> getAttributes() {
        return Collections.unmodifiableMap(attributes);
    }
}
