package dev.sluice.servlet.internal.session;

import dev.sluice.servlet.SessionData;
import dev.sluice.servlet.SessionPersistence;
import dev.sluice.servlet.SessionStoreUnavailableException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sessions of one webapp in a {@link SessionPersistence}: each request gets its own copy, read at its start, and
 * writes back only the fields whose serialized bytes changed (so a mutated list is saved, and two requests that
 * set different attributes keep both). Attributes are serialized with the webapp's class loader, the container's
 * notes (the FORM login's caller) with the container's; they are fields {@code a:name} and {@code n:name}.
 *
 * <p>Thread safe: holds no per-session state; the per-copy snapshot lives in its {@link StandardSession}.
 */
final class PersistentSessions {
    private static final Logger LOG = Logger.getLogger("dev.sluice.servlet.session");
    private static final String ATTRIBUTE = "a:";
    private static final String NOTE = "n:";

    private final SessionPersistence store;
    private final ClassLoader webappLoader;
    private final String displayPath;
    private final AtomicBoolean reachable = new AtomicBoolean(true);
    /** Attribute names already reported as not serializable, so the log says it once per name. */
    private final Set<String> reportedUnserializable = ConcurrentHashMap.newKeySet();

    PersistentSessions(SessionPersistence store, ClassLoader webappLoader, String displayPath) {
        this.store = store;
        this.webappLoader = webappLoader;
        this.displayPath = displayPath;
    }

    /** A fresh copy of the stored session, or null. */
    StandardSession load(SessionManager manager, String id) {
        SessionPersistence.Stored stored = call(() -> store.load(id));
        if (stored == null) {
            return null;
        }
        SessionData data = new SessionData(stored.meta());
        for (Map.Entry<String, byte[]> f : stored.fields().entrySet()) {
            String name = f.getKey();
            boolean attribute = name.startsWith(ATTRIBUTE);
            if (!attribute && !name.startsWith(NOTE)) {
                continue;
            }
            Object value;
            try {
                value = deserialize(f.getValue(), attribute ? webappLoader : PersistentSessions.class.getClassLoader());
            } catch (IOException | ClassNotFoundException | RuntimeException e) {
                // A class the webapp no longer has, bytes from an incompatible version, or a blob past the read
                // limits (SessionReadFilter): the attribute is lost, the rest of the session is not.
                LOG.warning("Session attribute " + name.substring(2) + " of " + displayPath
                        + " cannot be read back, dropped: " + e);
                continue;
            }
            (attribute ? data.attributes() : data.notes()).put(name.substring(2), value);
        }
        StandardSession s = new StandardSession(manager, data, false);
        s.stored(new HashMap<>(stored.fields()), stored.meta());
        return s;
    }

    /** Stores a session just created, with all its fields. */
    void create(StandardSession s) {
        Map<String, byte[]> fields = fields(s.data());
        SessionPersistence.Meta meta = s.data().meta();
        call(() -> {
            store.save(meta, fields, List.of(), true);
            return null;
        });
        s.stored(fields, meta);
    }

    /**
     * Writes the session's times and the fields that changed since it was loaded or last written; nothing when
     * no field changed and only the idle start moved by less than a second (a request that wrote its session
     * before its response went out, then ended).
     */
    void persist(StandardSession s) {
        SessionPersistence.Meta meta = s.data().meta();
        Map<String, byte[]> now = fields(s.data());
        Map<String, byte[]> before = s.stored() == null ? Map.of() : s.stored();
        Map<String, byte[]> changed = new HashMap<>();
        now.forEach((name, bytes) -> {
            if (!Arrays.equals(bytes, before.get(name))) {
                changed.put(name, bytes);
            }
        });
        List<String> removed = new ArrayList<>();
        for (String name : before.keySet()) {
            if (!now.containsKey(name)) {
                removed.add(name);
            }
        }
        if (changed.isEmpty() && removed.isEmpty() && sameButIdleStart(s.storedMeta(), meta)) {
            return;
        }
        call(() -> {
            store.save(meta, changed, removed, false);
            return null;
        });
        s.stored(now, meta);
    }

    /** Writes the session's times as they are, putting it back in the store's expiry index. */
    void reindex(StandardSession s) {
        SessionPersistence.Meta meta = s.data().meta();
        call(() -> {
            store.save(meta, Map.of(), List.of(), false);
            return null;
        });
        s.stored(s.stored(), meta);
    }

    private static boolean sameButIdleStart(SessionPersistence.Meta before, SessionPersistence.Meta now) {
        return before != null && before.id().equals(now.id())
                && before.lastAccessedTime() == now.lastAccessedTime()
                && before.thisAccessedTime() == now.thisAccessedTime()
                && before.maxInactiveInterval() == now.maxInactiveInterval()
                && now.idleSince() - before.idleSince() < 1000;
    }

    void remove(String id) {
        call(() -> store.remove(id));
    }

    void rename(String oldId, StandardSession s) {
        call(() -> {
            store.rename(oldId, s.data().meta());
            return null;
        });
    }

    List<String> claimExpired(long now) {
        return call(() -> store.claimExpired(now, 100));
    }

    void close() {
        store.close();
    }

    private Map<String, byte[]> fields(SessionData data) {
        Map<String, byte[]> fields = new HashMap<>();
        data.attributes().forEach((name, value) -> {
            byte[] bytes = serialize(name, value);
            if (bytes != null) {
                fields.put(ATTRIBUTE + name, bytes);
            }
        });
        data.notes().forEach((name, value) -> {
            byte[] bytes = serialize(name, value);
            if (bytes != null) {
                fields.put(NOTE + name, bytes);
            }
        });
        return fields;
    }

    /** The value's bytes, or null (logged once per name) when it is not serializable: it stays out of the store. */
    private byte[] serialize(String name, Object value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            if (reportedUnserializable.add(name)) {
                LOG.warning("Session attribute " + name + " of " + displayPath + " is not serializable ("
                        + e + "): it is not stored and other instances will not see it");
            }
            return null;
        }
        return bytes.toByteArray();
    }

    private static Object deserialize(byte[] bytes, ClassLoader loader) throws IOException, ClassNotFoundException {
        SessionReadFilter filter = new SessionReadFilter(bytes.length);
        try (ObjectInputStream in = new LoaderObjectInputStream(new ByteArrayInputStream(bytes), loader)) {
            in.setObjectInputFilter(filter);
            return in.readObject();
        } catch (InvalidClassException e) {
            if (filter.rejection() != null) { // say which limit, not just "filter status: REJECTED"
                throw new InvalidClassException("past the session read limits: " + filter.rejection());
            }
            throw e;
        }
    }

    /** Runs a store operation; a failure is a 503 for the request, logged once when the store stops answering. */
    private <T> T call(java.util.function.Supplier<T> operation) {
        try {
            T result = operation.get();
            if (!reachable.get() && reachable.compareAndSet(false, true)) {
                LOG.info("Session store answers again for " + displayPath);
            }
            return result;
        } catch (SessionStoreUnavailableException e) {
            if (reachable.compareAndSet(true, false)) {
                LOG.log(Level.WARNING, "Session store does not answer for " + displayPath
                        + "; requests that use a session get 503 until it does: " + e.detail());
            }
            throw e;
        }
    }

    /** Resolves classes with a given loader: the webapp's for its attributes (Servlet 6.1 section 7.7.2). */
    private static final class LoaderObjectInputStream extends ObjectInputStream {
        private final ClassLoader loader;

        LoaderObjectInputStream(InputStream in, ClassLoader loader) throws IOException {
            super(in);
            this.loader = loader;
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc); // primitives and their arrays
            }
        }
    }
}
