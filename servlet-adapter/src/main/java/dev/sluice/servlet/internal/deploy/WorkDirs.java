package dev.sluice.servlet.internal.deploy;

import dev.sluice.servlet.internal.files.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A container's own work folder, used when none is configured: created fresh in java.io.tmpdir so that two
 * containers (or two runs) never see each other's unpacked wars or temporary files, and removed at close.
 */
public final class WorkDirs {
    private static final Logger LOG = Logger.getLogger("dev.sluice.servlet");

    private WorkDirs() {
    }

    public static Path createPrivate() {
        try {
            return Files.createTempDirectory("sluice-work-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a work folder in java.io.tmpdir", e);
        }
    }

    /** Removes the folder and everything in it; a failure is logged, never thrown (the container is closing). */
    public static void remove(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not remove the work folder " + dir, e);
        }
    }
}
