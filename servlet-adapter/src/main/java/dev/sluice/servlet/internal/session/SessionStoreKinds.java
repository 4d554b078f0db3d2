package dev.sluice.servlet.internal.session;

import dev.sluice.servlet.ContainerModule;
import dev.sluice.servlet.SessionPersistence;
import dev.sluice.servlet.internal.module.ContainerModules;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The container setting {@code sessionStore}: {@code memory} (the default), {@code file} (a file per session
 * under {@code sessionDir}, kept across restarts), or a kind a container module provides ({@code redis}).
 */
public final class SessionStoreKinds {
    public static final String MEMORY = "memory";
    public static final String FILE = "file";

    private SessionStoreKinds() {
    }

    /**
     * The persistent store for each webapp by context path, or null for the memory store.
     *
     * @throws IllegalArgumentException naming what is missing: no module provides the kind, or no folder for files
     */
    public static Function<String, SessionPersistence> resolve(String kind, Path sessionDir,
                                                              ContainerModules modules) {
        if (kind.equals(MEMORY)) {
            return null;
        }
        if (kind.equals(FILE)) {
            if (sessionDir == null) {
                throw new IllegalArgumentException("sessionStore=file needs sessionDir (or a workDir): the"
                        + " container's private work folder is removed when it stops");
            }
            return contextPath -> new FileSessionPersistence(
                    sessionDir.resolve(contextPath.isEmpty() ? "ROOT" : contextPath.substring(1).replace('/', '#')));
        }
        ContainerModule provider = provider(kind, modules);
        return contextPath -> provider.sessionStore(kind, contextPath);
    }

    /** Checks the kind now, so a bad setting stops the start with one line. */
    public static void check(String kind, ContainerModules modules) {
        if (!kind.equals(MEMORY) && !kind.equals(FILE)) {
            provider(kind, modules);
        }
    }

    private static ContainerModule provider(String kind, ContainerModules modules) {
        for (ContainerModule m : modules.all()) {
            if (m.sessionStores().contains(kind)) {
                return m;
            }
        }
        if (kind.equals("redis")) {
            throw new IllegalArgumentException("sessionStore=redis needs the session-redis module, which is not"
                    + " installed (its jars, sluice-session-redis and Lettuce's, belong in lib/)");
        }
        throw new IllegalArgumentException("sessionStore=" + kind + " is none of memory, file, or a kind an"
                + " installed module provides");
    }
}
