package dev.sluice.servlet;

import static dev.sluice.servlet.TestSupport.servlet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import testapps.ActionServlet;
import testapps.MappingServlet;

/**
 * Every row of the table in the {@code HttpServletMapping} javadoc (Servlet 6.1), with its declaration: one
 * servlet mapped to {@code /MyServlet}, {@code ""}, {@code *.extension}, {@code /path/*} and (so that the DEFAULT
 * rows reach it, as the table's servletName column says) {@code /}; plus {@code /path} and {@code /path/}, whose
 * path info has nothing after the pattern's path. Each row is checked on a plain request, after a forward, in an
 * include and after an async dispatch, each from {@code /via/x} (a servlet mapped to {@code /via/*}).
 */
class HttpServletMappingTest {
    private static final String VIA = "PATH|/via/*|x|via";

    @TempDir
    static Path dir;
    static ServletContainer container;

    @BeforeAll
    static void deploy() throws Exception {
        Webapp app = Webapp.at(dir.resolve("jd")).classes(MappingServlet.class, ActionServlet.class, testapps.Events.class)
                .webXml(servlet("MyServlet", MappingServlet.class, "/MyServlet", "", "*.extension", "/path/*", "/")
                        + "<servlet><servlet-name>via</servlet-name><servlet-class>" + ActionServlet.class.getName()
                        + "</servlet-class><async-supported>true</async-supported></servlet>"
                        + "<servlet-mapping><servlet-name>via</servlet-name><url-pattern>/via/*</url-pattern>"
                        + "</servlet-mapping>");
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
    }

    @AfterAll
    static void close() {
        container.close();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            /                     | CONTEXT_ROOT | ''          | ''
            /index.html           | DEFAULT      | /           | ''
            /MyServlet/index.html | DEFAULT      | /           | ''
            /MyServlet            | EXACT        | /MyServlet  | MyServlet
            /MyServlet/foo        | DEFAULT      | /           | ''
            /foo.extension        | EXTENSION    | *.extension | foo
            /bar/foo.extension    | EXTENSION    | *.extension | bar/foo
            /path/foo             | PATH         | /path/*     | foo
            /path/foo/bar         | PATH         | /path/*     | foo/bar
            /path                 | PATH         | /path/*     | ''
            /path/                | PATH         | /path/*     | ''
            """)
    void everyRowOfTheJavadocTable(String path, String match, String pattern, String matchValue) throws Exception {
        String row = match + "|" + pattern + "|" + matchValue + "|MyServlet";
        Http http = new Http(container);

        assertEquals(lines(row, null, null, null), http.get("/jd" + path).text(), "request");
        assertEquals(lines(row, VIA, null, null),
                http.send("GET", "/jd/via/x", null, "X-Do: forward:" + path).text(), "forward");
        assertEquals(lines(VIA, null, row, null),
                http.send("GET", "/jd/via/x", null, "X-Do: include:" + path).text(), "include");
        assertEquals(lines(row, null, null, VIA),
                http.send("GET", "/jd/via/x", null, "X-Do: async:dispatch=" + path).text(), "async dispatch");
    }

    private static String lines(String mapping, String forward, String include, String async) {
        return "mapping=" + mapping + "\nforward=" + forward + "\ninclude=" + include + "\nasync=" + async + "\n";
    }
}
