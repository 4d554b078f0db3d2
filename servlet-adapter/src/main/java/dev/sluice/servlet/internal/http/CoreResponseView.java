package dev.sluice.servlet.internal.http;

import dev.sluice.core.Response;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;

/**
 * The header side of {@link HttpServletResponse} over the core response's header fields. Content-Type and
 * Content-Length go through the setters that own them; nothing changes once {@link #headersLocked()} (committed,
 * or inside an include, Servlet 6.1 section 9.3).
 */
public abstract class CoreResponseView implements HttpServletResponse {
    protected final Response core;

    public CoreResponseView(Response core) {
        this.core = core;
    }

    public abstract boolean headersLocked();

    @Override
    public int getStatus() {
        return core.status().code();
    }

    @Override
    public boolean containsHeader(String name) {
        return core.headers().contains(name);
    }

    @Override
    public void setDateHeader(String name, long date) {
        setHeader(name, HttpDates.format(date));
    }

    @Override
    public void addDateHeader(String name, long date) {
        addHeader(name, HttpDates.format(date));
    }

    @Override
    public void setHeader(String name, String value) {
        if (name == null || headersLocked()) {
            return;
        }
        if (name.equalsIgnoreCase("Content-Type")) {
            setContentType(value);
        } else if (name.equalsIgnoreCase("Content-Length")) {
            setContentLengthLong(value == null ? -1 : Long.parseLong(value.trim()));
        } else if (value == null) {
            core.headers().remove(name);
        } else {
            core.headers().set(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (name == null || value == null || headersLocked()) {
            return;
        }
        if (name.equalsIgnoreCase("Content-Type") || name.equalsIgnoreCase("Content-Length")) {
            setHeader(name, value);
        } else {
            core.headers().add(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }

    @Override
    public String getHeader(String name) {
        return core.headers().get(name);
    }

    @Override
    public Collection<String> getHeaders(String name) {
        return core.headers().getAll(name);
    }

    @Override
    public Collection<String> getHeaderNames() {
        return core.headers().names();
    }
}
