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
 * An Eclipse Jersey 4 webapp without web.xml: @ApplicationPath found through Jersey's initializer and
 * @HandlesTypes; an async resource resumed from another thread.
 */
class JerseyTest {
    @TempDir
    static Path dir;
    static ServletContainer container;
    static Http http;

    @BeforeAll
    static void deploy() throws Exception {
        Webapp app = build(dir.resolve("jersey"));
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
        http = new Http(container);
    }

    /** The Jersey webapp folder, with Jersey's jars from the test class path. */
    static Webapp build(Path folder) throws Exception {
        Webapp app = Webapp.at(folder).classes(jerseyapp.ApiApplication.class, jerseyapp.GreetingResource.class);
        Files.createDirectories(app.path().resolve("WEB-INF/lib"));
        int jars = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = entry.replace('\\', '/');
            if (path.endsWith(".jar") && (path.contains("/org/glassfish/") || path.contains("/jakarta/ws/rs/")
                    || path.contains("/jakarta/inject/") || path.contains("/org/javassist/")
                    || path.contains("/jakarta/validation/") || path.contains("/jakarta/activation/"))) {
                Files.copy(Path.of(entry), app.path().resolve("WEB-INF/lib/" + Path.of(entry).getFileName()));
                jars++;
            }
        }
        assertTrue(jars >= 6, "Jersey jars on the test class path: " + jars);
        return app;
    }

    @AfterAll
    static void close() {
        container.close();
    }

    @Test
    void resourceAnswers() throws Exception {
        MemoryExchange x = http.get("/jersey/api/greetings/Ann");
        assertEquals("HTTP/1.1 200 OK\r\nContent-Length: 10\r\nContent-Type: text/plain\r\n\r\nHello, Ann", x.wire());
    }

    @Test
    void postBodyIsRead() throws Exception {
        MemoryExchange x = http.send("POST", "/jersey/api/greetings", "data", "Content-Type: text/plain");
        assertEquals("posted:data", x.text());
    }

    @Test
    void asyncResourceResumesFromAnotherThread() throws Exception {
        MemoryExchange x = http.send("GET", "/jersey/api/greetings/async/Bo", null);
        assertEquals(200, x.code());
        assertEquals("Later, Bo", x.text());
    }

    @Test
    void asyncResourceOverTheConnector() throws Exception {
        String response = OverSocket.exchange(container, "GET /jersey/api/greetings/async/Cy HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n");
        assertEquals("HTTP/1.1 200 OK\r\nContent-Length: 9\r\nContent-Type: text/plain\r\n"
                + "Connection: close\r\n\r\nLater, Cy", response);
    }

    @Test
    void unknownResourceIs404() throws Exception {
        assertEquals(404, http.get("/jersey/api/nothing").code());
    }
}
