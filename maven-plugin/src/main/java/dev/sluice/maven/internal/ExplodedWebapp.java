package dev.sluice.maven.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A webapp folder in the layout of an unpacked WAR, kept equal to a Maven project's parts: the web resources
 * ({@code src/main/webapp}), the compiled classes ({@code target/classes}, as {@code WEB-INF/classes}) and the
 * runtime dependency jars ({@code WEB-INF/lib}). {@link #sync()} copies what is new or changed and deletes what the
 * sources no longer have, so the server's hot deploy sees a changed {@code WEB-INF} and redeploys.
 *
 * <p>A file is copied when its size or modification time differs from the copy's; the copy keeps the source's
 * time. Thread safety: not thread safe; one thread syncs.
 */
public final class ExplodedWebapp {
    private final Path target;
    private final Path webResources;
    private final Path classes;
    private final List<Path> libraries;

    /**
     * @param target       the folder to keep (created; anything in it that the sources lack is deleted)
     * @param webResources the web resources folder, or null or absent for none
     * @param classes      the compiled classes folder, or null or absent for none
     * @param libraries    jars for WEB-INF/lib, by their file names
     */
    public ExplodedWebapp(Path target, Path webResources, Path classes, List<Path> libraries) {
        this.target = target;
        this.webResources = webResources;
        this.classes = classes;
        this.libraries = List.copyOf(libraries);
    }

    public Path folder() {
        return target;
    }

    /** Brings the folder up to date. @return the relative paths copied or deleted, empty when nothing changed */
    public List<String> sync() throws IOException {
        Map<String, Path> wanted = sources();
        List<String> changed = new ArrayList<>();
        Files.createDirectories(target);
        deleteUnwanted(wanted, changed);
        for (Map.Entry<String, Path> e : wanted.entrySet()) {
            Path copy = target.resolve(e.getKey());
            if (!same(e.getValue(), copy)) {
                Files.createDirectories(copy.getParent());
                Files.copy(e.getValue(), copy, StandardCopyOption.REPLACE_EXISTING);
                Files.setLastModifiedTime(copy, Files.getLastModifiedTime(e.getValue()));
                changed.add(e.getKey());
            }
        }
        return changed;
    }

    /**
     * A number that changes when any source file is added, removed, resized or touched: two looks that agree
     * mean a compiler or an IDE has finished writing.
     */
    public long sourcesStamp() throws IOException {
        long stamp = 17;
        for (Map.Entry<String, Path> e : sources().entrySet()) {
            try {
                stamp = 31 * stamp + Objects.hash(e.getKey(), Files.size(e.getValue()),
                        Files.getLastModifiedTime(e.getValue()).toMillis());
            } catch (NoSuchFileException gone) {
                stamp = 31 * stamp + 1; // deleted while looked at: the next look settles it
            }
        }
        return stamp;
    }

    /** The files the folder should hold, by their paths inside it. */
    private Map<String, Path> sources() throws IOException {
        Map<String, Path> wanted = new TreeMap<>();
        // Later sources win, as in a WAR built by maven-war-plugin: compiled classes over a stray copy in
        // src/main/webapp/WEB-INF/classes.
        addTree(wanted, webResources, "");
        addTree(wanted, classes, "WEB-INF/classes/");
        for (Path jar : libraries) {
            wanted.put("WEB-INF/lib/" + jar.getFileName(), jar);
        }
        return wanted;
    }

    private static void addTree(Map<String, Path> wanted, Path root, String prefix) throws IOException {
        if (root == null || !Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                wanted.put(prefix + root.relativize(file).toString().replace('\\', '/'), file);
            }
        }
    }

    private void deleteUnwanted(Map<String, Path> wanted, List<String> changed) throws IOException {
        List<Path> present;
        try (Stream<Path> files = Files.walk(target)) {
            // Deepest first, so a folder is looked at after what it held.
            present = files.filter(p -> !p.equals(target)).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : present) {
            String relative = target.relativize(p).toString().replace('\\', '/');
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> left = Files.list(p)) {
                    if (left.findAny().isEmpty()) {
                        Files.delete(p);
                    }
                }
            } else if (!wanted.containsKey(relative)) {
                Files.delete(p);
                changed.add(relative);
            }
        }
    }

    private static boolean same(Path source, Path copy) throws IOException {
        if (!Files.isRegularFile(copy)) {
            return false;
        }
        FileTime a = Files.getLastModifiedTime(source);
        FileTime b = Files.getLastModifiedTime(copy);
        return Files.size(source) == Files.size(copy) && a.toMillis() == b.toMillis();
    }
}
