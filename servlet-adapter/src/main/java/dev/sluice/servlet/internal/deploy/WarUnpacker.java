package dev.sluice.servlet.internal.deploy;

import dev.sluice.servlet.internal.files.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Unpacks a .war into a folder of the work directory. Every entry is checked before anything is written, and the
 * whole archive is refused (an IOException whose one-line message names the war's problem) when:
 * <ul>
 * <li>an entry's path would leave the target folder or names a parent ({@code ..} segment), is absolute, has a
 *     drive letter or a NUL (zip slip);</li>
 * <li>two entries name the same path (which one wins would depend on the tool);</li>
 * <li>an entry is a symbolic link;</li>
 * <li>it has more entries, or its directory declares more bytes or a higher compression ratio, than
 *     {@link WarLimits} allow (a zip bomb).</li>
 * </ul>
 * While writing, the bytes actually inflated are counted against the same bounds, since a directory's sizes may
 * lie; past one, what was written is deleted. The folder is rebuilt when the archive is newer than it.
 */
public final class WarUnpacker {
    private WarUnpacker() {
    }

    /** {@link #unpack(Path, Path, WarLimits)} with {@link WarLimits#DEFAULTS}. */
    public static Path unpack(Path war, Path target) throws IOException {
        return unpack(war, target, WarLimits.DEFAULTS);
    }

    /** Unpacks {@code war} into {@code target} (replacing an older unpack); returns {@code target}. */
    public static Path unpack(Path war, Path target, WarLimits limits) throws IOException {
        Path stamp = target.resolveSibling(target.getFileName() + ".unpacked");
        String identity = Files.size(war) + ":" + Files.getLastModifiedTime(war).toMillis();
        if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(identity)) {
            return target;
        }
        Path normalizedTarget = target.toAbsolutePath().normalize();
        try (ZipFile zip = open(war)) {
            check(war, zip, normalizedTarget, limits);
            Files.deleteIfExists(stamp);
            FileTrees.delete(target);
            Files.createDirectories(target);
            try {
                write(zip, normalizedTarget, limits);
            } catch (IOException | RuntimeException e) {
                FileTrees.delete(target); // a half-unpacked webapp must not be served or mistaken for a whole one
                throw e;
            }
        }
        // The stamp records which archive this folder came from: same size and time means same archive.
        Files.writeString(stamp, identity);
        return target;
    }

    private static ZipFile open(Path war) throws IOException {
        try {
            return new ZipFile(war.toFile());
        } catch (IOException e) {
            throw new IOException("Archive is not a readable zip file (" + e.getMessage() + "); archive refused", e);
        }
    }

    /** Everything that can be known from the central directory, before a byte is written. */
    private static void check(Path war, ZipFile zip, Path target, WarLimits limits) throws IOException {
        if (zip.size() > limits.maxEntries()) {
            throw refused("has " + zip.size() + " entries, more than maxWarEntries " + limits.maxEntries());
        }
        Set<Path> seen = new HashSet<>();
        long declared = 0;
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            Path out = resolve(target, entry.getName());
            if (!seen.add(out)) {
                throw refused("holds two entries for '" + printable(entry.getName()) + "'");
            }
            long size = entry.getSize();
            declared += Math.max(size, 0);
            if (declared > limits.maxBytes()) {
                throw refused("expands to more than maxWarBytes " + limits.maxBytes());
            }
            if (size > WarLimits.RATIO_FLOOR && size / Math.max(entry.getCompressedSize(), 1) > limits.maxRatio()) {
                throw refused("entry '" + printable(entry.getName()) + "' expands more than maxWarRatio "
                        + limits.maxRatio() + " times");
            }
        }
        String link;
        try {
            link = ZipLinks.firstLink(war);
        } catch (IOException e) {
            throw refused("cannot be checked for links (" + e.getMessage() + ")");
        }
        if (link != null) {
            throw refused("entry '" + printable(link) + "' is a symbolic link");
        }
    }

    private static void write(ZipFile zip, Path target, WarLimits limits) throws IOException {
        long[] total = {0};
        byte[] buffer = new byte[16 * 1024];
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            Path out = resolve(target, entry.getName());
            if (entry.isDirectory()) {
                Files.createDirectories(out);
                continue;
            }
            Files.createDirectories(out.getParent());
            long written = 0;
            long ratioBound = Math.max(WarLimits.RATIO_FLOOR, Math.max(entry.getCompressedSize(), 1) * limits.maxRatio());
            try (InputStream in = zip.getInputStream(entry); OutputStream o = Files.newOutputStream(out)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    written += n;
                    total[0] += n;
                    if (total[0] > limits.maxBytes()) {
                        throw refused("expands to more than maxWarBytes " + limits.maxBytes());
                    }
                    if (written > ratioBound) {
                        throw refused("entry '" + printable(entry.getName()) + "' expands more than maxWarRatio "
                                + limits.maxRatio() + " times");
                    }
                    o.write(buffer, 0, n);
                }
            }
            if (entry.getLastModifiedTime() != null) {
                Files.setLastModifiedTime(out, entry.getLastModifiedTime());
            }
        }
    }

    /** The output path of an entry. @throws IOException when it would land outside {@code target} */
    public static Path resolve(Path target, String entryName) throws IOException {
        String name = entryName.replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.indexOf('\0') >= 0) {
            throw refused("entry '" + printable(entryName) + "' has an absolute path");
        }
        for (String segment : name.split("/")) {
            if (segment.equals("..")) {
                throw refused("entry '" + printable(entryName) + "' names a parent folder (..)");
            }
        }
        Path out = target.resolve(name).normalize();
        if (!out.startsWith(target)) {
            throw refused("entry '" + printable(entryName) + "' escapes the target folder");
        }
        return out;
    }

    private static IOException refused(String why) {
        return new IOException("Archive " + why + "; archive refused");
    }

    /** An entry name fit for one log line: control characters shown as '?', at most 200 characters. */
    private static String printable(String name) {
        String s = name.length() > 200 ? name.substring(0, 200) + "..." : name;
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
