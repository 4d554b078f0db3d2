package dev.sluice.servlet;

import java.util.Collection;

/**
 * Where a webapp's sessions live between requests. The built-in store keeps them in memory; a store that keeps
 * them outside the process (a later issue) implements the same contract and serializes the attribute values.
 *
 * <p><b>Threading.</b> Called from request threads and the expiry sweeper concurrently; implementations are
 * thread-safe. {@link #save} is called after every change the container makes to a session's metadata
 * (creation, id change, access); attribute changes go through the live {@link SessionData} it returned.
 */
public interface SessionStore {
    /** The session with this id, or null. */
    SessionData load(String id);

    void save(SessionData session);

    /** Forgets the session; returns whether it was there. */
    boolean remove(String id);

    /** The ids of every stored session (for expiry). */
    Collection<String> ids();
}
