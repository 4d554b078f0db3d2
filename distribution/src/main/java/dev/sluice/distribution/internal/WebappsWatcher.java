package dev.sluice.distribution.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Keeps the deployed webapps in step with the webapps folder: an exploded folder or {@code .war} that appears is
 * deployed, one that disappears is undeployed, and one whose {@code WEB-INF} (web.xml, classes, jars) or
 * {@code .war} changed is redeployed. A change is acted on only once it has held still for one scan, so a
 * {@code .war} still being copied is not deployed half-written.
 *
 * <p>Polling rather than a {@link java.nio.file.WatchService}: the watch service misses changes deep inside
 * {@code WEB-INF} trees and behaves differently on each file system; a scan of a few webapps every two seconds
 * costs nothing.
 */
public final class WebappsWatcher {
    /** What the watcher drives: the servlet container. */
    public interface Deployer {
        /** Deploys and returns the context path. */
        String deploy(Path webapp) throws IOException;

        boolean undeploy(String contextPath);
    }

    private static final Logger LOG = Logger.getLogger(WebappsWatcher.class.getName());

    private final Path folder;
    private final Deployer deployer;
    private final Map<Path, Deployed> deployed = new HashMap<>();
    private final Map<Path, Long> pending = new HashMap<>();
    /** Read by request threads (status counters) while the scan thread changes {@link #deployed}. */
    private volatile List<String> contextPaths = List.of();

    public WebappsWatcher(Path folder, Deployer deployer) {
        this.folder = folder;
        this.deployer = deployer;
    }

    /** Deploys everything in the folder now, without waiting for changes to settle: the server's start. */
    public void deployAll() {
        for (Map.Entry<Path, Long> e : scanFolder().entrySet()) {
            deploy(e.getKey(), e.getValue());
        }
    }

    /** One scan: acts on every settled change since the last. Safe to call from one thread at a time. */
    public void scan() {
        Map<Path, Long> now = scanFolder();
        for (Path gone : new HashSet<>(deployed.keySet())) {
            if (!now.containsKey(gone)) {
                undeploy(gone);
            }
        }
        pending.keySet().retainAll(now.keySet());
        for (Map.Entry<Path, Long> e : now.entrySet()) {
            Path app = e.getKey();
            long stamp = e.getValue();
            Deployed current = deployed.get(app);
            if (current != null && current.stamp == stamp) {
                pending.remove(app);
                continue;
            }
            Long seen = pending.put(app, stamp);
            if (seen == null || seen != stamp) {
                continue; // changed since the last scan: wait until it holds still
            }
            pending.remove(app);
            if (current != null) {
                LOG.info("Redeploying " + app.getFileName() + ": it changed");
                undeploy(app);
            }
            deploy(app, stamp);
        }
    }

    /** The context paths deployed now ("" for ROOT). Thread-safe. */
    public List<String> contextPaths() {
        return contextPaths;
    }

    private void publish() {
        List<String> paths = new ArrayList<>();
        for (Deployed d : deployed.values()) {
            if (d.contextPath != null) {
                paths.add(d.contextPath);
            }
        }
        contextPaths = List.copyOf(paths);
    }

    /** The context paths deployed by this watcher, by source. */
    Map<Path, String> deployed() {
        Map<Path, String> view = new HashMap<>();
        deployed.forEach((path, d) -> view.put(path, d.contextPath));
        return view;
    }

    private void deploy(Path app, long stamp) {
        try {
            String contextPath = deployer.deploy(app);
            deployed.put(app, new Deployed(contextPath, stamp));
            publish();
        } catch (IOException | RuntimeException e) {
            // Remembered with its stamp so a broken webapp is retried only once it changes again.
            deployed.put(app, new Deployed(null, stamp));
            LOG.warning("Cannot deploy " + app.getFileName() + ": " + e.getMessage());
        }
    }

    private void undeploy(Path app) {
        Deployed d = deployed.remove(app);
        publish();
        if (d != null && d.contextPath != null) {
            deployer.undeploy(d.contextPath);
        }
    }

    /** Every webapp in the folder with a stamp that changes when it does. */
    private Map<Path, Long> scanFolder() {
        Map<Path, Long> found = new HashMap<>();
        Set<String> folders = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                if (Files.isDirectory(entry)) {
                    folders.add(name);
                    found.put(entry, folderStamp(entry));
                } else if (name.endsWith(".war") && Files.isRegularFile(entry)) {
                    found.put(entry, fileStamp(entry));
                }
            }
        } catch (IOException e) {
            LOG.warning("Cannot read webapps folder " + folder + ": " + e.getMessage());
            return new HashMap<>(stampsOfDeployed());
        }
        // A folder and a .war of the same name would claim one context path: the folder wins, as in Tomcat.
        found.keySet().removeIf(p -> p.getFileName().toString().endsWith(".war")
                && folders.contains(p.getFileName().toString().replaceFirst("\\.war$", "")));
        return found;
    }

    private Map<Path, Long> stampsOfDeployed() {
        Map<Path, Long> stamps = new HashMap<>();
        deployed.forEach((path, d) -> stamps.put(path, d.stamp));
        return stamps;
    }

    /** A hash of the modification times and sizes of everything under WEB-INF, and of the folder itself. */
    static long folderStamp(Path app) {
        Path webInf = app.resolve("WEB-INF");
        long stamp = 17;
        if (!Files.isDirectory(webInf)) {
            return stamp;
        }
        try (Stream<Path> files = Files.walk(webInf)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                stamp = 31 * stamp + Objects.hash(webInf.relativize(file).toString(), fileStamp(file));
            }
        } catch (IOException | UncheckedIOException e) {
            return stamp; // a file vanished mid-walk; the next scan sees the settled state
        }
        return stamp;
    }

    private static long fileStamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return 31 * a.lastModifiedTime().toMillis() + a.size();
        } catch (IOException e) {
            return -1;
        }
    }

    private static final class Deployed {
        final String contextPath;
        final long stamp;

        Deployed(String contextPath, long stamp) {
            this.contextPath = contextPath;
            this.stamp = stamp;
        }
    }
}
