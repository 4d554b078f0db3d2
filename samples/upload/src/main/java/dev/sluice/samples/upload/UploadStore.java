package dev.sluice.samples.upload;

import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder of uploaded files, kept within bounds: when a new file would pass the count or the total size,
 * the oldest files go first. All methods are synchronized: the folder is shared by every request.
 */
final class UploadStore {
    /** One stored file, as listed. */
    record StoredFile(String name, long size, FileTime modified) {
    }

    private final Path folder;
    private final int maxFiles;
    private final long maxBytes;

    UploadStore(Path folder, int maxFiles, long maxBytes) throws IOException {
        this.folder = Files.createDirectories(folder).toAbsolutePath();
        this.maxFiles = maxFiles;
        this.maxBytes = maxBytes;
    }

    int maxFiles() {
        return maxFiles;
    }

    long maxBytes() {
        return maxBytes;
    }

    /**
     * Stores the part under {@code name} (already {@link FileNames#storable}), with " (2)", " (3)"... if the
     * name is taken. Part.write moves the container's temporary file, so a large upload is not copied.
     *
     * @return the name it was stored under
     */
    synchronized String store(Part part, String name) throws IOException {
        String unique = name;
        for (int n = 2; Files.exists(folder.resolve(unique)); n++) {
            int dot = name.lastIndexOf('.');
            unique = dot > 0 ? name.substring(0, dot) + " (" + n + ")" + name.substring(dot) : name + " (" + n + ")";
        }
        part.write(folder.resolve(unique).toString());
        trim();
        return unique;
    }

    /** Newest first. */
    synchronized List<StoredFile> list() throws IOException {
        List<StoredFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isRegularFile(p)) {
                    files.add(new StoredFile(p.getFileName().toString(), Files.size(p), Files.getLastModifiedTime(p)));
                }
            }
        }
        files.sort(Comparator.comparing(StoredFile::modified).reversed().thenComparing(StoredFile::name));
        return files;
    }

    /** The stored file of that exact listed name, or null: a name never leaves the folder. */
    synchronized Path file(String name) throws IOException {
        if (name == null || !name.equals(FileNames.storable(name))) {
            return null;
        }
        Path p = folder.resolve(name).normalize();
        return p.getParent().equals(folder) && Files.isRegularFile(p) ? p : null;
    }

    private void trim() throws IOException {
        List<StoredFile> files = list();
        long total = files.stream().mapToLong(StoredFile::size).sum();
        for (int i = files.size() - 1; i > 0 && (i >= maxFiles || total > maxBytes); i--) {
            Files.deleteIfExists(folder.resolve(files.get(i).name()));
            total -= files.get(i).size();
        }
    }
}
