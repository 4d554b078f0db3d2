package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A webapp defined in code, as Spring Boot deploys one: its initializers register servlet instances, the
 * application's class loader is the webapp's, and what web.xml would declare comes from the builder.
 */
class EmbeddedWebappTest {
    @TempDir
    Path dir;
    ServletContainer container;

    @AfterEach
    void close() {
        if (container != null) {
            container.close();
        }
    }

    /** Answers with the path, the context class loader's view of this test class, and fails for /fail/*. */
    static final class PathServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
            String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
            if (path.startsWith("/fail")) {
                throw new IllegalStateException("failed on purpose");
            }
            if (path.startsWith("/missing")) {
                resp.sendError(404);
                return;
            }
            Class<?> seen;
            try {
                seen = Thread.currentThread().getContextClassLoader().loadClass(EmbeddedWebappTest.class.getName());
            } catch (ClassNotFoundException e) {
                throw new ServletException(e);
            }
            resp.setContentType("text/plain");
            resp.getWriter().print(path + " same-class=" + (seen == EmbeddedWebappTest.class)
                    + " param=" + req.getServletContext().getInitParameter("greeting"));
        }
    }

    /** An error page that names the status and message the container passed to it. */
    static final class ErrorServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.getWriter().print("error page: " + req.getAttribute("jakarta.servlet.error.status_code") + " "
                    + req.getAttribute("jakarta.servlet.error.request_uri") + " uri=" + req.getRequestURI());
        }
    }

    @Test
    void initializersRegisterInstancesAndTheApplicationLoaderIsTheWebapps() throws Exception {
        List<String> ran = new ArrayList<>();
        ServletContainerInitializer register = (classes, ctx) -> {
            ran.add("register classes=" + classes);
            ctx.addServlet("app", new PathServlet()).addMapping("/");
            ctx.addServlet("error", new ErrorServlet()).addMapping("/error");
            try {
                assertSame(EmbeddedWebappTest.class,
                        ctx.getClassLoader().loadClass(EmbeddedWebappTest.class.getName()));
            } catch (ClassNotFoundException e) {
                throw new ServletException(e);
            }
        };
        container = ServletContainer.builder().workDir(dir.resolve("work")).modules(List.of()).build();
        String path = container.deploy(EmbeddedWebapp.builder("/shop", getClass().getClassLoader())
                .initializer(register)
                .initializer((classes, ctx) -> ran.add("second"))
                .initParameter("greeting", "hello")
                .errorPage(404, "/error")
                .defaultErrorPage("/error")
                .sessionTimeout(Duration.ofSeconds(61))
                .build());
        assertEquals("/shop", path);
        assertEquals(List.of("register classes=null", "second"), ran);
        Http http = new Http(container);

        MemoryExchange ok = http.get("/shop/items/1");
        assertEquals(200, ok.code());
        assertEquals("/items/1 same-class=true param=hello", ok.text());

        MemoryExchange missing = http.get("/shop/missing");
        assertEquals(404, missing.code());
        assertEquals("error page: 404 /shop/missing uri=/shop/error", missing.text());

        MemoryExchange failed = http.get("/shop/fail");
        assertEquals(500, failed.code());
        assertEquals("error page: 500 /shop/fail uri=/shop/error", failed.text());
    }

    @Test
    void theDocumentRootServesStaticFilesThroughTheContainersDefaultServlet() throws Exception {
        Path root = Files.createDirectories(dir.resolve("public"));
        Files.writeString(root.resolve("hello.txt"), "static hello");
        Files.writeString(root.resolve("data.sluicetest"), "typed");
        container = ServletContainer.builder().workDir(dir.resolve("work")).modules(List.of()).build();
        container.deploy(EmbeddedWebapp.builder("", getClass().getClassLoader())
                .documentRoot(root).mimeType("SluiceTest", "application/x-sluice-test").build());
        Http http = new Http(container);

        MemoryExchange file = http.get("/hello.txt");
        assertEquals(200, file.code());
        assertEquals("static hello", file.text());
        assertEquals("application/x-sluice-test", http.get("/data.sluicetest").header("Content-Type"));
    }

    @Test
    void aFailingInitializerFailsTheDeploymentAndFreesTheContextPath() throws Exception {
        container = ServletContainer.builder().workDir(dir.resolve("work")).modules(List.of()).build();
        IOException e = assertThrows(IOException.class, () -> container.deploy(
                EmbeddedWebapp.builder("", getClass().getClassLoader()).initializer((c, ctx) -> {
                    throw new ServletException("no database");
                }).build()));
        assertTrue(e.getMessage().contains("no database"), e.getMessage());
        assertEquals(List.of(), container.contextPaths());
        assertEquals("", container.deploy(EmbeddedWebapp.builder("", getClass().getClassLoader()).build()));
    }

    @Test
    void malformedContextPathsAndLocationsAreRefusedWhenBuilt() {
        ClassLoader loader = getClass().getClassLoader();
        assertThrows(IllegalArgumentException.class, () -> EmbeddedWebapp.builder("shop", loader));
        assertThrows(IllegalArgumentException.class, () -> EmbeddedWebapp.builder("/shop/", loader));
        assertThrows(IllegalArgumentException.class,
                () -> EmbeddedWebapp.builder("", loader).errorPage(404, "error"));
    }
}
