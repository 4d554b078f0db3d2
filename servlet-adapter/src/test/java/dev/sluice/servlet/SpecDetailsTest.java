package dev.sluice.servlet;

import static dev.sluice.servlet.TestSupport.app;
import static dev.sluice.servlet.TestSupport.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapps.ContextListenerAdder;
import testapps.DetailServlet;
import testapps.LogFilter;

/** Details the specification demands of unavailable servlets, redirects, includes, filters and descriptors. */
class SpecDetailsTest {
    @TempDir
    Path dir;
    ServletContainer container;

    @AfterEach
    void close() {
        if (container != null) {
            container.close();
        }
    }

    private Http deploy(Webapp app) throws Exception {
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
        return new Http(container);
    }

    private Webapp detail(String... servlets) throws Exception {
        StringBuilder xml = new StringBuilder();
        for (String name : servlets) {
            xml.append(TestSupport.servlet(name, DetailServlet.class, "/" + name));
        }
        return app(dir.resolve("d"), dir.resolve("events.txt"), xml.toString())
                .classes(DetailServlet.class, ContextListenerAdder.class);
    }

    @Test
    void permanentUnavailabilityFromServiceIs404AndDestroysTheServlet() throws Exception {
        // Servlet 6.1 section 2.3.3.2
        Http http = deploy(detail("gone", "other"));
        assertEquals(404, http.get("/d/gone").code());
        assertTrue(events(dir.resolve("events.txt")).contains("destroy gone"));
        assertEquals(404, http.get("/d/gone").code());
        assertEquals("other at /other", http.get("/d/other").text());
    }

    /** Issue 14: the 503 says when to come back (RFC 9110 section 10.2.3), counting down on the container's clock. */
    @Test
    void temporaryUnavailabilityTellsTheSecondsLeftInRetryAfter() throws Exception {
        SessionTest.MutableClock clock = new SessionTest.MutableClock();
        container = ServletContainer.builder().workDir(dir.resolve("work")).clock(clock).build();
        container.deploy(detail("busy").path());
        Http http = new Http(container);
        MemoryExchange first = http.get("/d/busy"); // service throws UnavailableException("busy", 60)
        assertEquals(503, first.code());
        assertEquals("60", first.header("Retry-After"));
        clock.now = clock.now.plusSeconds(45);
        MemoryExchange refused = http.get("/d/busy"); // the servlet is not called while unavailable
        assertEquals(503, refused.code());
        assertEquals("15", refused.header("Retry-After"));
        clock.now = clock.now.plusSeconds(15);
        MemoryExchange again = http.get("/d/busy"); // available again: called, and unavailable for 60 s more
        assertEquals("60", again.header("Retry-After"));
        List<String> log = events(dir.resolve("events.txt"));
        assertEquals(2, log.stream().filter(l -> l.equals("busy called")).count(), log.toString());
    }

    @Test
    void temporaryUnavailabilityIs503AndLastsItsSeconds() throws Exception {
        Http http = deploy(detail("busy"));
        assertEquals(503, http.get("/d/busy").code());
        assertEquals(503, http.get("/d/busy").code());
        List<String> log = events(dir.resolve("events.txt"));
        assertEquals(1, log.stream().filter(l -> l.equals("busy called")).count(), log.toString());
        assertTrue(log.stream().noneMatch(l -> l.startsWith("destroy")), log.toString());
    }

    @Test
    void headersAndStatusAfterSendRedirectAreIgnored() throws Exception {
        MemoryExchange x = deploy(detail("redirect")).get("/d/redirect");
        assertEquals(302, x.code());
        assertEquals("http://localhost:8080/elsewhere", x.header("Location"));
        assertNull(x.header("header1"));
        assertTrue(!x.text().contains("dropped"), x.text());
    }

    @Test
    void sendErrorAndSendRedirectInAnIncludeAreIgnored() throws Exception {
        // Section 9.3: the included servlet cannot change the status; the including one still can.
        MemoryExchange x = deploy(detail("includer", "included")).get("/d/includer");
        assertEquals(403, x.code());
        assertNull(x.header("Location"));
    }

    @Test
    void aListenerMayNotAddAServletContextListenerButMayAddOthers() throws Exception {
        // ServletContext.addListener: a ServletContextListener only from a ServletContainerInitializer.
        deploy(app(dir.resolve("l"), dir.resolve("events.txt"),
                "<listener><listener-class>" + ContextListenerAdder.class.getName() + "</listener-class></listener>")
                .classes(ContextListenerAdder.class));
        List<String> log = events(dir.resolve("events.txt"));
        assertTrue(log.contains("refused: Only a ServletContainerInitializer may add the ServletContextListener "
                + "testapps.SecondListener"), log.toString());
        assertTrue(log.contains("request listener added"), log.toString());
    }

    @Test
    void aStaticFileAfterAFilterWroteIsSentWhole() throws Exception {
        Webapp app = app(dir.resolve("s"), dir.resolve("events.txt"),
                "<filter><filter-name>f</filter-name><filter-class>" + LogFilter.class.getName() + "</filter-class>"
                        + "</filter><filter-mapping><filter-name>f</filter-name><url-pattern>/*</url-pattern>"
                        + "</filter-mapping>").file("page.html", "<p>the whole page</p>");
        MemoryExchange x = deploy(app).get("/s/page.html");
        assertEquals(200, x.code());
        assertEquals("[f REQUEST]<p>the whole page</p>", x.text());
        String length = x.header("Content-Length");
        assertTrue(length == null || length.equals("32"), length);
    }

    @Test
    void aServlet22DescriptorMayOmitTheLeadingSlash() throws Exception {
        Path folder = dir.resolve("old");
        Webapp app = Webapp.at(folder).classes(DetailServlet.class, testapps.Events.class);
        Files.writeString(folder.resolve("WEB-INF/web.xml"), """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <!DOCTYPE web-app PUBLIC '-//Sun Microsystems, Inc.//DTD Web Application 2.2//EN'
                  'http://java.sun.com/j2ee/dtds/web-app_2_2.dtd'>
                <web-app>
                  <servlet><servlet-name>legacy</servlet-name><servlet-class>testapps.DetailServlet</servlet-class>
                  </servlet>
                  <servlet-mapping><servlet-name>legacy</servlet-name><url-pattern>Legacy</url-pattern>
                  </servlet-mapping>
                </web-app>
                """);
        assertEquals("legacy at /Legacy", deploy(app).get("/old/Legacy").text());
    }
}
