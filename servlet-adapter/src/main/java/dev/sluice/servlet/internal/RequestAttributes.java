package dev.sluice.servlet.internal;

import dev.sluice.core.Request;
import dev.sluice.servlet.internal.component.Listeners;
import dev.sluice.servlet.internal.http.ConnectionAttributes;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestAttributeEvent;
import jakarta.servlet.ServletRequestAttributeListener;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * The attributes of one request (Servlet 6.1 section 3.10), starting with the connection's (TLS facts, section
 * 3.10.1), and the ServletRequestAttributeListener events their changes raise in the webapp the request is in at
 * that moment (section 11.2.2). Thread-safe: an async request may be touched by several threads in turn.
 */
final class RequestAttributes {
    private final Map<String, Object> values = new HashMap<>();

    RequestAttributes(Request core) {
        ConnectionAttributes.put(core, values);
    }

    Object get(String name) {
        synchronized (values) {
            return values.get(name);
        }
    }

    /** A copy, so a caller may set or remove attributes while going through the names. */
    Enumeration<String> names() {
        synchronized (values) {
            return Collections.enumeration(new LinkedHashSet<>(values.keySet()));
        }
    }

    /** Sets (a null value removes) and tells {@code app}'s listeners, with {@code source} as the event's request. */
    void set(WebApp app, ServletRequest source, String name, Object o) {
        if (name == null) {
            throw new IllegalArgumentException("Attribute name must not be null");
        }
        if (o == null) {
            remove(app, source, name);
            return;
        }
        Object old;
        synchronized (values) {
            old = values.put(name, o);
        }
        Listeners l = app.listeners();
        ServletContext ctx = app.context();
        if (old == null) {
            ServletRequestAttributeEvent e = new ServletRequestAttributeEvent(ctx, source, name, o);
            l.each(ServletRequestAttributeListener.class, x -> x.attributeAdded(e));
        } else {
            ServletRequestAttributeEvent e = new ServletRequestAttributeEvent(ctx, source, name, old);
            l.each(ServletRequestAttributeListener.class, x -> x.attributeReplaced(e));
        }
    }

    void remove(WebApp app, ServletRequest source, String name) {
        Object old;
        synchronized (values) {
            old = values.remove(name);
        }
        if (old != null) {
            ServletRequestAttributeEvent e = new ServletRequestAttributeEvent(app.context(), source, name, old);
            app.listeners().each(ServletRequestAttributeListener.class, x -> x.attributeRemoved(e));
        }
    }
}
