package dev.sluice.servlet.internal.files;

import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Copies and deletes folder trees (webapp folders, unpacked wars, work folders); the JDK has no one-call version
 * of either.
 *
 * <p>Symbolic links are never followed. {@link #delete} removes a link, never what it points to. {@link #copy}
 * recreates a link that points inside the tree being copied (an absolute one re-aimed at the copy) and refuses one
 * that leads out of it: a webapp copied with such a link would serve files from elsewhere. Read-only files and
 * folders are deleted too, as their owner may (Windows refuses to delete a read-only file; a folder without write
 * permission keeps its entries).
 *
 * <p>Stateless and safe from any thread; two calls on one tree at once race as any file operations do.
 */
public final class FileTrees {
    private FileTrees() {
    }

    /**
     * Copies the tree at {@code from} to {@code to}, which must not exist yet; file times are kept.
     *
     * @throws IOException also when a symbolic link in the tree points out of it (part of the copy may exist then)
     */
    public static void copy(Path from, Path to) throws IOException {
        Path root = from.toRealPath();
        Path copyRoot = to.toAbsolutePath().normalize();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(copyRoot.resolve(root.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path out = copyRoot.resolve(root.relativize(file).toString());
                if (attrs.isSymbolicLink()) {
                    copyLink(root, copyRoot, file, out);
                } else {
                    Files.copy(file, out, StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void copyLink(Path root, Path copyRoot, Path link, Path out) throws IOException {
        Path target = Files.readSymbolicLink(link);
        Path resolved = link.getParent().resolve(target).normalize();
        if (!resolved.startsWith(root)) {
            throw new IOException("Symbolic link " + root.relativize(link) + " points out of " + root
                    + " (to " + target + "); copy refused");
        }
        Files.createSymbolicLink(out, target.isAbsolute() ? copyRoot.resolve(root.relativize(resolved)) : target);
    }

    /** Deletes {@code path} and everything under it (a link: the link only); nothing when it does not exist. */
    public static void delete(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                // Its entries can only be listed and removed with read, search and write permission.
                File f = dir.toFile();
                f.setReadable(true);
                f.setExecutable(true);
                f.setWritable(true);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                deleteEvenIfReadOnly(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                deleteEvenIfReadOnly(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteEvenIfReadOnly(Path p) throws IOException {
        try {
            Files.delete(p);
        } catch (AccessDeniedException e) {
            if (Files.isSymbolicLink(p) || !p.toFile().setWritable(true)) {
                throw e;
            }
            Files.delete(p);
        }
    }
}
