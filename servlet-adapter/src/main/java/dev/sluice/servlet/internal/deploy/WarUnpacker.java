package dev.sluice.servlet.internal.deploy;

import dev.sluice.servlet.internal.files.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a .war into a folder of the work directory. Every entry is checked before anything is written: one
 * whose normalized path would leave the target folder (zip slip: {@code ../}, an absolute path, a drive letter)
 * makes the whole archive refused. The folder is rebuilt when the archive is newer than it.
 */
public final class WarUnpacker {
    private WarUnpacker() {
    }

    /** Unpacks {@code war} into {@code target} (replacing an older unpack); returns {@code target}. */
    public static Path unpack(Path war, Path target) throws IOException {
        Path stamp = target.resolveSibling(target.getFileName() + ".unpacked");
        String identity = Files.size(war) + ":" + Files.getLastModifiedTime(war).toMillis();
        if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(identity)) {
            return target;
        }
        Path normalizedTarget = target.toAbsolutePath().normalize();
        try (ZipFile zip = new ZipFile(war.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                resolve(normalizedTarget, e.nextElement().getName());
            }
            Files.deleteIfExists(stamp);
            FileTrees.delete(target);
            Files.createDirectories(target);
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                Path out = resolve(normalizedTarget, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                    if (entry.getLastModifiedTime() != null) {
                        Files.setLastModifiedTime(out, entry.getLastModifiedTime());
                    }
                }
            }
        }
        // The stamp records which archive this folder came from: same size and time means same archive.
        Files.writeString(stamp, identity);
        return target;
    }

    /** The output path of an entry. @throws IOException when it would land outside {@code target} */
    public static Path resolve(Path target, String entryName) throws IOException {
        String name = entryName.replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.indexOf('\0') >= 0) {
            throw new IOException("Archive entry '" + entryName + "' has an absolute path; archive refused");
        }
        Path out = target.resolve(name).normalize();
        if (!out.startsWith(target)) {
            throw new IOException("Archive entry '" + entryName + "' escapes the target folder; archive refused");
        }
        return out;
    }
}
