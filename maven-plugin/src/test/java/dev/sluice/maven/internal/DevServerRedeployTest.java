package dev.sluice.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code sluice:run} does between scans, over a real socket: a recompiled servlet and a changed web.xml are
 * copied into the served webapp and the server redeploys it; a changed page is served at once; a deleted one is
 * gone. The servlet is compiled by the JDK's compiler, as the IDE or {@code mvn compile} would.
 */
class DevServerRedeployTest {
    @TempDir
    Path dir;
    private DevServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void recompiledClassesAndAChangedWebXmlAreRedeployed() throws Exception {
        Path webapp = dir.resolve("src/main/webapp");
        Path classes = dir.resolve("target/classes");
        webXml(webapp, "first");
        write(webapp.resolve("index.html"), "home one\n");
        write(webapp.resolve("old.html"), "old\n");
        compileServlet(classes, "v1");
        server = DevServer.start(dir.resolve("target/sluice"), "shop",
                new DevServer.WebappSources(webapp, classes, List.of()), "127.0.0.1", 0, Limits.DEFAULTS,
                Duration.ofMillis(100));
        assertEquals("v1 first\n", body("/shop/greeting"));
        assertEquals(dir.resolve("target/sluice/webapps/shop"), server.webappFolder());

        compileServlet(classes, "v2");
        List<String> changed = server.sync();
        assertEquals(List.of("WEB-INF/classes/example/GreetingServlet.class"), changed);
        awaitBody("/shop/greeting", "v2 first\n");

        webXml(webapp, "second");
        assertEquals(List.of("WEB-INF/web.xml"), server.sync());
        awaitBody("/shop/greeting", "v2 second\n");

        write(webapp.resolve("index.html"), "home two\n");
        Files.delete(webapp.resolve("old.html"));
        assertEquals(List.of("old.html", "index.html"), server.sync());
        awaitBody("/shop/index.html", "home two\n");
        assertTrue(get("/shop/old.html").startsWith("HTTP/1.1 404 "), "a page deleted from src/main/webapp");
    }

    @Test
    void runCopiesOnlyOnceTheFilesHaveSettled() throws Exception {
        Path webapp = dir.resolve("src/main/webapp");
        write(webapp.resolve("index.html"), "one\n");
        server = DevServer.start(dir.resolve("target/sluice"), "ROOT",
                new DevServer.WebappSources(webapp, dir.resolve("target/classes"), List.of()), "127.0.0.1", 0,
                Limits.DEFAULTS, null);
        assertEquals(List.of(), server.syncWhenSettled(), "nothing changed since the start");
        write(webapp.resolve("index.html"), "two\n");
        assertEquals(List.of(), server.syncWhenSettled(), "changed since the last look: maybe still being written");
        assertEquals("one\n", body("/index.html"));
        assertEquals(List.of("index.html"), server.syncWhenSettled(), "the same as at the last look: copied");
        assertEquals("two\n", body("/index.html"));
        assertEquals(List.of(), server.syncWhenSettled(), "copied already");
    }

    /** Polls until the webapp answers with that body; the redeploy comes within a few scans. */
    private void awaitBody(String path, String expected) throws IOException, InterruptedException {
        // bounded by the build's 60 s test timeout; the pause only spares the CPU between polls
        while (!expected.equals(body(path))) {
            Thread.sleep(50);
        }
    }

    private String body(String path) throws IOException {
        String response = get(path);
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    private String get(String path) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void webXml(Path webapp, String from) throws IOException {
        write(webapp.resolve("WEB-INF/web.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.1\">\n"
                + "  <context-param><param-name>from</param-name><param-value>" + from
                + "</param-value></context-param>\n</web-app>\n");
    }

    private static void compileServlet(Path classes, String version) throws IOException {
        Path src = classes.resolveSibling("src-" + version + "/example/GreetingServlet.java");
        write(src, "package example;\n"
                + "@jakarta.servlet.annotation.WebServlet(\"/greeting\")\n"
                + "public class GreetingServlet extends jakarta.servlet.http.HttpServlet {\n"
                + "  @Override protected void doGet(jakarta.servlet.http.HttpServletRequest q,\n"
                + "      jakarta.servlet.http.HttpServletResponse r) throws java.io.IOException {\n"
                + "    r.setContentType(\"text/plain\");\n"
                + "    r.getWriter().print(\"" + version + " \" + getServletContext().getInitParameter(\"from\")"
                + " + \"\\n\");\n  }\n}\n");
        Files.createDirectories(classes);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), src.toString());
        assertEquals(0, rc, "javac");
    }

    /** Writes and moves the time on, so a rewrite in the same millisecond still looks changed. */
    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        boolean existed = Files.exists(file);
        long before = existed ? Files.getLastModifiedTime(file).toMillis() : 0;
        Files.writeString(file, text);
        if (existed) {
            Files.setLastModifiedTime(file, FileTime.fromMillis(Math.max(before + 2000,
                    Files.getLastModifiedTime(file).toMillis())));
        }
    }
}
