package dev.sluice.servlet;

import static dev.sluice.servlet.TestSupport.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sluice has no JSP engine: a {@code <jsp-file>} servlet or one added with addJspFile must not stop the webapp
 * from deploying; it exists as a registration and answers 500.
 */
class JspWithoutEngineTest {
    @TempDir
    Path dir;
    ServletContainer container;

    @AfterEach
    void close() {
        if (container != null) {
            container.close();
        }
    }

    @Test
    void jspServletsDeployAndAnswer500() throws Exception {
        Path log = dir.resolve("events.txt");
        Webapp app = TestSupport.app(dir.resolve("a"), log, """
                <listener><listener-class>testapps.JspListener</listener-class></listener>
                <servlet><servlet-name>page</servlet-name><jsp-file>/page.jsp</jsp-file>
                  <load-on-startup>1</load-on-startup></servlet>
                <servlet-mapping><servlet-name>page</servlet-name><url-pattern>/page</url-pattern></servlet-mapping>
                """ + TestSupport.servlet("echo", testapps.EchoServlet.class, "/echo"))
                .classes(testapps.JspListener.class)
                .file("page.jsp", "<%= secret %>");
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
        Http http = new Http(container);

        assertEquals(200, http.send("GET", "/a/echo", null).code());
        MemoryExchange page = http.send("GET", "/a/page", null);
        assertEquals(500, page.code());
        assertTrue(page.text().contains("JSP is not supported"), page.text());
        assertTrue(!page.text().contains("secret"), "the JSP source must not be served");
        assertEquals(500, http.send("GET", "/a/added", null).code());
        assertEquals(List.of("addJspFile added [/added] v", "addJspFile again: null"), events(log));
    }
}
