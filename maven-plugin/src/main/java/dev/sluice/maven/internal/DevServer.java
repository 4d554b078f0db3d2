package dev.sluice.maven.internal;

import dev.sluice.core.Limits;
import dev.sluice.distribution.SluiceServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A Sluice server for one Maven project's webapp, run inside the Maven JVM by {@code sluice:run} and
 * {@code sluice:start}: the project's exploded webapp is laid out as {@code <work>/webapps/<name>} and served by
 * the same {@link SluiceServer} that {@code bin/sluice run} starts, status pages included. With a hot deploy
 * interval, a {@link #sync()} that changes {@code WEB-INF} (classes, jars, web.xml) makes the server redeploy
 * the webapp once the files have stopped changing (two scans alike).
 *
 * <p>Thread safety: {@link #sync()} and {@link #syncWhenSettled()} from one thread at a time; {@link #close()}
 * from any.
 */
public final class DevServer implements AutoCloseable {
    private final ExplodedWebapp webapp;
    private final SluiceServer server;
    /** The sources' stamp at the last sync, and at the last look of {@link #syncWhenSettled()}. */
    private long syncedStamp;
    private long lastLook;

    private DevServer(ExplodedWebapp webapp, SluiceServer server, long syncedStamp) {
        this.webapp = webapp;
        this.server = server;
        this.syncedStamp = syncedStamp;
        this.lastLook = syncedStamp;
    }

    /**
     * Lays out the webapp and starts serving it.
     *
     * @param work      the server's folder: {@code webapps/} and {@code work/} inside it
     * @param folder    the webapp's folder name under {@code webapps/} ({@link WebappFolderName})
     * @param hotDeploy how often the server looks for changes to redeploy; null never redeploys
     */
    public static DevServer start(Path work, String folder, WebappSources sources, String host, int port,
                                  Limits limits, Duration hotDeploy) throws IOException {
        Path webapps = work.resolve("webapps");
        ExplodedWebapp webapp = new ExplodedWebapp(webapps.resolve(folder), sources.webResources(),
                sources.classes(), sources.libraries());
        long stamp = webapp.sourcesStamp();
        webapp.sync();
        SluiceServer server = SluiceServer.builder().host(host).port(port).limits(limits).webapps(webapps)
                .workDir(work.resolve("work")).hotDeploy(hotDeploy).start();
        return new DevServer(webapp, server, stamp);
    }

    /** Where a Maven project's webapp comes from. */
    public record WebappSources(Path webResources, Path classes, List<Path> libraries) {
    }

    /** The port the server listens on (the free one picked for port 0). */
    public int port() {
        return server.localAddress().getPort();
    }

    /** The exploded webapp being served. */
    public Path webappFolder() {
        return webapp.folder();
    }

    /** Copies what changed in the project into the served webapp. @return what was copied or deleted */
    public List<String> sync() throws IOException {
        // The stamp from before the copy: a file changed during it makes the next look differ, and sync again.
        long before = webapp.sourcesStamp();
        List<String> changed = webapp.sync();
        syncedStamp = before;
        return changed;
    }

    /**
     * What {@code sluice:run} calls once a scan: syncs only once the project's files look the same as at the
     * previous call, so a compiler that deletes and rewrites classes (maven-compiler-plugin's incremental build)
     * is never caught half way, which would deploy a webapp missing its servlets.
     *
     * @return what was copied or deleted; empty while the files are still changing or when nothing changed
     */
    public List<String> syncWhenSettled() throws IOException {
        long now = webapp.sourcesStamp();
        boolean settled = now == lastLook;
        lastLook = now;
        return settled && now != syncedStamp ? sync() : List.of();
    }

    /** Stops gracefully: requests in flight finish, the webapp is undeployed. */
    @Override
    public void close() {
        server.close();
    }
}
