package dev.sluice.jsp;

import static dev.sluice.jsp.JspServer.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.HttpConnector;
import dev.sluice.servlet.ServletContainer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tomcat's own {@code sample.war} (docs/appdev/sample of the Tomcat distribution on Maven Central, unpacked from
 * the zip by this module's pom, never modified) copied into a webapps folder: {@code hello.jsp} renders as Tomcat
 * renders it, its servlet and static files are served, and the JSP module is found the way the distribution finds
 * it, through ServiceLoader on the server's class path.
 */
class SampleWarTest {
    private static final Path WAR =
            Path.of("target/tomcat-dist/apache-tomcat-11.0.24/webapps/docs/appdev/sample/sample.war");

    @TempDir
    Path dir;

    @Test
    void helloJspRendersAsOnTomcat() throws Exception {
        Path webapps = Files.createDirectories(dir.resolve("webapps"));
        Files.copy(WAR, webapps.resolve("sample.war"));
        ServletContainer container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        try (container; HttpConnector connector = HttpConnector.builder().host("127.0.0.1").port(0)
                .handler(container).serverName(null).build()) {
            container.deployAll(webapps);
            connector.start();

            String page = get(connector, "/sample/hello.jsp");
            assertTrue(page.startsWith("HTTP/1.1 200 OK\r\n"), page);
            // Jasper's defaults for a page without a page directive (Pages 4.0 section JSP.4.1), as on Tomcat: HTML
            // in ISO-8859-1, and a session, since session="true" is the default.
            assertTrue(page.contains("\r\nContent-Type: text/html;charset=ISO-8859-1\r\n"), page);
            assertTrue(page.matches("(?s).*\r\nSet-Cookie: JSESSIONID=[0-9A-Za-z_-]+; Path=/sample; HttpOnly\r\n.*"),
                    page);
            // Tomcat answers the page's template text unchanged, with <%= new String("Hello!") %> replaced.
            String source = entry("hello.jsp");
            String expected = source.replace("<%= new String(\"Hello!\") %>", "Hello!");
            assertTrue(expected.contains("\r\nHello!\r\n") && !expected.contains("<%"), "the page, CRLF lines");
            assertEquals(expected, body(page));

            assertTrue(body(get(connector, "/sample/hello")).contains("<h1>Sample Application Servlet</h1>"));
            assertEquals(entry("index.html"), body(get(connector, "/sample/")));
            assertTrue(get(connector, "/sample/images/tomcat.gif").contains("\r\nContent-Type: image/gif\r\n"));
        }
    }

    private static String entry(String name) throws Exception {
        try (ZipFile zip = new ZipFile(WAR.toFile())) {
            return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String get(HttpConnector connector, String target) throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(connector.localAddress(), 10_000);
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
