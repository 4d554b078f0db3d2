package dev.sluice.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.arquillian.app.GreetingServlet;
import dev.sluice.arquillian.app.StampFilter;
import dev.sluice.arquillian.app.StartupListener;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A ShrinkWrap web archive with a servlet, a filter and a listener, deployed in Sluice and called over HTTP. */
@ExtendWith(ArquillianExtension.class)
class SluiceContainerIT {

    @Deployment(testable = false)
    static WebArchive app() {
        return ShrinkWrap.create(WebArchive.class, "greeter.war")
                .addClasses(GreetingServlet.class, StampFilter.class, StartupListener.class)
                .setWebXML(new StringAsset("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.1\">\n"
                        + "  <listener><listener-class>" + StartupListener.class.getName()
                        + "</listener-class></listener>\n"
                        + "  <filter><filter-name>stamp</filter-name><filter-class>" + StampFilter.class.getName()
                        + "</filter-class></filter>\n"
                        + "  <filter-mapping><filter-name>stamp</filter-name><url-pattern>/*</url-pattern>"
                        + "</filter-mapping>\n"
                        + "  <servlet><servlet-name>greeting</servlet-name><servlet-class>"
                        + GreetingServlet.class.getName() + "</servlet-class></servlet>\n"
                        + "  <servlet-mapping><servlet-name>greeting</servlet-name>"
                        + "<url-pattern>/greet/*</url-pattern></servlet-mapping>\n"
                        + "</web-app>\n"));
    }

    @ArquillianResource
    URL base;

    @Test
    void servletFilterAndListenerAnswerOverHttp() throws Exception {
        assertEquals("/greeter/", base.getPath());
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "greet/world")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        assertEquals("stamped", response.headers().firstValue("X-Stamp").orElse(null));
        assertEquals("text/plain;charset=UTF-8", response.headers().firstValue("Content-Type").orElse(null));
        assertEquals("greeting=hello-from-listener filtered=yes pathInfo=/world", response.body());
    }

    @Test
    void unmappedPathIsNotFound() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base + "nothing-here")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
    }
}
