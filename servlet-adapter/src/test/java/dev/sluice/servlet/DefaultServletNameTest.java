package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.connector.HttpConnector;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import testapps.ActionServlet;
import testapps.EchoServlet;
import testapps.Events;

/**
 * The container's static-file servlet is named {@code default}, as on Tomcat and Jetty, also when the webapp maps
 * "/" itself (issue 14). Spring MVC's {@code configureDefaultServletHandling} forwards by that name: the same
 * Spring webapp folder runs on Sluice (behind its connector) and on embedded Tomcat 11, compared as
 * {@link SameAsTomcatTest} does.
 */
class DefaultServletNameTest {
    @TempDir
    static Path dir;
    static ServletContainer sluice;
    static HttpConnector connector;
    static Tomcat tomcat;

    @BeforeAll
    static void start() throws Exception {
        Webapp spring = SpringMvcTest.build(dir.resolve("springstatic"), springstatic.StaticAppInitializer.class,
                springstatic.StaticWebConfig.class, springstatic.PageController.class)
                .file("hello.txt", "Hello, static world\n")
                .file("css/site.css", "body { color: teal; }\n");
        // Whole seconds: Tomcat's weak ETag carries the file time in milliseconds, Sluice's in the whole seconds
        // Last-Modified can say (RFC 9110 section 8.8.2), so only such times give both servers the same ETag.
        for (String file : List.of("hello.txt", "css/site.css")) {
            Files.setLastModifiedTime(spring.path().resolve(file), FileTime.fromMillis(1_700_000_000_000L));
        }
        Webapp own = Webapp.at(dir.resolve("own")).classes(EchoServlet.class, ActionServlet.class, Events.class)
                .file("f.txt", "a static file\n")
                .webXml(TestSupport.servlet("echo", EchoServlet.class, "/")
                        + TestSupport.servlet("fwd", ActionServlet.class, "*.txt"));
        Webapp mine = Webapp.at(dir.resolve("mine")).classes(EchoServlet.class, ActionServlet.class, Events.class)
                .file("f.txt", "a static file\n")
                .webXml(TestSupport.servlet("default", EchoServlet.class, "/echo")
                        + TestSupport.servlet("fwd", ActionServlet.class, "/fwd"));
        sluice = ServletContainer.builder().workDir(dir.resolve("sluice-work")).build();
        sluice.deploy(spring.path());
        sluice.deploy(own.path());
        sluice.deploy(mine.path());
        connector = HttpConnector.builder().host("127.0.0.1").port(0).handler(sluice).serverName(null).build();
        connector.start();
        tomcat = SameAsTomcatTest.startTomcat(dir.resolve("tomcat"), spring.path());
    }

    @AfterAll
    static void stop() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
        if (connector != null) {
            connector.close();
        }
        if (sluice != null) {
            sluice.close();
        }
    }

    @Test
    void springServesAStaticFileThroughTheServletNamedDefault() throws IOException {
        String raw = SameAsTomcatTest.exchange(connector.localAddress(),
                SameAsTomcatTest.request("GET /springstatic/hello.txt"));
        String head = raw.substring(0, raw.indexOf("\r\n\r\n"));
        assertEquals("HTTP/1.1 200 OK", head.lines().findFirst().orElseThrow(), raw);
        assertEquals("Hello, static world\n", raw.substring(raw.indexOf("\r\n\r\n") + 4), raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /springstatic/hello.txt",
        "GET /springstatic/css/site.css",
        "HEAD /springstatic/hello.txt",
        "GET /springstatic/page",
    })
    void answersAreAsOnTomcat(String line) throws IOException {
        assertSameAsTomcat(SameAsTomcatTest.request(line), EnumSet.noneOf(SameAsTomcatTest.Allowed.class));
    }

    @Test
    void aMissingFileIs404AsOnTomcat() throws IOException {
        assertSameAsTomcat(SameAsTomcatTest.request("GET /springstatic/missing.txt"),
                EnumSet.of(SameAsTomcatTest.Allowed.ERROR_REPORT));
    }

    @Test
    void theNamedDispatcherReachesTheStaticFilesWhenTheWebappMapsSlash() throws Exception {
        Http http = new Http(sluice);
        assertEquals("servlet=echo", http.get("/own/other").text().lines().findFirst().orElseThrow());
        // A named forward keeps the request's path, so the default servlet serves the file of /f.txt.
        MemoryExchange x = http.send("GET", "/own/f.txt", null, "X-Do: named:default");
        assertEquals(200, x.code());
        assertEquals("a static file\n", x.text());
        assertEquals(404, http.send("GET", "/own/none.txt", null, "X-Do: named:default").code());
    }

    @Test
    void aWebappServletNamedDefaultWinsTheNameAndSlash() throws Exception {
        Http http = new Http(sluice);
        List<String> named = http.send("GET", "/mine/fwd", null, "X-Do: named:default").text().lines().toList();
        assertEquals(List.of("servlet=default", "uri=/mine/fwd"), List.of(named.get(0), named.get(2)));
        List<String> slash = http.get("/mine/f.txt").text().lines().toList();
        assertEquals(List.of("servlet=default", "mapping=DEFAULT|/|"), List.of(slash.get(0), slash.get(7)));
    }

    private static void assertSameAsTomcat(String request, Set<SameAsTomcatTest.Allowed> allow) throws IOException {
        List<SameAsTomcatTest.Answer> onTomcat = SameAsTomcatTest.Answer.parseAll(SameAsTomcatTest.exchange(
                new InetSocketAddress("127.0.0.1", tomcat.getConnector().getLocalPort()), request), allow, request);
        List<SameAsTomcatTest.Answer> onSluice = SameAsTomcatTest.Answer.parseAll(
                SameAsTomcatTest.exchange(connector.localAddress(), request), allow, request);
        assertEquals(onTomcat.toString(), onSluice.toString(), request);
    }
}
