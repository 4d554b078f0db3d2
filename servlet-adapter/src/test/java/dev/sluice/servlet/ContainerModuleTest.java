package dev.sluice.servlet;

import static dev.sluice.servlet.TestSupport.servlet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.HttpConnector;
import dev.sluice.servlet.internal.module.ContainerModules;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import probemodule.impl.ProbeModule;
import testapps.EchoServlet;
import testapps.LoaderViewServlet;
import testapps.ProbeOverrideListener;
import testapps.ProbedThing;

/**
 * The seam for optional modules (docs/servlet-adapter.md, "Adding a container module"), proven with the probe
 * module of {@code probemodule.impl}: its initializer runs for each webapp with that webapp's @HandlesTypes
 * classes, its API package is shared and its implementation hidden, its mappings yield to the webapp's own, and
 * a {@code <jsp-file>} servlet uses the module's servlet named {@code jsp}, or answers 500 without one.
 */
class ContainerModuleTest {
    @TempDir
    Path dir;
    ServletContainer container;
    HttpConnector connector;

    @AfterEach
    void close() throws Exception {
        if (connector != null) {
            connector.close();
        }
        if (container != null) {
            container.close();
        }
    }

    private ServletContainer container(ContainerModule... modules) {
        container = ServletContainer.builder().workDir(dir.resolve("work")).modules(List.of(modules)).build();
        return container;
    }

    private Webapp app(String name, String webXmlBody, Class<?>... classes) throws Exception {
        return Webapp.at(dir.resolve(name)).classes(classes).webXml(webXmlBody);
    }

    @Test
    void theModulesInitializerRunsForEachWebappWithThatWebappsHandlesTypes() throws Exception {
        ProbeModule module = new ProbeModule();
        container(module);
        container.deploy(app("a", servlet("echo", EchoServlet.class, "/echo"), EchoServlet.class,
                ProbedThing.class).path());
        container.deploy(app("b", servlet("echo", EchoServlet.class, "/echo"), EchoServlet.class).path());
        connector = OverSocket.start(container);

        String a = OverSocket.get(connector.localAddress(), "/a/echo");
        assertTrue(a.startsWith("HTTP/1.1 200 OK\r\n"), a);
        assertTrue(a.contains("\r\nX-Probe: /a [testapps.ProbedThing]\r\n"), a);
        assertTrue(a.contains("servlet=echo"), a);
        String b = OverSocket.get(connector.localAddress(), "/b/echo");
        assertTrue(b.contains("\r\nX-Probe: /b none\r\n"), b);
        assertEquals(2, module.initializersCreated.get());
    }

    @Test
    void theModulesMappingYieldsToTheWebappsOwnWhicheverComesFirst() throws Exception {
        container(new ProbeModule());
        container.deploy(app("mapped", servlet("echo", EchoServlet.class, "*.probe"), EchoServlet.class).path());
        container.deploy(app("plain", "").path());
        container.deploy(app("late", "<listener><listener-class>" + ProbeOverrideListener.class.getName()
                + "</listener-class></listener>", ProbeOverrideListener.class, EchoServlet.class).path());
        Http http = new Http(container);

        assertTrue(http.get("/mapped/x.probe").text().startsWith("servlet=echo\n"));
        assertEquals("probe of the probe module served /x.probe", http.get("/plain/x.probe").text());
        MemoryExchange late = http.get("/late/x.probe");
        assertTrue(late.text().startsWith("servlet=own-probe\n"), late.text());
        assertTrue(late.text().contains("\ninit=conflicts []\n"), late.text());
    }

    @Test
    void webappsSeeTheModulesApiFromTheContainerAndNeverItsImplementation() throws Exception {
        container(new ProbeModule());
        container.deploy(app("view", servlet("view", LoaderViewServlet.class, "/view"), LoaderViewServlet.class)
                .path());
        assertEquals("""
                probemodule.api.ProbeApi=container,resource
                probemodule.impl.ProbeSecret=-,-
                probemodule.impl.ProbeModule=-,-
                dev.sluice.servlet.ContainerModule=-,-
                jakarta.servlet.Servlet=container,resource
                """, new Http(container).get("/view/view?name=probemodule.api.ProbeApi"
                + "&name=probemodule.impl.ProbeSecret&name=probemodule.impl.ProbeModule"
                + "&name=dev.sluice.servlet.ContainerModule&name=jakarta.servlet.Servlet").text());
    }

    @Test
    void withoutTheModuleItsApiIsNotVisibleEither() throws Exception {
        container();
        container.deploy(app("view", servlet("view", LoaderViewServlet.class, "/view"), LoaderViewServlet.class)
                .path());
        assertEquals("probemodule.api.ProbeApi=-,-\n",
                new Http(container).get("/view/view?name=probemodule.api.ProbeApi").text());
    }

    @Test
    void jspFileServletsAndJspPagesGoToTheModulesJspServlet() throws Exception {
        container(new ProbeModule());
        container.deploy(jspApp().path());
        Http http = new Http(container);
        assertEquals("page of the probe module served /page jspFile=/page.jsp", http.get("/jsp/page").text());
        assertEquals("jsp of the probe module served /hello.jsp", http.get("/jsp/hello.jsp").text());
        assertEquals("jsp of the probe module served /index.jsp", http.get("/jsp/").text());
    }

    @Test
    void withoutAJspModuleJspAnswers500AsBefore() throws Exception {
        container();
        container.deploy(jspApp().path());
        Http http = new Http(container);
        MemoryExchange page = http.get("/jsp/page");
        assertEquals(500, page.code());
        assertTrue(page.text().contains("JSP is not supported: /page.jsp"), page.text());
        MemoryExchange hello = http.get("/jsp/hello.jsp");
        assertEquals(500, hello.code());
        assertTrue(hello.text().contains("JSP is not supported"), hello.text());
        assertNull(hello.header("X-Probe"));
    }

    private Webapp jspApp() throws Exception {
        return app("jsp", """
                <servlet><servlet-name>page</servlet-name><jsp-file>/page.jsp</jsp-file></servlet>
                <servlet-mapping><servlet-name>page</servlet-name><url-pattern>/page</url-pattern></servlet-mapping>
                """).file("page.jsp", "<%= 1 %>").file("hello.jsp", "<%= 2 %>").file("index.jsp", "<%= 3 %>");
    }

    @Test
    void modulesAreFoundOnTheServerClassPathThroughServiceLoader() throws Exception {
        Path services = dir.resolve("lib/META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(ContainerModule.class.getName()),
                "# the probe module\n" + ProbeModule.class.getName() + "\n");
        try (URLClassLoader server = new URLClassLoader(new URL[] {dir.resolve("lib").toUri().toURL()},
                getClass().getClassLoader())) {
            ContainerModules found = ContainerModules.discover(server);
            assertEquals(List.of("probe"), found.all().stream().map(ContainerModule::name).toList());
            assertEquals(List.of("jakarta.servlet.", "jakarta.annotation.", "probemodule.api."),
                    found.sharedPackages());
        }
        Files.writeString(services.resolve(ContainerModule.class.getName()), "probemodule.impl.Missing\n");
        try (URLClassLoader server = new URLClassLoader(new URL[] {dir.resolve("lib").toUri().toURL()},
                getClass().getClassLoader())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> ContainerModules.discover(server));
            assertTrue(e.getMessage().startsWith("A container module cannot be loaded: "), e.getMessage());
            assertTrue(e.getMessage().contains("probemodule.impl.Missing"), e.getMessage());
        }
    }

    @Test
    void anApiPackageMustBeAPrefixEndingInADot() {
        ContainerModule sloppy = new ContainerModule() {
            @Override
            public String name() {
                return "sloppy";
            }

            @Override
            public List<String> apiPackages() {
                return List.of("jakarta.el");
            }

            @Override
            public List<jakarta.servlet.ServletContainerInitializer> initializers() {
                return List.of();
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> container(sloppy));
        assertEquals("Module sloppy: API package 'jakarta.el' must be a package prefix ending in a dot, such as "
                + "'jakarta.el.'", e.getMessage());
    }

    @Test
    void anApiClassIsSharedAloneAndTheRestOfItsPackageStaysHidden() throws Exception {
        ProbeModule probe = new ProbeModule();
        container(new ContainerModule() {
            @Override
            public String name() {
                return "classes";
            }

            @Override
            public List<String> apiClasses() {
                return List.of("probemodule.impl.ProbeSecret");
            }

            @Override
            public List<jakarta.servlet.ServletContainerInitializer> initializers() {
                return probe.initializers();
            }
        });
        container.deploy(app("view", servlet("view", LoaderViewServlet.class, "/view"), LoaderViewServlet.class)
                .path());
        assertEquals("""
                probemodule.impl.ProbeSecret=container,resource
                probemodule.impl.ProbeModule=-,-
                probemodule.impl.ProbeSecretX=-,-
                """, new Http(container).get("/view/view?name=probemodule.impl.ProbeSecret"
                + "&name=probemodule.impl.ProbeModule&name=probemodule.impl.ProbeSecretX").text());
    }

    @Test
    void aModulesSettingsGoThroughTheBuilderAndUnknownOnesAreRefused() {
        List<String> applied = new java.util.ArrayList<>();
        ContainerModule configurable = new ContainerModule() {
            @Override
            public String name() {
                return "configurable";
            }

            @Override
            public List<String> settingKeys() {
                return List.of("probeLevel");
            }

            @Override
            public void setting(String key, String value) {
                applied.add(key + "=" + value);
            }

            @Override
            public List<jakarta.servlet.ServletContainerInitializer> initializers() {
                return List.of();
            }
        };
        ServletContainer.Builder builder = ServletContainer.builder().workDir(dir.resolve("work"))
                .modules(List.of(configurable)).setting("probeLevel", " 3 ");
        assertEquals(List.of("probeLevel=3"), applied, "applied when given, so a bad value fails there");
        container = builder.build();
        assertEquals(List.of("probeLevel=3", "probeLevel=3"), applied, "and again for the modules built with");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ServletContainer.builder().modules(List.of(configurable)).setting("probeLevle", "3"));
        assertEquals("Unknown setting probeLevle", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ServletContainer.builder().modules(List.of()).setting("probeLevel", "3"));
    }
}
