package dev.sluice.servlet;

import static dev.sluice.servlet.TestSupport.events;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapps.Events;
import testapps.ann.AbstractPlugin;
import testapps.ann.AnnotatedFilter;
import testapps.ann.AnnotatedListener;
import testapps.ann.AnnotatedServlet;
import testapps.ann.ConcretePlugin;
import testapps.ann.FragmentServlet;
import testapps.ann.Initializer;
import testapps.ann.Marked;
import testapps.ann.Marker;
import testapps.ann.Plugin;
import testapps.ann.ProgrammaticFilter;
import testapps.ann.ProgrammaticListener;
import testapps.ann.ProgrammaticServlet;
import testapps.ann.Unrelated;

/** Annotations read with ASM, initializers with @HandlesTypes, programmatic registration, web fragments. */
class AnnotationsTest {
    @TempDir
    Path dir;
    ServletContainer container;

    @AfterEach
    void close() {
        if (container != null) {
            container.close();
        }
    }

    private static String fragment(String name, String from) {
        return """
                <web-fragment xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1">
                  <name>%s</name>
                  <servlet><servlet-name>frag</servlet-name><servlet-class>testapps.ann.FragmentServlet</servlet-class>
                    <init-param><param-name>from</param-name><param-value>%s</param-value></init-param></servlet>
                  <servlet-mapping><servlet-name>frag</servlet-name><url-pattern>/frag</url-pattern></servlet-mapping>
                </web-fragment>
                """.formatted(name, from);
    }

    private Webapp build(String webXml, Path log) throws Exception {
        Webapp app = Webapp.at(dir.resolve("ann"))
                .classes(Events.class, AnnotatedServlet.class, AnnotatedFilter.class, AnnotatedListener.class,
                        ConcretePlugin.class, Marked.class, Unrelated.class, ProgrammaticServlet.class,
                        ProgrammaticFilter.class, ProgrammaticListener.class, FragmentServlet.class)
                .jar("plugins.jar", Map.of("META-INF/services/jakarta.servlet.ServletContainerInitializer",
                        "# the initializer\ntestapps.ann.Initializer\n"),
                        Plugin.class, AbstractPlugin.class, Marker.class, Initializer.class)
                .jar("fragment-a.jar", Map.of("META-INF/web-fragment.xml", fragment("A", "A")))
                .jar("fragment-b.jar", Map.of("META-INF/web-fragment.xml", fragment("B", "B")))
                .file("WEB-INF/web.xml", webXml.replace("EVENTS", log.toString()));
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
        return app;
    }

    @Test
    void annotationsInitializersAndFragmentsAllContribute() throws Exception {
        Path log = dir.resolve("events.txt");
        build("""
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1">
                  <context-param><param-name>events</param-name><param-value>EVENTS</param-value></context-param>
                  <absolute-ordering><name>B</name><others/></absolute-ordering>
                </web-app>
                """, log);
        assertEquals(List.of(
                "initializer got [AbstractPlugin, ConcretePlugin, Marked]",
                "annotated listener initialized",
                "programmatic listener initialized",
                "programmatic init mode=dynamic postConstructed=true"), events(log));
        Http http = new Http(container);
        assertEquals("<filtered>annotated says hello at /x asyncSupported=true", http.get("/ann/ann/x").text());
        assertEquals("<prog-filter>programmatic; late addServlet: IllegalStateException",
                http.get("/ann/prog").text());
        assertEquals("fragment B", http.get("/ann/frag").text());
    }

    @Test
    void fragmentsApplyInJarOrderWithoutOrdering() throws Exception {
        build("""
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1"></web-app>
                """, dir.resolve("unused.txt"));
        assertEquals("fragment A", new Http(container).get("/ann/frag").text());
    }

    @Test
    void metadataCompleteIgnoresAnnotationsAndFragmentsButNotInitializers() throws Exception {
        Path log = dir.resolve("events.txt");
        build("""
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1" metadata-complete="true">
                  <context-param><param-name>events</param-name><param-value>EVENTS</param-value></context-param>
                </web-app>
                """, log);
        assertEquals(List.of(
                "initializer got [AbstractPlugin, ConcretePlugin, Marked]",
                "programmatic listener initialized",
                "programmatic init mode=dynamic postConstructed=true"), events(log));
        Http http = new Http(container);
        assertEquals(404, http.get("/ann/ann/x").code());
        assertEquals(404, http.get("/ann/frag").code());
        assertEquals(200, http.get("/ann/prog").code());
    }
}
