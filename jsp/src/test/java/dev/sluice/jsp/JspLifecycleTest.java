package dev.sluice.jsp;

import static dev.sluice.jsp.JspServer.body;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compilation over time: into the webapp's work folder, a changed page recompiled on its next request (and not
 * with jspDevelopment=false), every page compiled at deploy with jspPrecompile=true, and the module's settings as
 * the distribution gives them (text, through the builder).
 */
class JspLifecycleTest {
    @TempDir
    Path dir;

    /** Where Jasper writes a page's class: the webapp's temporary folder, {@code <workDir>/temp/<name>}. */
    private Path compiled(String className) {
        return dir.resolve("work/temp/app/org/apache/jsp/" + className + ".class");
    }

    /** Rewrites a page with a modification time clearly after the compiled class's, whatever the clock's grain. */
    private static void change(Path page, String content) throws Exception {
        FileTime before = Files.getLastModifiedTime(page);
        JspServer.write(page, content);
        Files.setLastModifiedTime(page, FileTime.fromMillis(before.toMillis() + 10_000));
    }

    @Test
    void aChangedPageIsRecompiledOnItsNextRequestByDefault() throws Exception {
        Path app = JspServer.testWebapp(dir.resolve("app"), false);
        try (JspServer server = new JspServer(dir.resolve("work"), List.of(new JspModule()))) {
            server.container().deploy(app);
            assertEquals("hello Ada, 42, true, scriptlet\n", body(server.get("/app/el.jsp?name=Ada")));
            assertTrue(Files.isRegularFile(compiled("el_jsp")), "compiled into the webapp's work folder");
            change(app.resolve("el.jsp"), "<%@ page contentType=\"text/plain\" %>changed ${param.name}");
            assertEquals("changed Ada", body(server.get("/app/el.jsp?name=Ada")));
        }
    }

    @Test
    void withJspDevelopmentFalseAPageIsNotCheckedAgain() throws Exception {
        Path app = JspServer.testWebapp(dir.resolve("app"), false);
        JspModule module = new JspModule();
        try (JspServer server = new JspServer(dir.resolve("work"), List.of(module), "jspDevelopment", "false")) {
            server.container().deploy(app);
            assertEquals("hello Ada, 42, true, scriptlet\n", body(server.get("/app/el.jsp?name=Ada")));
            change(app.resolve("el.jsp"), "<%@ page contentType=\"text/plain\" %>changed ${param.name}");
            assertEquals("hello Ada, 42, true, scriptlet\n", body(server.get("/app/el.jsp?name=Ada")));
        }
    }

    @Test
    void withJspPrecompileEveryPageIsCompiledAtDeployAndABrokenOneDoesNotStopIt() throws Exception {
        Path app = JspServer.testWebapp(dir.resolve("app"), true);
        try (JspServer server = new JspServer(dir.resolve("work"), List.of(new JspModule()),
                "jspPrecompile", "true")) {
            server.container().deploy(app);
            // Before any request: pages at the top, in folders, under WEB-INF, JSPX and JSTL pages.
            for (String page : List.of("el_jsp", "index_jsp", "page_jspx", "jstl_jsp", "tagfile_jsp",
                    "xml/doc_jsp", "WEB_002dINF/jsp/declared_jsp", "WEB_002dINF/jsp/error_jsp")) {
                assertTrue(Files.isRegularFile(compiled(page)), page + " precompiled");
            }
            assertFalse(Files.exists(compiled("bad_jsp")), "bad.jsp does not compile and is only logged");
            FileTime compiledAt = Files.getLastModifiedTime(compiled("el_jsp"));
            assertEquals("hello Ada, 42, true, scriptlet\n", body(server.get("/app/el.jsp?name=Ada")));
            assertEquals(compiledAt, Files.getLastModifiedTime(compiled("el_jsp")), "loaded, not compiled again");
            assertTrue(server.get("/app/bad.jsp").startsWith("HTTP/1.1 500 Internal Server Error\r\n"));
        }
    }

    @Test
    void aBadSettingValueIsRefusedWithItsName() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> dev.sluice.servlet.ServletContainer.builder().modules(List.of(new JspModule()))
                        .setting("jspPrecompile", "yes"));
        assertEquals("Invalid value for jspPrecompile: 'yes' (true or false)", e.getMessage());
    }
}
