package dev.sluice.servlet.internal.session;

import dev.sluice.servlet.SessionData;
import dev.sluice.servlet.SessionStore;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The default {@link SessionStore}: live sessions in a concurrent map of this process. */
public final class MemorySessionStore implements SessionStore {
    private final Map<String, SessionData> sessions = new ConcurrentHashMap<>();

    @Override
    public SessionData load(String id) {
        return sessions.get(id);
    }

    @Override
    public void save(SessionData session) {
        sessions.put(session.id(), session);
    }

    @Override
    public boolean remove(String id) {
        return sessions.remove(id) != null;
    }

    @Override
    public Collection<String> ids() {
        return List.copyOf(sessions.keySet());
    }
}
