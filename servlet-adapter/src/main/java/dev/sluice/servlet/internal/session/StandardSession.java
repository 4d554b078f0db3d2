package dev.sluice.servlet.internal.session;

import dev.sluice.servlet.SessionData;
import dev.sluice.servlet.internal.component.Listeners;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** The {@link HttpSession} view of a stored {@link SessionData}, with the binding events of section 7.4. */
public final class StandardSession implements HttpSession {
    private final SessionManager manager;
    private final SessionData data;
    private volatile boolean isNew;
    private volatile boolean valid = true;
    /** Requests of this process using the session now: it cannot time out under them (TCK, as Tomcat). */
    private final java.util.concurrent.atomic.AtomicInteger users = new java.util.concurrent.atomic.AtomicInteger();
    /** The fields as last loaded from or written to a {@link dev.sluice.servlet.SessionPersistence}, or null. */
    private java.util.Map<String, byte[]> stored;
    /** The times as last loaded or written, with {@link #stored}. */
    private dev.sluice.servlet.SessionPersistence.Meta storedMeta;

    public StandardSession(SessionManager manager, SessionData data, boolean isNew) {
        this.manager = manager;
        this.data = data;
        this.isNew = isNew;
    }

    public SessionManager manager() {
        return manager;
    }

    java.util.Map<String, byte[]> stored() {
        return stored;
    }

    dev.sluice.servlet.SessionPersistence.Meta storedMeta() {
        return storedMeta;
    }

    void stored(java.util.Map<String, byte[]> fields, dev.sluice.servlet.SessionPersistence.Meta meta) {
        this.stored = fields;
        this.storedMeta = meta;
    }

    public Object note(String name) {
        return data.notes().get(name);
    }

    /** Sets a note; null removes it. */
    public void note(String name, Object value) {
        if (value == null) {
            data.notes().remove(name);
        } else {
            data.notes().put(name, value);
        }
    }

    public SessionData data() {
        return data;
    }

    public void enter() {
        users.incrementAndGet();
    }

    public void leave() {
        users.decrementAndGet();
    }

    public boolean inUse() {
        return users.get() > 0;
    }

    public boolean isValid() {
        return valid;
    }

    private boolean expiring;

    /**
     * Starts invalidation; false if it already started. The session stays usable until {@link #markInvalid}, so
     * sessionDestroyed listeners can still read it (Servlet 6.1 section 11.2.2).
     */
    public synchronized boolean beginInvalidate() {
        if (expiring || !valid) {
            return false;
        }
        expiring = true;
        return true;
    }

    public void markInvalid() {
        valid = false;
    }

    public void notNew() {
        isNew = false;
    }

    private void checkValid() {
        if (!valid) {
            throw new IllegalStateException("Session " + data.id() + " has been invalidated");
        }
    }

    @Override
    public long getCreationTime() {
        checkValid();
        return data.creationTime();
    }

    @Override
    public String getId() {
        return data.id();
    }

    @Override
    public long getLastAccessedTime() {
        checkValid();
        return data.lastAccessedTime();
    }

    @Override
    public ServletContext getServletContext() {
        return manager.app().context();
    }

    @Override
    public void setMaxInactiveInterval(int interval) {
        data.setMaxInactiveInterval(interval);
    }

    @Override
    public int getMaxInactiveInterval() {
        return data.maxInactiveInterval();
    }

    @Override
    public Object getAttribute(String name) {
        checkValid();
        return data.attributes().get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        checkValid();
        return Collections.enumeration(List.copyOf(data.attributes().keySet()));
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (name == null) {
            throw new IllegalArgumentException("Attribute name must not be null");
        }
        checkValid();
        if (value == null) {
            removeAttribute(name);
            return;
        }
        if (value instanceof HttpSessionBindingListener bl) {
            bl.valueBound(new HttpSessionBindingEvent(this, name, value));
        }
        Object old = data.attributes().put(name, value);
        if (old != null && old != value && old instanceof HttpSessionBindingListener bl) {
            bl.valueUnbound(new HttpSessionBindingEvent(this, name, old));
        }
        Listeners l = manager.app().listeners();
        if (old == null) {
            HttpSessionBindingEvent e = new HttpSessionBindingEvent(this, name, value);
            l.each(HttpSessionAttributeListener.class, x -> x.attributeAdded(e));
        } else {
            HttpSessionBindingEvent e = new HttpSessionBindingEvent(this, name, old);
            l.each(HttpSessionAttributeListener.class, x -> x.attributeReplaced(e));
        }
    }

    @Override
    public void removeAttribute(String name) {
        checkValid();
        remove(name);
    }

    private void remove(String name) {
        Object old = data.attributes().remove(name);
        if (old == null) {
            return;
        }
        HttpSessionBindingEvent e = new HttpSessionBindingEvent(this, name, old);
        if (old instanceof HttpSessionBindingListener bl) {
            bl.valueUnbound(e);
        }
        manager.app().listeners().each(HttpSessionAttributeListener.class, x -> x.attributeRemoved(e));
    }

    public void unbindAll() {
        for (String name : List.copyOf(data.attributes().keySet())) {
            remove(name);
        }
    }

    @Override
    public void invalidate() {
        checkValid();
        manager.invalidate(this);
    }

    @Override
    public boolean isNew() {
        checkValid();
        return isNew;
    }
}
