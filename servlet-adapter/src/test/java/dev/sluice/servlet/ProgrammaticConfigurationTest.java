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
 * Configuration methods of the ServletContext (Servlet 6.1 section 4.4). Sluice has no JSP engine: a {@code <jsp-file>} servlet or one added with addJspFile must not stop the webapp
 * from deploying; it exists as a registration and answers 500.
 */
class ProgrammaticConfigurationTest {
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

    @Test
    void aListenerAddedProgrammaticallyMayNotConfigureTheWebapp() throws Exception {
        Path log = dir.resolve("events.txt");
        Webapp app = TestSupport.app(dir.resolve("a"), log, """
                <listener><listener-class>testapps.JspListener</listener-class></listener>
                """ + TestSupport.servlet("echo", testapps.EchoServlet.class, "/echo"))
                .classes(testapps.JspListener.class, testapps.UndeclaredListener.class)
                .jar("init.jar", java.util.Map.of("META-INF/services/jakarta.servlet.ServletContainerInitializer",
                        "testapps.UndeclaredListenerInitializer\n"), testapps.UndeclaredListenerInitializer.class);
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());

        assertEquals(List.of("addJspFile added [/added] v", "addJspFile again: null",
                "undeclared: addServlet=UOE addJspFile=UOE createServlet=UOE getServletRegistration=UOE"
                + " getServletRegistrations=UOE addFilter=UOE getFilterRegistrations=UOE addListener=UOE"
                + " getSessionCookieConfig=UOE setSessionTrackingModes=UOE setInitParameter=UOE declareRoles=UOE"
                + " setSessionTimeout=UOE setRequestCharacterEncoding=UOE setAttribute=ok getServletContextName=ok"),
                events(log));
        assertEquals(200, new Http(container).send("GET", "/a/echo", null).code());
    }

    @Test
    void addServletAndAddFilterCompleteADeclarationWithoutAClassWithTheirInstance() throws Exception {
        // Servlet 6.1 ServletContext.addServlet/addFilter: null only when a *complete* registration of that name
        // exists; a descriptor entry naming no class is completed, here with an instance.
        Path log = dir.resolve("events.txt");
        Webapp app = TestSupport.app(dir.resolve("a"), log, """
                <listener><listener-class>testapps.PartialRegistrationListener</listener-class></listener>
                <servlet><servlet-name>partial</servlet-name>
                  <init-param><param-name>greeting</param-name><param-value>hello</param-value></init-param>
                </servlet>
                <servlet-mapping><servlet-name>partial</servlet-name><url-pattern>/partial</url-pattern>
                </servlet-mapping>
                <filter><filter-name>partialFilter</filter-name></filter>
                <filter-mapping><filter-name>partialFilter</filter-name><url-pattern>/partial</url-pattern>
                </filter-mapping>
                """ + TestSupport.servlet("echo", testapps.EchoServlet.class, "/echo"))
                .classes(testapps.PartialRegistrationListener.class);
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());

        String greeting = testapps.PartialRegistrationListener.class.getName() + "$GreetingServlet";
        assertEquals(List.of("servlet=partial " + greeting + " greeting=hello mappings=[/partial]",
                "filter=partialFilter " + testapps.PartialRegistrationListener.class.getName() + "$TagFilter",
                "over a complete declaration: null"), events(log));
        MemoryExchange x = new Http(container).send("GET", "/a/partial", null);
        assertEquals(200, x.code());
        assertEquals("[tagged]hello from the servlet made by the listener", x.text());
    }
}
