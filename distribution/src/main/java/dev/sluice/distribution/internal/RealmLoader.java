package dev.sluice.distribution.internal;

import dev.sluice.servlet.Realm;
import dev.sluice.servlet.RealmFile;
import dev.sluice.servlet.RealmUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.logging.Logger;

/**
 * The server's realm: {@code conf/realm.properties} (or the {@code realm} setting), read at start. The file is
 * read again when it changes, at most every two seconds, so {@code sluice passwd} takes effect on a running
 * server; a change that does not parse is logged (the line number, never a hash) and the previous users stay.
 */
final class RealmLoader implements Realm {
    private static final Logger LOG = Logger.getLogger("dev.sluice.distribution");
    private static final long CHECK_EVERY_NANOS = 2_000_000_000L;

    private final Path file;
    private volatile Realm current;
    private volatile FileTime loadedVersion;
    private volatile long nextCheck;

    private RealmLoader(Path file, Realm realm, FileTime version) {
        this.file = file;
        this.current = realm;
        this.loadedVersion = version;
        this.nextCheck = System.nanoTime() + CHECK_EVERY_NANOS;
    }

    /**
     * The realm of {@code file}; null when {@code file} is null (realm off) or absent (logged: nobody can log in).
     *
     * @throws StartupException when the file cannot be read or a line is malformed
     */
    static Realm load(Path file) {
        if (file == null) {
            return null;
        }
        if (!Files.exists(file)) {
            LOG.warning("No realm file " + file + ": nobody can log in to protected pages (add users with"
                    + " 'sluice passwd USER --roles ROLE')");
            return null;
        }
        try {
            FileTime version = Files.getLastModifiedTime(file);
            RealmFile realm = RealmFile.read(file);
            LOG.info("Realm " + file + ": " + realm.users().size() + " user(s)");
            return new RealmLoader(file, realm.realm(), version);
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupException("cannot read realm file " + file + ": " + e.getMessage());
        }
    }

    @Override
    public RealmUser authenticate(String username, String password) {
        reloadIfChanged();
        return current.authenticate(username, password);
    }

    /** CLIENT-CERT login: the realm user the certificate's subject names (see {@link Realm#certificateNames}). */
    @Override
    public RealmUser authenticate(java.security.cert.X509Certificate clientCertificate) {
        reloadIfChanged();
        return current.authenticate(clientCertificate);
    }

    private void reloadIfChanged() {
        long now = System.nanoTime();
        if (now - nextCheck < 0) {
            return;
        }
        synchronized (this) {
            if (now - nextCheck < 0) {
                return;
            }
            nextCheck = now + CHECK_EVERY_NANOS;
            try {
                FileTime version = Files.getLastModifiedTime(file);
                if (!version.equals(loadedVersion)) {
                    loadedVersion = version; // a bad version is reported once, not every check
                    RealmFile realm = RealmFile.read(file);
                    current = realm.realm();
                    LOG.info("Realm " + file + " reloaded: " + realm.users().size() + " user(s)");
                }
            } catch (NoSuchFileException e) {
                LOG.warning("Realm file " + file + " disappeared; keeping the users read before");
            } catch (IOException | IllegalArgumentException e) {
                LOG.warning("Realm file " + file + " not reloaded, keeping the users read before: " + e.getMessage());
            }
        }
    }
}
