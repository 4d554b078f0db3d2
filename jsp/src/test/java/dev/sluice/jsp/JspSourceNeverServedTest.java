package dev.sluice.jsp;

import static dev.sluice.jsp.JspServer.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page's source is never answered, with the module and without it, whatever the path tricks (case, encoded
 * letters, NUL, trailing slash, dot or space, path parameters, dot segments): each either renders the page, or is
 * refused, and none contains the JSP comment that only the source has. Without the module a page gets the clear
 * 500 "JSP is not supported".
 */
class JspSourceNeverServedTest {
    private static final String MARKER = "SECRET-SOURCE-MARKER";

    @TempDir
    static Path dir;
    static JspServer withModule;
    static JspServer withoutModule;

    @BeforeAll
    static void start() throws Exception {
        withModule = new JspServer(dir.resolve("work1"), List.of(new JspModule()));
        withModule.container().deploy(JspServer.testWebapp(dir.resolve("one/app"), false));
        withoutModule = new JspServer(dir.resolve("work2"), List.of());
        withoutModule.container().deploy(JspServer.testWebapp(dir.resolve("two/app"), false));
    }

    @AfterAll
    static void stop() throws Exception {
        withModule.close();
        withoutModule.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/app/secret.jsp", "/app/secret.JSP", "/app/Secret.jsp", "/app/secret.jsp%00",
        "/app/secret.jsp%00.txt", "/app/secret.jsp/", "/app/secret.js%70", "/app/secret.j%73p", "/app/secret%2ejsp",
        "/app/secret.jsp.", "/app/secret.jsp%20", "/app/secret.jsp%2e", "/app/secret.jsp;x=y", "/app/secret.jsp;.txt",
        "/app/./secret.jsp", "/app/x/../secret.jsp", "/app//secret.jsp", "/app/secret.jsp%2f", "/app/secret.jsp%5c",
        "/app/secret.jsp::$DATA", "/app/secret.jsp~", "/app/%73ecret.jsp", "/app/own/../secret.jsp",
        "/app/secret.jspx", "/app/WEB-INF/jsp/part.jsp", "/app/web-inf/jsp/part.jsp", "/app/WEB-INF/tags/box.tag"})
    void noPathReturnsTheSource(String target) throws Exception {
        for (JspServer server : List.of(withModule, withoutModule)) {
            String response = server.get(target);
            assertFalse(response.contains(MARKER), target + " -> " + response);
            assertFalse(response.contains("<%"), target + " -> " + response);
            assertFalse(response.contains("attribute name="), target + " -> " + response);
        }
    }

    @Test
    void withTheModuleThePageRendersAndOtherCaseSpellingsAreRefused() throws Exception {
        String page = withModule.get("/app/secret.jsp");
        assertTrue(page.startsWith("HTTP/1.1 200 OK\r\n"), page);
        assertEquals("rendered\n", body(page));
        assertEquals("rendered\n", body(withModule.get("/app/secret.js%70")));
        assertEquals("rendered\n", body(withModule.get("/app/secret.jsp;x=y")));
        // *.jsp is case-sensitive (Servlet 6.1 section 12.2), so .JSP reaches the default servlet, which refuses it.
        assertTrue(withModule.get("/app/secret.JSP").startsWith("HTTP/1.1 500 "));
    }

    @Test
    void withoutTheModuleAPageIsAClear500() throws Exception {
        String page = withoutModule.get("/app/el.jsp");
        assertTrue(page.startsWith("HTTP/1.1 500 Internal Server Error\r\n"), page);
        assertTrue(body(page).contains("<p>JSP is not supported</p>"), page);
        String declared = withoutModule.get("/app/declared");
        assertTrue(declared.startsWith("HTTP/1.1 500 Internal Server Error\r\n"), declared);
        assertTrue(body(declared).contains("JSP is not supported: /WEB-INF/jsp/declared.jsp"), declared);
        String welcome = withoutModule.get("/app/");
        assertTrue(welcome.startsWith("HTTP/1.1 500 Internal Server Error\r\n"), welcome);
        assertTrue(withoutModule.get("/app/own/x.jsp").contains("own servlet /x.jsp"));
    }
}
