package dev.sluice.servlet;

import static dev.sluice.servlet.TestSupport.servlet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import testapps.EchoServlet;

/** Servlet 6.1 chapter 12, including the examples of its table 12-1 and section 12.2. */
class MappingTest {
    @TempDir
    static Path dir;
    static ServletContainer container;

    @BeforeAll
    static void deploy() throws Exception {
        Webapp app = Webapp.at(dir.resolve("ctx")).classes(EchoServlet.class)
                .file("static/index.html", "<p>welcome</p>")
                .webXml(servlet("servlet1", EchoServlet.class, "/foo/bar/*")
                        + servlet("servlet2", EchoServlet.class, "/baz/*")
                        + servlet("servlet3", EchoServlet.class, "/catalog")
                        + servlet("servlet4", EchoServlet.class, "*.bop")
                        + servlet("root", EchoServlet.class, "")
                        + servlet("default", EchoServlet.class, "/")
                        + servlet("welcomeServlet", EchoServlet.class, "/w/index.do"));
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
    }

    @AfterAll
    static void close() {
        container.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            /ctx/foo/bar/index.html | servlet1        | /foo/bar     | /index.html | PATH         | /foo/bar/*   | index.html
            /ctx/foo/bar/index.bop  | servlet1        | /foo/bar     | /index.bop  | PATH         | /foo/bar/*   | index.bop
            /ctx/foo/bar            | servlet1        | /foo/bar     | null        | PATH         | /foo/bar/*   | ''
            /ctx/baz                | servlet2        | /baz         | null        | PATH         | /baz/*       | ''
            /ctx/baz/index.html     | servlet2        | /baz         | /index.html | PATH         | /baz/*       | index.html
            /ctx/bazz               | default         | /bazz        | null        | DEFAULT      | /            | ''
            /ctx/catalog            | servlet3        | /catalog     | null        | EXACT        | /catalog     | catalog
            /ctx/catalog/index.html | default         | /catalog/index.html | null | DEFAULT      | /            | ''
            /ctx/catalog/racecar.bop | servlet4       | /catalog/racecar.bop | null | EXTENSION   | *.bop        | catalog/racecar
            /ctx/index.bop          | servlet4        | /index.bop   | null        | EXTENSION    | *.bop        | index
            /ctx/                   | root            | ''           | /           | CONTEXT_ROOT | ''           | ''
            /ctx/a/b.c              | default         | /a/b.c       | null        | DEFAULT      | /            | ''
            """)
    void mapsAsTheSpecificationSays(String uri, String servletName, String servletPath, String pathInfo,
                                    String match, String pattern, String matchValue) throws Exception {
        String body = new Http(container).get(uri).text();
        assertEquals("servlet=" + servletName, line(body, "servlet"));
        assertEquals("servletPath=" + servletPath, line(body, "servletPath"));
        assertEquals("pathInfo=" + pathInfo, line(body, "pathInfo"));
        assertEquals("mapping=" + match + "|" + pattern + "|" + matchValue, line(body, "mapping"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            /ctx/w/         | welcomeServlet | /w/index.do
            """)
    void welcomeFileMapsToAServlet(String uri, String servletName, String servletPath) throws Exception {
        Webapp app = Webapp.at(dir.resolve("wel")).classes(EchoServlet.class)
                .webXml("<welcome-file-list><welcome-file>index.do</welcome-file></welcome-file-list>"
                        + servlet("welcomeServlet", EchoServlet.class, "/w/index.do"));
        container.deploy(app.path());
        try {
            String body = new Http(container).get(uri.replace("/ctx", "/wel")).text();
            assertEquals("servlet=" + servletName, line(body, "servlet"));
            assertEquals("servletPath=" + servletPath, line(body, "servletPath"));
            assertEquals("uri=" + uri.replace("/ctx", "/wel"), line(body, "uri"));
        } finally {
            container.undeploy("/wel");
        }
    }

    private static String line(String body, String key) {
        for (String l : body.split("\n")) {
            if (l.startsWith(key + "=")) {
                return l;
            }
        }
        return "(no " + key + " in " + body + ")";
    }
}
