package dev.sluice.servlet;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of one HTTP session, as a {@link SessionStore} keeps it: id, times in epoch milliseconds, the
 * inactivity limit in seconds (0 or less: never expires) and the attributes.
 */
public final class SessionData {
    private volatile String id;
    private final long creationTime;
    private volatile long lastAccessedTime;
    private volatile long thisAccessedTime;
    private volatile long idleSince;
    private volatile int maxInactiveInterval;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    /** Container state kept with the session but hidden from the webapp (the FORM login's caller). */
    private final Map<String, Object> notes = new ConcurrentHashMap<>();

    public SessionData(String id, long creationTime, int maxInactiveInterval) {
        this.id = id;
        this.creationTime = creationTime;
        this.lastAccessedTime = creationTime;
        this.thisAccessedTime = creationTime;
        this.idleSince = creationTime;
        this.maxInactiveInterval = maxInactiveInterval;
    }

    /** A session read back from a {@link SessionPersistence}, with the times it had. */
    public SessionData(SessionPersistence.Meta meta) {
        this.id = meta.id();
        this.creationTime = meta.creationTime();
        this.lastAccessedTime = meta.lastAccessedTime();
        this.thisAccessedTime = meta.thisAccessedTime();
        this.idleSince = meta.idleSince();
        this.maxInactiveInterval = meta.maxInactiveInterval();
    }

    /** The times as a {@link SessionPersistence} stores them. */
    public SessionPersistence.Meta meta() {
        return new SessionPersistence.Meta(id, creationTime, lastAccessedTime, thisAccessedTime, idleSince,
                maxInactiveInterval);
    }

    public String id() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public long creationTime() {
        return creationTime;
    }

    /** When the previous request that used this session began (HttpSession.getLastAccessedTime). */
    public long lastAccessedTime() {
        return lastAccessedTime;
    }

    /** When the current (latest) request that used this session began. */
    public long thisAccessedTime() {
        return thisAccessedTime;
    }

    public void access(long now) {
        lastAccessedTime = thisAccessedTime;
        thisAccessedTime = now;
    }

    /**
     * A request that used this session ended at {@code now}: the session's idle time counts from here, so a
     * request longer than the timeout does not leave a session that expires the moment it ends.
     */
    public void endAccess(long now) {
        idleSince = Math.max(idleSince, now);
    }

    /** When the session last became idle: the end of the latest request that used it, or its latest start. */
    public long idleSince() {
        return Math.max(idleSince, thisAccessedTime);
    }

    public int maxInactiveInterval() {
        return maxInactiveInterval;
    }

    public void setMaxInactiveInterval(int seconds) {
        this.maxInactiveInterval = seconds;
    }

    public Map<String, Object> attributes() {
        return attributes;
    }

    /** The container's own state kept with the session, by name; the webapp never sees it. */
    public Map<String, Object> notes() {
        return notes;
    }

    /** Whether the session has been idle longer than its limit at {@code now}. */
    public boolean isExpired(long now) {
        return maxInactiveInterval > 0 && now - idleSince() > maxInactiveInterval * 1000L;
    }
}
