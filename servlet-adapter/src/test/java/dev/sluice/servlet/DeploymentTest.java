package dev.sluice.servlet;

import static dev.sluice.servlet.TestSupport.app;
import static dev.sluice.servlet.TestSupport.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapps.EchoServlet;
import testapps.LifecycleListener;
import testapps.LogFilter;
import testapps.SecondListener;
import testapps.StartupServlet;

class DeploymentTest {
    @TempDir
    Path dir;
    private ServletContainer container;

    @AfterEach
    void close() {
        if (container != null) {
            container.close();
        }
    }

    private ServletContainer container() {
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        return container;
    }

    @Test
    void startAndUndeployRunLifecycleInSpecifiedOrder() throws Exception {
        Path log = dir.resolve("events.txt");
        Webapp app = app(dir.resolve("life"), log, """
                <listener><listener-class>testapps.LifecycleListener</listener-class></listener>
                <listener><listener-class>testapps.SecondListener</listener-class></listener>
                <filter><filter-name>f</filter-name><filter-class>testapps.LogFilter</filter-class></filter>
                <filter-mapping><filter-name>f</filter-name><url-pattern>/*</url-pattern></filter-mapping>
                <servlet><servlet-name>b</servlet-name><servlet-class>testapps.StartupServlet</servlet-class>
                  <load-on-startup>2</load-on-startup></servlet>
                <servlet><servlet-name>a</servlet-name><servlet-class>testapps.StartupServlet</servlet-class>
                  <load-on-startup>1</load-on-startup></servlet>
                <servlet><servlet-name>lazy</servlet-name><servlet-class>testapps.StartupServlet</servlet-class>
                </servlet>
                """);
        container().deploy(app.path());
        assertEquals(List.of(
                "L1 contextInitialized postConstructed=true",
                "L1 contextAttributeAdded started-by-L1",
                "L2 contextAttributeAdded started-by-L1",
                "L2 contextInitialized postConstructed=true",
                "L1 contextAttributeAdded started-by-L2",
                "L2 contextAttributeAdded started-by-L2",
                "init filter f",
                "init a postConstructed=true",
                "init b postConstructed=true"), events(log));
        Files.delete(log);

        assertTrue(container.undeploy("/life"));
        assertFalse(container.undeploy("/life"));
        assertEquals(List.of(
                "destroy b", "preDestroy b", "destroy a", "preDestroy a",
                "L2 contextDestroyed", "L1 contextDestroyed",
                "L2 preDestroy", "L1 preDestroy"), events(log));
        assertEquals(404, new Http(container).get("/life/x").code());
    }

    @Test
    void warIsUnpackedIntoWorkDirAndServed() throws Exception {
        Webapp app = Webapp.at(dir.resolve("src")).classes(EchoServlet.class)
                .webXml(TestSupport.servlet("echo", EchoServlet.class, "/e"));
        Path war = dir.resolve("apps/store.war");
        zip(app.path(), war, null);
        assertEquals("/store", container().deploy(war));
        assertTrue(Files.isRegularFile(dir.resolve("work/store/WEB-INF/web.xml")));
        assertTrue(new Http(container).get("/store/e").text().contains("servletPath=/e\n"));
    }

    @Test
    void warWithEscapingEntryIsRefusedAndWritesNothing() throws Exception {
        Webapp app = Webapp.at(dir.resolve("src")).classes(EchoServlet.class)
                .webXml(TestSupport.servlet("echo", EchoServlet.class, "/e"));
        Path war = dir.resolve("apps/evil.war");
        zip(app.path(), war, "../../escaped.txt");
        IOException e = assertThrows(IOException.class, () -> container().deploy(war));
        assertTrue(e.getMessage().contains("names a parent folder"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("escaped.txt")));
        assertFalse(Files.exists(dir.resolve("work/evil/WEB-INF/web.xml")));
        assertEquals(List.of(), container.contextPaths());
    }

    @Test
    void deployAllLogsOneLinePerFailureAndDeploysTheRest() throws Exception {
        Path apps = dir.resolve("apps");
        Webapp.at(apps.resolve("ROOT")).classes(EchoServlet.class)
                .webXml(TestSupport.servlet("echo", EchoServlet.class, "/"));
        Webapp.at(apps.resolve("broken")).webXml("<listener><listener-class>no.Such</listener-class></listener>");
        Webapp.at(apps.resolve("badxml")).file("WEB-INF/web.xml", "<web-app><oops></web-app>");
        Webapp good = Webapp.at(dir.resolve("src")).classes(EchoServlet.class)
                .webXml(TestSupport.servlet("echo", EchoServlet.class, "/e"));
        zip(good.path(), apps.resolve("zipped.war"), null);

        List<String> lines = new java.util.ArrayList<>();
        Logger logger = Logger.getLogger("dev.sluice.servlet");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                    lines.add(r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            assertEquals(List.of("", "/zipped"), container().deployAll(apps));
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("Failed to deploy webapp badxml: "), lines.get(0));
        assertTrue(lines.get(1).startsWith("Failed to deploy webapp broken: "), lines.get(1));
        assertTrue(lines.get(1).contains("no.Such"), lines.get(1));
        Http http = new Http(container);
        assertTrue(http.get("/anything").text().contains("contextPath=\n"));
        assertTrue(http.get("/zipped/e").text().contains("contextPath=/zipped\n"));
    }

    @Test
    void classLoaderIsChildFirstHidesContainerAndIsClosedOnUndeploy() throws Exception {
        Path log = dir.resolve("events.txt");
        Webapp app = app(dir.resolve("cl"), log, TestSupport.servlet("echo", EchoServlet.class, "/e"));
        app.jar("lib.jar", java.util.Map.of("shadow.txt", "from-jar"), StartupServlet.class);
        app.file("WEB-INF/classes/jakarta/servlet/jsp/GeneratedForTest.class", emptyClass(
                "jakarta/servlet/jsp/GeneratedForTest"));
        container().deploy(app.path());
        dev.sluice.servlet.internal.WebApp webApp = null;
        ClassLoader loader = loaderOf(app.path());
        assertTrue(loader.getResource("shadow.txt") != null);
        // JDK and servlet API come from outside; container classes are invisible; webapp classes are its own.
        assertEquals(String.class, loader.loadClass("java.lang.String"));
        assertEquals(jakarta.servlet.Servlet.class, loader.loadClass("jakarta.servlet.Servlet"));
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("dev.sluice.servlet.ServletContainer"));
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.objectweb.asm.ClassReader"));
        // An API under jakarta.servlet that the container does not ship (JSP) comes from the webapp.
        Class<?> jsp = loader.loadClass("jakarta.servlet.jsp.GeneratedForTest");
        assertTrue(jsp.getClassLoader() == loader);
        Class<?> echo = loader.loadClass("testapps.EchoServlet");
        assertTrue(echo != EchoServlet.class && echo.getClassLoader() == loader);
        assertTrue(webApp == null);

        container.undeploy("/cl");
        assertEquals(null, loader.getResource("shadow.txt"), "loader still reads its jar after undeploy");
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("testapps.LifecycleListener"));
    }

    /** A fresh loader over the same folder stands in for the webapp's, which is not exposed. */
    private ClassLoader loaderOf(Path root) throws Exception {
        java.lang.reflect.Field deployments = ServletContainer.class.getDeclaredField("deployments");
        deployments.setAccessible(true);
        dev.sluice.servlet.internal.WebApp app =
                ((dev.sluice.servlet.internal.Deployments) deployments.get(container)).all().get(0);
        java.lang.reflect.Method m = app.getClass().getDeclaredMethod("loader");
        m.setAccessible(true);
        return (ClassLoader) m.invoke(app);
    }

    /** The bytes of an empty public class, written with ASM (no such class may exist on the test class path). */
    static byte[] emptyClass(String internalName) {
        org.objectweb.asm.ClassWriter w = new org.objectweb.asm.ClassWriter(0);
        w.visit(org.objectweb.asm.Opcodes.V17, org.objectweb.asm.Opcodes.ACC_PUBLIC, internalName, null,
                "java/lang/Object", null);
        w.visitEnd();
        return w.toByteArray();
    }

    static void zip(Path folder, Path war, String evilEntry) throws IOException {
        Files.createDirectories(war.getParent());
        try (OutputStream out = Files.newOutputStream(war); ZipOutputStream zip = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                zip.putNextEntry(new ZipEntry(folder.relativize(p).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(p));
                zip.closeEntry();
            }
            if (evilEntry != null) {
                zip.putNextEntry(new ZipEntry(evilEntry));
                zip.write("pwned".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    static final Class<?>[] UNUSED = {LifecycleListener.class, SecondListener.class, LogFilter.class};
}
