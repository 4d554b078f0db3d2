package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spring MVC 7 webapp without web.xml: its jars (from the test class path) in WEB-INF/lib, its classes in
 * WEB-INF/classes. Spring's initializer is discovered through META-INF/services and @HandlesTypes, registers the
 * DispatcherServlet programmatically, and a DeferredResult completes on another thread.
 */
class SpringMvcTest {
    @TempDir
    static Path dir;
    static ServletContainer container;
    static Http http;

    @BeforeAll
    static void deploy() throws Exception {
        Webapp app = build(dir.resolve("spring"));
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
        http = new Http(container);
    }

    /** The Spring webapp folder, with Spring's jars from the test class path. */
    static Webapp build(Path folder) throws Exception {
        return build(folder, springapp.AppInitializer.class, springapp.WebConfig.class,
                springapp.HelloController.class);
    }

    /** A Spring webapp folder of {@code classes}, with Spring's jars from the test class path. */
    static Webapp build(Path folder, Class<?>... classes) throws Exception {
        Webapp app = Webapp.at(folder).classes(classes);
        Files.createDirectories(app.path().resolve("WEB-INF/lib"));
        int jars = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.endsWith(".jar") && (name.startsWith("spring-") || name.startsWith("micrometer-")
                    || name.startsWith("jspecify-") || name.startsWith("commons-logging-"))) {
                Files.copy(Path.of(entry), app.path().resolve("WEB-INF/lib/" + name));
                jars++;
            }
        }
        assertTrue(jars >= 7, "Spring jars on the test class path: " + jars);
        return app;
    }

    @AfterAll
    static void close() {
        container.close();
    }

    @Test
    void controllerAnswers() throws Exception {
        MemoryExchange x = http.get("/spring/hello?name=Ann");
        assertEquals("HTTP/1.1 200 OK\r\nContent-Type: text/plain;charset=ISO-8859-1\r\nContent-Length: 10\r\n\r\n"
                + "Hello, Ann", x.wire());
    }

    @Test
    void requestBodyIsRead() throws Exception {
        MemoryExchange x = http.send("POST", "/spring/echo", "payload", "Content-Type: text/plain");
        assertEquals(200, x.code());
        assertEquals("echo:payload", x.text());
    }

    @Test
    void deferredResultCompletesAsync() throws Exception {
        MemoryExchange x = http.send("GET", "/spring/deferred", null);
        assertEquals(200, x.code());
        assertEquals("deferred done on another thread", x.text());
    }

    @Test
    void deferredResultOverTheConnector() throws Exception {
        String response = OverSocket.exchange(container, "GET /spring/deferred HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n");
        assertEquals("HTTP/1.1 200 OK\r\nContent-Type: text/plain;charset=ISO-8859-1\r\n"
                + "Content-Length: 31\r\nConnection: close\r\n\r\ndeferred done on another thread",
                response);
    }

    @Test
    void unknownPathIs404() throws Exception {
        assertEquals(404, http.get("/spring/nothing").code());
    }
}
