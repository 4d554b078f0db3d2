package dev.sluice.servlet.internal.component;

import dev.sluice.servlet.internal.component.Listeners;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextAttributeEvent;
import jakarta.servlet.ServletContextAttributeListener;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The attributes of a ServletContext, telling the ServletContextAttributeListeners of each change. */
public final class ContextAttributes {
    private final ServletContext context;
    private final Listeners listeners;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    public ContextAttributes(ServletContext context, Listeners listeners) {
        this.context = context;
        this.listeners = listeners;
    }

    public Object get(String name) {
        return attributes.get(name);
    }

    public Enumeration<String> names() {
        return Collections.enumeration(Set.copyOf(attributes.keySet()));
    }

    /** Setting null removes, as ServletContext.setAttribute says. */
    public void set(String name, Object object) {
        if (name == null) {
            throw new NullPointerException("name");
        }
        if (object == null) {
            remove(name);
            return;
        }
        Object old = attributes.put(name, object);
        if (old == null) {
            ServletContextAttributeEvent e = new ServletContextAttributeEvent(context, name, object);
            listeners.each(ServletContextAttributeListener.class, x -> x.attributeAdded(e));
        } else {
            ServletContextAttributeEvent e = new ServletContextAttributeEvent(context, name, old);
            listeners.each(ServletContextAttributeListener.class, x -> x.attributeReplaced(e));
        }
    }

    public void remove(String name) {
        Object old = attributes.remove(name);
        if (old != null) {
            ServletContextAttributeEvent e = new ServletContextAttributeEvent(context, name, old);
            listeners.each(ServletContextAttributeListener.class, x -> x.attributeRemoved(e));
        }
    }
}
