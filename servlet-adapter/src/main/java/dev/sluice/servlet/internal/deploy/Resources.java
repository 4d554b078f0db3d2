package dev.sluice.servlet.internal.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The static content of a webapp: files under its root, then {@code META-INF/resources} of the jars in
 * WEB-INF/lib (Servlet 6.1 section 4.6). A path is used only when it stays inside the root after
 * normalization, so {@code ..} or a symbolic link cannot lead out of it.
 */
public final class Resources {
    private final Path root;
    private final Path realRoot;
    private final ClassLoader loader;

    public Resources(Path root, ClassLoader loader) {
        this.root = root.toAbsolutePath().normalize();
        Path real;
        try {
            real = this.root.toRealPath();
        } catch (IOException e) {
            real = this.root;
        }
        this.realRoot = real;
        this.loader = loader;
    }

    /** The file for a context-relative path starting with {@code /}, or null when it is not there or outside. */
    public Path file(String path) {
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        Path p = root.resolve(path.substring(1)).normalize();
        if (!p.startsWith(root)) {
            return null;
        }
        try {
            // toRealPath fails for a missing file and follows links, so one call checks both.
            if (!p.toRealPath().startsWith(realRoot)) {
                return null;
            }
            // A trailing slash names a directory; Path drops it, so without this check "/page.jsp/" would be the
            // file page.jsp and the default servlet would answer a JSP page's source.
            return path.endsWith("/") && !Files.isDirectory(p) ? null : p;
        } catch (IOException e) {
            return null;
        }
    }

    public URL url(String path) throws MalformedURLException {
        Path p = file(path);
        if (p != null) {
            return p.toUri().toURL();
        }
        if (path == null || !path.startsWith("/") || path.contains("..")) {
            return null;
        }
        return loader.getResource("META-INF/resources" + path);
    }

    public InputStream open(String path) {
        try {
            Path p = file(path);
            if (p != null) {
                return Files.isRegularFile(p) ? Files.newInputStream(p) : null;
            }
            URL url = url(path);
            return url == null ? null : url.openStream();
        } catch (IOException e) {
            return null;
        }
    }

    /** ServletContext.getResourcePaths: the direct children of a directory, directories ending in "/". */
    public Set<String> children(String path) {
        Path dir = file(path);
        if (dir == null || !Files.isDirectory(dir)) {
            return null;
        }
        String base = path.endsWith("/") ? path : path + "/";
        Set<String> out = new TreeSet<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.forEach(p -> out.add(base + p.getFileName() + (Files.isDirectory(p) ? "/" : "")));
        } catch (IOException e) {
            return null;
        }
        return out;
    }

    public String realPath(String path) {
        if (path == null) {
            return null;
        }
        String p = path.startsWith("/") ? path : "/" + path;
        Path resolved = root.resolve(p.substring(1)).normalize();
        return resolved.startsWith(root) ? resolved.toString() : null;
    }

    public void close() {
        // Files are opened per request and closed by their users; nothing is cached.
    }
}
