package dev.sluice.jsp;

import dev.sluice.connector.HttpConnector;
import dev.sluice.servlet.ContainerModule;
import dev.sluice.servlet.ServletContainer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** A container with the given modules behind a real connector on loopback, and the test webapp's files. */
final class JspServer implements AutoCloseable {
    private final ServletContainer container;
    private final HttpConnector connector;

    /** @param settings container settings in text form, name then value, as conf/sluice.properties gives them */
    JspServer(Path workDir, List<ContainerModule> modules, String... settings) throws IOException {
        ServletContainer.Builder builder = ServletContainer.builder().workDir(workDir).modules(modules);
        for (int i = 0; i < settings.length; i += 2) {
            builder.setting(settings[i], settings[i + 1]);
        }
        container = builder.build();
        connector = HttpConnector.builder().host("127.0.0.1").port(0).handler(container).serverName(null).build();
        connector.start();
    }

    ServletContainer container() {
        return container;
    }

    InetSocketAddress address() {
        return connector.localAddress();
    }

    /** A GET on a new connection (Connection: close); the whole response without its Date header. */
    String get(String target, String... headers) throws IOException {
        StringBuilder sb = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\nHost: x\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        return exchange(sb.append("Connection: close\r\n\r\n").toString());
    }

    String exchange(String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address(), 10_000);
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("Date: [^\r]*\r\n", "");
        }
    }

    /** The body of a response. */
    static String body(String response) {
        int end = response.indexOf("\r\n\r\n");
        return end < 0 ? "" : response.substring(end + 4);
    }

    @Override
    public void close() throws IOException {
        connector.close();
        container.close();
    }

    /**
     * Copies src/test/webapp to {@code target}, adds the test webapp's classes (package testapp) to
     * WEB-INF/classes, a jar of tag files to WEB-INF/lib and, when asked, JSTL as a webapp brings it.
     */
    static Path testWebapp(Path target, boolean withJstl) throws IOException {
        copyTree(Path.of("src/test/webapp"), target);
        Path classes = target.resolve("WEB-INF/classes/dev/sluice/jsp/testapp");
        copyTree(classFolder(dev.sluice.jsp.testapp.GreetTag.class), classes);
        Path lib = Files.createDirectories(target.resolve("WEB-INF/lib"));
        writeTagJar(lib.resolve("jartags.jar"));
        if (withJstl) {
            copyJarOf("jakarta.servlet.jsp.jstl.core.Config", lib);
            copyJarOf("org.apache.taglibs.standard.tag.common.core.ForEachSupport", lib);
        }
        return target;
    }

    /** A jar with a tag file and the TLD that names it (Pages 4.0 section JSP.8.4.1: tag files in jars). */
    private static void writeTagJar(Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "META-INF/jartags.tld", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <taglib xmlns="https://jakarta.ee/xml/ns/jakartaee" version="4.0">
                      <tlib-version>1.0</tlib-version>
                      <short-name>j</short-name>
                      <uri>urn:sluice:jartags</uri>
                      <tag-file>
                        <name>shout</name>
                        <path>/META-INF/tags/shout.tag</path>
                      </tag-file>
                    </taglib>
                    """);
            put(out, "META-INF/tags/shout.tag",
                    "<%@ tag body-content=\"empty\" %><%@ attribute name=\"word\" %>${word.toUpperCase()}!");
        }
    }

    private static void put(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private static Path classFolder(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .resolve(c.getPackageName().replace('.', '/'));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyJarOf(String className, Path lib) throws IOException {
        try {
            Class<?> c = Class.forName(className, false, JspServer.class.getClassLoader());
            Path jar = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            Files.copy(jar, lib.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("JSTL is a test dependency: " + className, e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(p -> {
                try {
                    Path dest = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    static void write(Path file, String content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }
}
