package dev.sluice.servlet.internal.session;

import dev.sluice.servlet.SessionData;
import dev.sluice.servlet.SessionPersistence;
import dev.sluice.servlet.SessionStore;
import dev.sluice.servlet.internal.caps.Cap;
import dev.sluice.servlet.internal.caps.ResourceCaps;
import dev.sluice.servlet.internal.component.AppScope;
import dev.sluice.servlet.internal.deploy.WebAppConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionIdListener;
import jakarta.servlet.http.HttpSessionListener;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The sessions of one webapp (Servlet 6.1 chapter 7): creation with an unguessable id, lookup with expiry,
 * id change, invalidation with its events, and a periodic sweep that expires idle sessions.
 *
 * <p>Sessions live either in a {@link SessionStore} of this process, where every request shares one live
 * {@link StandardSession} per id, or in a {@link SessionPersistence} outside it (a file, Redis), where each
 * request works on its own copy, loaded as the request finds it and written back by {@link #persist} before the
 * response is sent; then stopping the webapp leaves the sessions stored for the next start or another instance.
 */
public final class SessionManager {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AppScope app;
    private final Clock clock;
    private final SessionStore store; // null when persistent
    private final PersistentSessions persistent; // null when in memory
    private final SessionCookieConfigImpl cookieConfig;
    private final Map<String, StandardSession> views = new ConcurrentHashMap<>();
    /**
     * The sessions this manager created and has not seen end, against maxActiveSessions: a count per server
     * process (with a shared store, another server's sessions are not in it). The set makes the release of each
     * one happen once; the counter makes the check and the reservation one step.
     */
    private final Set<StandardSession> counted = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger active = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Set<SessionTrackingMode> trackingModes;
    private volatile int timeoutMinutes;
    private ScheduledFuture<?> sweeper;
    /** Held by a sweep and by {@link #stop}: once stop returns, no sweep runs this webapp's listeners any more. */
    private final Object sweeping = new Object();
    private boolean stopped; // guarded by sweeping

    public SessionManager(AppScope app, Clock clock, SessionStore store) {
        this(app, clock, store, null);
    }

    public SessionManager(AppScope app, Clock clock, SessionPersistence persistence) {
        this(app, clock, null, new PersistentSessions(persistence, app.loader(), app.displayPath()));
    }

    private SessionManager(AppScope app, Clock clock, SessionStore store, PersistentSessions persistent) {
        this.app = app;
        this.clock = clock;
        this.store = store;
        this.persistent = persistent;
        WebAppConfig config = app.config();
        this.cookieConfig = new SessionCookieConfigImpl(app, config.sessionCookie);
        this.timeoutMinutes = config.sessionTimeoutMinutes == null ? 30 : config.sessionTimeoutMinutes;
        this.trackingModes = config.trackingModes.isEmpty()
                ? EnumSet.of(SessionTrackingMode.COOKIE, SessionTrackingMode.URL)
                : EnumSet.copyOf(config.trackingModes);
    }

    public void start() {
        if (app.settings().scheduler() != null) {
            sweeper = app.settings().scheduler().scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
        }
    }

    /**
     * Expires every session of the memory store (undeploy): their listeners are told, their attributes unbound.
     * Persistent sessions stay stored, for the next start or another instance.
     */
    public void stop() {
        if (sweeper != null) {
            sweeper.cancel(false);
        }
        synchronized (sweeping) { // a sweep already under way finishes first
            stopped = true;
            if (persistent != null) {
                persistent.close();
                return;
            }
            for (String id : store.ids()) {
                StandardSession s = view(id);
                if (s != null) {
                    invalidate(s);
                }
            }
        }
    }

    public long now() {
        return clock.millis();
    }

    /** Expires the sessions idle past their limit. */
    public void sweep() {
        synchronized (sweeping) {
            if (!stopped) {
                sweepNow();
            }
        }
    }

    private void sweepNow() {
        long now = now();
        if (persistent != null) {
            sweepPersistent(now);
            return;
        }
        for (String id : store.ids()) {
            SessionData data = store.load(id);
            if (data != null && data.isExpired(now)) {
                StandardSession s = view(id);
                if (s != null && !s.inUse()) {
                    app.runSafely("expiry of a session", () -> runInApp(() -> invalidate(s)));
                }
            }
        }
    }

    /** Expires the sessions this instance claims; one another request used meanwhile is put back in the index. */
    private void sweepPersistent(long now) {
        try {
            for (String id : persistent.claimExpired(now)) {
                StandardSession s = persistent.load(this, id);
                if (s == null) {
                    continue;
                }
                if (s.data().isExpired(now)) {
                    app.runSafely("expiry of a session", () -> runInApp(() -> invalidate(s)));
                } else {
                    persistent.reindex(s); // used again meanwhile: back in the expiry index, expiring later
                }
            }
        } catch (dev.sluice.servlet.SessionStoreUnavailableException e) {
            // logged by PersistentSessions; the next sweep tries again (an exception would end the schedule)
        }
    }

    private void runInApp(Runnable r) {
        ClassLoader previous = app.enter();
        try {
            r.run();
        } finally {
            AppScope.exit(previous);
        }
    }

    /** The live session with {@code id}, or null when there is none or it has expired (then it is expired). */
    public StandardSession find(String id) {
        if (id == null) {
            return null;
        }
        StandardSession s = view(id);
        if (s == null) {
            return null;
        }
        if (!s.inUse() && s.data().isExpired(now())) {
            if (persistent == null) {
                invalidate(s);
            } // else the sweep that claims it tells the listeners: once, whichever instance sees it first
            return null;
        }
        return s;
    }

    private StandardSession view(String id) {
        if (persistent != null) {
            return persistent.load(this, id);
        }
        SessionData data = store.load(id);
        if (data == null) {
            StandardSession gone = views.remove(id);
            if (gone != null) {
                uncount(gone); // ended elsewhere (a shared store)
            }
            return null;
        }
        return views.computeIfAbsent(id, k -> new StandardSession(this, data, false));
    }

    public StandardSession create() {
        return create(newId());
    }

    /**
     * A new session under an id the request's own context gave its session: how a context the request was
     * dispatched into (cross-context) keeps its own session for the id the client holds (Servlet 6.1 section 7.3).
     */
    public StandardSession create(String id) {
        // maxActiveSessions bounds the sessions this process holds in its heap; a persistent store (a file
        // folder, Redis) holds them outside it, and each request works on its own copy, so none is counted.
        ResourceCaps caps = app.settings().caps();
        if (persistent == null && !reserve(caps.maxActiveSessions())) {
            throw caps.refuse(Cap.ACTIVE_SESSIONS, caps.maxActiveSessions());
        }
        SessionData data = new SessionData(id, now(), timeoutMinutes * 60);
        StandardSession s = new StandardSession(this, data, true);
        if (persistent == null) {
            counted.add(s);
        }
        s.enter();
        if (persistent != null) {
            persistent.create(s);
        } else {
            store.save(data);
            views.put(id, s);
        }
        HttpSessionEvent event = new HttpSessionEvent(s);
        app.listeners().each(HttpSessionListener.class, l -> l.sessionCreated(event));
        return s;
    }

    /** Marks the start of a request that uses the session; {@link #release} marks its end. */
    public void access(StandardSession s) {
        s.enter();
        s.data().access(now());
        if (persistent == null) {
            store.save(s.data());
        }
    }

    /**
     * Writes what a request changed in a persistent session, before its response is sent, so that the client's
     * next request finds it on any instance. Nothing to do for the memory store.
     *
     * @throws dev.sluice.servlet.SessionStoreUnavailableException when the store does not answer
     */
    public void persist(StandardSession s) {
        if (persistent != null && s.isValid()) {
            s.data().endAccess(now());
            persistent.persist(s);
        }
    }

    /** A request that used the session (found or created it) has ended; the idle time starts now. */
    public void release(StandardSession s) {
        if (persistent == null && s.isValid()) {
            s.data().endAccess(now());
            store.save(s.data());
        }
        // Last: a sweep that sees the session free must also see its new idle start.
        s.leave();
    }

    public String changeId(StandardSession s) {
        String old = s.getId();
        String id = newId();
        s.data().setId(id);
        if (persistent != null) {
            persistent.rename(old, s);
        } else {
            views.remove(old);
            store.remove(old);
            store.save(s.data());
            views.put(id, s);
        }
        HttpSessionEvent event = new HttpSessionEvent(s);
        app.listeners().each(HttpSessionIdListener.class, l -> l.sessionIdChanged(event, old));
        return id;
    }

    /** Section 7.4: sessionDestroyed before the attributes are unbound; listeners in reverse order. */
    public void invalidate(StandardSession s) {
        if (!s.beginInvalidate()) {
            return;
        }
        try {
            HttpSessionEvent event = new HttpSessionEvent(s);
            app.listeners().eachReverse(HttpSessionListener.class, l -> l.sessionDestroyed(event));
            s.unbindAll();
        } finally {
            s.markInvalid();
            if (persistent != null) {
                persistent.remove(s.getId());
            } else {
                store.remove(s.getId());
                views.remove(s.getId());
            }
            uncount(s);
        }
    }

    /** Sessions this manager created that have not ended (see {@link #counted}). */
    public int active() {
        return active.get();
    }

    /** Takes one place under {@code max}; false when none is left. */
    private boolean reserve(int max) {
        while (true) {
            int n = active.get();
            if (n >= max) {
                return false;
            }
            if (active.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    private void uncount(StandardSession s) {
        if (counted.remove(s)) {
            active.decrementAndGet();
        }
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    public AppScope app() {
        return app;
    }

    public SessionCookieConfigImpl cookieConfig() {
        return cookieConfig;
    }

    public Set<SessionTrackingMode> trackingModes() {
        return EnumSet.copyOf(trackingModes);
    }

    public void setTrackingModes(Set<SessionTrackingMode> modes) {
        trackingModes = modes.isEmpty() ? EnumSet.noneOf(SessionTrackingMode.class) : EnumSet.copyOf(modes);
    }

    public int timeoutMinutes() {
        return timeoutMinutes;
    }

    public void setTimeoutMinutes(int minutes) {
        timeoutMinutes = minutes;
    }
}
