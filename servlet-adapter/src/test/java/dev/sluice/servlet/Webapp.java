package dev.sluice.servlet;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Builds a small exploded webapp folder for a test: web.xml, classes copied from test sources, files, jars. */
final class Webapp {
    private final Path root;

    private Webapp(Path root) {
        this.root = root;
    }

    static Webapp at(Path root) throws IOException {
        Files.createDirectories(root.resolve("WEB-INF"));
        return new Webapp(root);
    }

    Path path() {
        return root;
    }

    /** A Servlet 6.1 web.xml around {@code body}. */
    Webapp webXml(String body) throws IOException {
        return file("WEB-INF/web.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1">
                """ + body + "\n</web-app>\n");
    }

    Webapp file(String path, String content) throws IOException {
        return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    Webapp file(String path, byte[] content) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        return this;
    }

    /** Copies the class files of {@code classes} (and their nested classes) into WEB-INF/classes. */
    Webapp classes(Class<?>... classes) throws IOException {
        for (Map.Entry<String, byte[]> e : classFiles(classes).entrySet()) {
            file("WEB-INF/classes/" + e.getKey(), e.getValue());
        }
        return this;
    }

    /** A jar in WEB-INF/lib holding {@code classes} and extra entries (path to text). */
    Webapp jar(String name, Map<String, String> entries, Class<?>... classes) throws IOException {
        Path jar = root.resolve("WEB-INF/lib/" + name);
        Files.createDirectories(jar.getParent());
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : classFiles(classes).entrySet()) {
                zip.putNextEntry(new JarEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
            for (Map.Entry<String, String> e : entries.entrySet()) {
                zip.putNextEntry(new JarEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return this;
    }

    static Map<String, byte[]> classFiles(Class<?>... classes) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Class<?> c : classes) {
            String resource = c.getName().replace('.', '/') + ".class";
            Path file;
            try {
                file = Path.of(c.getClassLoader().getResource(resource).toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            String pkg = resource.substring(0, resource.lastIndexOf('/') + 1);
            String simple = file.getFileName().toString().replace(".class", "");
            try (Stream<Path> siblings = Files.list(file.getParent())) {
                for (Path p : (Iterable<Path>) siblings::iterator) {
                    String n = p.getFileName().toString();
                    if (n.equals(simple + ".class") || n.startsWith(simple + "$")) {
                        out.put(pkg + n, Files.readAllBytes(p));
                    }
                }
            }
        }
        return out;
    }
}
