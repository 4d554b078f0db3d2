package dev.sluice.servlet;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A session store outside the webapp's heap: a file per session, or a shared server (Redis) that several
 * instances behind a balancer read, so any instance serves any session and one can restart without logging anyone
 * out. Chosen with the container setting {@code sessionStore} ({@code file}, or a kind a {@link ContainerModule}
 * provides, such as {@code redis}).
 *
 * <p>The store sees bytes only: the container serializes the attributes with the webapp's class loader and gives
 * the store one named field per attribute, so two requests on one session that set different attributes each
 * write only their own field and do not undo each other's writes. Each request loads a fresh copy at its start
 * and writes what it changed before its response is sent.
 *
 * <p><b>Threading.</b> Called from request threads and the expiry sweeper concurrently; implementations are
 * thread-safe. <b>Failure.</b> A store that cannot answer (a server down or slow past its timeout) throws
 * {@link SessionStoreUnavailableException} within a bounded time, never blocks a worker indefinitely; the request
 * then gets 503.
 */
public interface SessionPersistence extends AutoCloseable {
    /**
     * The times of a stored session, in epoch milliseconds, and its inactivity limit in seconds (0 or less: never
     * expires), as {@link SessionData} has them.
     */
    record Meta(String id, long creationTime, long lastAccessedTime, long thisAccessedTime, long idleSince,
                int maxInactiveInterval) {
        /** When the session expires unless used again; {@link Long#MAX_VALUE} for never. */
        public long expiresAt() {
            return maxInactiveInterval <= 0 ? Long.MAX_VALUE : idleSince + maxInactiveInterval * 1000L;
        }
    }

    /** A session as stored: its times and its fields by name. */
    record Stored(Meta meta, Map<String, byte[]> fields) {
    }

    /** The session with this id, or null when there is none (never stored, removed, or gone with its TTL). */
    Stored load(String id);

    /**
     * Creates the session or updates it: its times, the fields {@code changed} (set), the fields {@code removed}
     * (deleted); fields named in neither keep their stored value.
     *
     * @param create true when the session is new; false updates only a session still stored (one another instance
     *               invalidated meanwhile stays gone)
     */
    void save(Meta meta, Map<String, byte[]> changed, Collection<String> removed, boolean create);

    /** Forgets the session; returns whether it was there. */
    boolean remove(String id);

    /** Moves the session's fields from {@code oldId} to {@code meta.id()} (Servlet 6.1 changeSessionId). */
    void rename(String oldId, Meta meta);

    /**
     * Sessions whose {@link Meta#expiresAt()} has passed at {@code now}, at most {@code max}. Each is handed to one
     * caller only, across every instance sharing the store; it stays loadable until {@link #remove}, so the
     * claiming instance can tell its listeners (sessionDestroyed) with the attributes still there.
     */
    List<String> claimExpired(long now, int max);

    /** Frees connections; called once when the webapp stops. */
    @Override
    default void close() {
    }
}
