package dev.sluice.servlet.internal.session;

import dev.sluice.servlet.SessionPersistence;
import dev.sluice.servlet.SessionStoreUnavailableException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code sessionStore=file}: one file per session in a folder of the webapp's own, so its sessions survive a
 * restart of this instance (as Tomcat's PersistentManager with a FileStore). Each write replaces the file
 * atomically (a new file, then a rename), so a crash leaves the old or the new state, never half of one. For one
 * instance only: two processes sharing the folder would race on the expiry index each keeps in memory.
 *
 * <p>Thread safe: one lock serializes the read-modify-write of a file against other writes and removals.
 */
final class FileSessionPersistence implements SessionPersistence {
    private static final Logger LOG = Logger.getLogger("dev.sluice.servlet.session");
    private static final int MAGIC = 0x534C5331; // "SLS1"
    private static final String SUFFIX = ".session";
    /** Ids come from cookies: only this shape can name a file, so no id can reach outside the folder. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final Path dir;
    /** Expiry time of every stored session, read from the folder at start. */
    private final Map<String, Long> expiresAt = new ConcurrentHashMap<>();
    private final Object lock = new Object();

    FileSessionPersistence(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
                for (Path f : files) {
                    Stored s = read(f);
                    if (s != null) {
                        expiresAt.put(s.meta().id(), s.meta().expiresAt());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot use " + dir + " for sessions: " + e.getMessage(), e);
        }
    }

    private Path file(String id) {
        return dir.resolve(id + SUFFIX);
    }

    @Override
    public Stored load(String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            return null;
        }
        synchronized (lock) {
            try {
                return read(file(id));
            } catch (IOException e) {
                throw new SessionStoreUnavailableException("reading " + file(id) + ": " + e);
            }
        }
    }

    @Override
    public void save(Meta meta, Map<String, byte[]> changed, Collection<String> removed, boolean create) {
        if (!SAFE_ID.matcher(meta.id()).matches()) {
            throw new IllegalArgumentException("Unsafe session id for a file name");
        }
        synchronized (lock) {
            try {
                Stored old = read(file(meta.id()));
                if (old == null && !create) {
                    return; // invalidated meanwhile: stays gone
                }
                Map<String, byte[]> fields = old == null ? new LinkedHashMap<>() : new LinkedHashMap<>(old.fields());
                fields.putAll(changed);
                removed.forEach(fields::remove);
                write(new Stored(meta, fields));
                expiresAt.put(meta.id(), meta.expiresAt());
            } catch (IOException e) {
                throw new SessionStoreUnavailableException("writing " + file(meta.id()) + ": " + e);
            }
        }
    }

    @Override
    public boolean remove(String id) {
        if (!SAFE_ID.matcher(id).matches()) {
            return false;
        }
        synchronized (lock) {
            expiresAt.remove(id);
            try {
                return Files.deleteIfExists(file(id));
            } catch (IOException e) {
                throw new SessionStoreUnavailableException("removing " + file(id) + ": " + e);
            }
        }
    }

    @Override
    public void rename(String oldId, Meta meta) {
        synchronized (lock) {
            Stored old = load(oldId);
            if (old != null) {
                save(meta, old.fields(), List.of(), true);
                remove(oldId);
            }
        }
    }

    @Override
    public List<String> claimExpired(long now, int max) {
        List<String> claimed = new ArrayList<>();
        for (Map.Entry<String, Long> e : expiresAt.entrySet()) {
            if (claimed.size() >= max) {
                break;
            }
            // remove(key, value): a save that moved the expiry meanwhile keeps the session out of this sweep
            if (e.getValue() <= now && expiresAt.remove(e.getKey(), e.getValue())) {
                claimed.add(e.getKey());
            }
        }
        return claimed;
    }

    private void write(Stored s) throws IOException {
        Path tmp = Files.createTempFile(dir, s.meta().id(), ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            Meta m = s.meta();
            out.writeInt(MAGIC);
            out.writeUTF(m.id());
            out.writeLong(m.creationTime());
            out.writeLong(m.lastAccessedTime());
            out.writeLong(m.thisAccessedTime());
            out.writeLong(m.idleSince());
            out.writeInt(m.maxInactiveInterval());
            out.writeInt(s.fields().size());
            for (Map.Entry<String, byte[]> f : s.fields().entrySet()) {
                out.writeUTF(f.getKey());
                out.writeInt(f.getValue().length);
                out.write(f.getValue());
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file(s.meta().id()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The stored session, or null when there is no file or it is not one of ours (logged, then ignored). */
    private static Stored read(Path f) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(f)))) {
            if (in.readInt() != MAGIC) {
                LOG.warning("Not a session file, ignored: " + f);
                return null;
            }
            Meta meta = new Meta(in.readUTF(), in.readLong(), in.readLong(), in.readLong(), in.readLong(),
                    in.readInt());
            int count = in.readInt();
            Map<String, byte[]> fields = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                fields.put(name, in.readNBytes(in.readInt()));
            }
            return new Stored(meta, fields);
        } catch (NoSuchFileException e) {
            return null;
        } catch (java.io.EOFException e) {
            LOG.warning("Truncated session file, ignored: " + f);
            return null;
        }
    }
}
