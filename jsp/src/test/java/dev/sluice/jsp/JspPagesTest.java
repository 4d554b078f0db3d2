package dev.sluice.jsp;

import static dev.sluice.jsp.JspServer.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a page uses, over a real socket, with the JSP module and the test webapp (src/test/webapp, its classes in
 * package testapp, a tag-file jar and JSTL in WEB-INF/lib): one server for all cases, each asserting the exact
 * status line and body a browser would get.
 */
class JspPagesTest {
    @TempDir
    static Path dir;
    static JspServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new JspServer(dir.resolve("work"), List.of(new JspModule()));
        server.container().deploy(JspServer.testWebapp(dir.resolve("app"), true));
        // A webapp whose own servlet is the default ("/") and that has no index.jsp, as the hello sample.
        Path slash = JspServer.testWebapp(dir.resolve("slash"), false);
        java.nio.file.Files.delete(slash.resolve("index.jsp"));
        JspServer.write(slash.resolve("WEB-INF/web.xml"), """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1">
                  <servlet><servlet-name>own</servlet-name>
                    <servlet-class>dev.sluice.jsp.testapp.OwnServlet</servlet-class></servlet>
                  <servlet-mapping><servlet-name>own</servlet-name><url-pattern>/</url-pattern></servlet-mapping>
                </web-app>
                """);
        server.container().deploy(slash);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String ok(String target) throws Exception {
        String response = server.get(target);
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        return body(response);
    }

    @Test
    void expressionLanguageAndScriptlets() throws Exception {
        String response = server.get("/app/el.jsp?name=Ada");
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertTrue(response.contains("\r\nContent-Type: text/plain;charset=UTF-8\r\n"), response);
        assertEquals("hello Ada, 42, true, scriptlet\n", body(response));
    }

    @Test
    void customTagsFromATldInWebInfAndThroughATaglibElementAndTheTldsListener() throws Exception {
        assertEquals("Hello, Grace!|Hello, mapped!|listener ran\n", ok("/app/tag.jsp?who=Grace"));
    }

    @Test
    void tagFilesInWebInfTagsAndInAJar() throws Exception {
        assertEquals("[T:body 5]\n|JAR!\n", ok("/app/tagfile.jsp"), "box.tag ends with a new line");
    }

    @Test
    void jspxDocumentsAndIsXmlPropertyGroups() throws Exception {
        assertEquals("jspx 7", ok("/app/page.jspx"));
        assertEquals("is-xml 10", ok("/app/xml/doc.jsp"));
    }

    @Test
    void includeAndForward() throws Exception {
        assertEquals("before|part included\n|after\n", ok("/app/include.jsp"));
        assertEquals("target forwarded /app/forward.jsp\n", ok("/app/forward.jsp"));
    }

    @Test
    void useBeanInTheSessionKeepsCountingAcrossRequests() throws Exception {
        String first = server.get("/app/bean.jsp");
        assertTrue(first.startsWith("HTTP/1.1 200 OK\r\n"), first);
        assertEquals("count 2 2\n", body(first));
        String cookie = first.lines().filter(l -> l.startsWith("Set-Cookie: JSESSIONID=")).findFirst()
                .orElseThrow().substring("Set-Cookie: ".length()).split(";")[0];
        assertEquals("count 4 4\n", body(server.get("/app/bean.jsp", "Cookie: " + cookie)));
        assertEquals("count 2 2\n", body(server.get("/app/bean.jsp")), "a new session starts over");
    }

    @Test
    void errorPageDirectiveGetsTheException() throws Exception {
        String response = server.get("/app/throws.jsp");
        assertTrue(response.startsWith("HTTP/1.1 500 Internal Server Error\r\n"), response);
        assertEquals("error page: IllegalArgumentException: broken on purpose\n", body(response));
    }

    @Test
    void anUncaughtExceptionGoesToTheWebappsErrorPageByType() throws Exception {
        String response = server.get("/app/uncaught.jsp");
        assertTrue(response.startsWith("HTTP/1.1 500 Internal Server Error\r\n"), response);
        assertEquals("container error page: no error page of its own\n", body(response));
    }

    @Test
    void jspFileServletDeclaredInWebXmlWithItsInitParameters() throws Exception {
        assertEquals("declared from web.xml\n", ok("/app/declared"));
    }

    @Test
    void aJspWelcomeFile() throws Exception {
        assertEquals("welcome 2\n", ok("/app/"));
    }

    @Test
    void aMissingIndexJspIsNoWelcomeFileSoTheWebappsDefaultServletAnswers() throws Exception {
        // Servlet 6.1 section 10.10 and Tomcat's resource-only JSP servlet: *.jsp serves a welcome file that exists.
        assertEquals("own servlet null", ok("/slash/"));
        assertEquals("hello Ada, 42, true, scriptlet\n", ok("/slash/el.jsp?name=Ada"), "its pages still render");
    }

    @Test
    void jstlTheWebappBrings() throws Exception {
        assertEquals("[1][2][3]yes\n", ok("/app/jstl.jsp?x=y"));
    }

    @Test
    void propertyGroupElIgnoredAndPageEncoding() throws Exception {
        String response = server.get("/app/props/ignored.jsp");
        assertTrue(response.startsWith("HTTP/1.1 200 OK\r\n"), response);
        assertEquals("el stays ${1 + 1} café\n", body(response), "the byte E9 read as ISO-8859-1, sent as UTF-8");
        // The same byte outside the group: the page's encoding is its contentType's charset, UTF-8 (JSP.4.1).
        assertEquals("caf\uFFFD\n", ok("/app/latin1.jsp"));
    }

    @Test
    void propertyGroupScriptingInvalidRefusesTheScriptlet() throws Exception {
        String response = server.get("/app/noscript/page.jsp");
        assertTrue(response.startsWith("HTTP/1.1 500 Internal Server Error\r\n"), response);
        assertTrue(body(response).contains("Scripting elements"), response);
    }

    @Test
    void propertyGroupPreludeAndCoda() throws Exception {
        assertEquals("start|middle\n|end", ok("/app/prelude/page.jsp"));
    }

    @Test
    void theWebappsOwnMappingWinsOverStarDotJsp() throws Exception {
        assertEquals("own servlet /x.jsp", ok("/app/own/x.jsp"));
    }

    @Test
    void aMissingPageIs404() throws Exception {
        assertTrue(server.get("/app/nothing.jsp").startsWith("HTTP/1.1 404 Not Found\r\n"));
    }

    @Test
    void aCompileErrorShowsFileLineAndMessageToLoopbackOnly() throws Exception {
        String local = server.get("/app/bad.jsp");
        assertTrue(local.startsWith("HTTP/1.1 500 Internal Server Error\r\n"), local);
        assertTrue(local.contains("[3] in the jsp file: [/bad.jsp]"), local);
        assertTrue(local.contains("Type mismatch: cannot convert from String to int"), local);

        String remote = server.get("/app/bad.jsp", "X-Test-Remote: 192.0.2.7");
        assertTrue(remote.startsWith("HTTP/1.1 500 Internal Server Error\r\n"), remote);
        assertTrue(remote.contains("The page could not be compiled; the server log says why."), remote);
        assertFalse(remote.contains("bad.jsp"), remote);
        assertFalse(remote.contains("not a number"), remote);
    }
}
