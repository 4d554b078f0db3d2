package dev.sluice.websocket;

import dev.sluice.connector.HttpConnector;
import dev.sluice.core.Limits;
import dev.sluice.servlet.ContainerModule;
import dev.sluice.servlet.ServletContainer;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A servlet container with the WebSocket module behind a real connector on a loopback port (maxThreads 8), and
 * one webapp built from test classes. Closing stops both.
 */
final class WsServer implements AutoCloseable {
    final WebSocketModule module = new WebSocketModule();
    final ServletContainer container;
    final HttpConnector connector;
    final String contextPath;

    private WsServer(Path webapp, List<ContainerModule> modules) throws IOException {
        container = ServletContainer.builder().modules(modules == null ? List.of(module) : modules).build();
        contextPath = container.deploy(webapp);
        connector = HttpConnector.builder().host("127.0.0.1").port(0)
                .limits(Limits.DEFAULTS.toBuilder().maxThreads(8).build())
                .handler(container).serverName(null).build();
        connector.start();
    }

    /** A webapp {@code name} under {@code dir} holding {@code classes} (nested ones too) and an optional web.xml. */
    static WsServer start(Path dir, String name, String webXmlBody, Class<?>... classes) throws IOException {
        return new WsServer(webapp(dir, name, webXmlBody, classes), null);
    }

    static WsServer startWith(List<ContainerModule> modules, Path webapp) throws IOException {
        return new WsServer(webapp, modules);
    }

    static Path webapp(Path dir, String name, String webXmlBody, Class<?>... classes) throws IOException {
        Path root = dir.resolve(name);
        Files.createDirectories(root.resolve("WEB-INF/classes"));
        if (webXmlBody != null) {
            Files.writeString(root.resolve("WEB-INF/web.xml"), """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1">
                    """ + webXmlBody + "\n</web-app>\n");
        }
        for (Class<?> c : classes) {
            String resource = c.getName().replace('.', '/') + ".class";
            Path file;
            try {
                file = Path.of(c.getClassLoader().getResource(resource).toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            String simple = file.getFileName().toString().replace(".class", "");
            Path target = root.resolve("WEB-INF/classes").resolve(resource).getParent();
            Files.createDirectories(target);
            try (Stream<Path> siblings = Files.list(file.getParent())) {
                for (Path p : (Iterable<Path>) siblings::iterator) {
                    String n = p.getFileName().toString();
                    if (n.equals(simple + ".class") || n.startsWith(simple + "$")) {
                        Files.copy(p, target.resolve(n));
                    }
                }
            }
        }
        return root;
    }

    int port() {
        return connector.localAddress().getPort();
    }

    URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + port() + contextPath + path);
    }

    @Override
    public void close() {
        try {
            module.serverStopping();
            connector.close();
        } finally {
            container.close();
        }
    }
}
