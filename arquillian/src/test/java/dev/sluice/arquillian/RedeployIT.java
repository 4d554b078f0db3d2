package dev.sluice.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Drives the container as Arquillian does (deploy, undeploy, deploy again) and checks what HTTP clients see. */
class RedeployIT {
    private final SluiceDeployableContainer container = new SluiceDeployableContainer();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void start() throws Exception {
        SluiceContainerConfiguration configuration = new SluiceContainerConfiguration();
        configuration.validate();
        container.setup(configuration);
        container.start();
    }

    @AfterEach
    void stop() throws Exception {
        container.stop();
    }

    @Test
    void nestedContextPathIsUndeployedAndCanBeDeployedAgain() throws Exception {
        // '#' in an archive name is a '/' in the context path (as Tomcat's shop#v2.war is /shop/v2).
        WebArchive war = ShrinkWrap.create(WebArchive.class, "shop#v2.war")
                .addAsWebResource(new StringAsset("version two"), "version.txt");

        URL base = baseUrl(container.deploy(war));
        assertEquals("/shop/v2/", base.getPath());
        assertEquals(200, get(base, "version.txt").statusCode());
        assertEquals("version two", get(base, "version.txt").body());

        container.undeploy(war);
        assertEquals(404, get(base, "version.txt").statusCode());

        URL again = baseUrl(container.deploy(war));
        assertEquals(base, again);
        assertEquals("version two", get(again, "version.txt").body());
    }

    @Test
    void rootArchiveIsServedAtTheRoot() throws Exception {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "ROOT.war")
                .addAsWebResource(new StringAsset("root"), "hello.txt");

        URL base = baseUrl(container.deploy(war));
        assertEquals("/", base.getPath());
        assertEquals("root", get(base, "hello.txt").body());
    }

    @Test
    void webappThatFailsToStartIsADeploymentErrorAndLeavesThePathFree() throws Exception {
        WebArchive broken = ShrinkWrap.create(WebArchive.class, "broken.war")
                .setWebXML(new StringAsset("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.1\">"
                        + "<listener><listener-class>no.such.Listener</listener-class></listener></web-app>"));
        assertThrows(DeploymentException.class, () -> container.deploy(broken));

        WebArchive fixed = ShrinkWrap.create(WebArchive.class, "broken.war")
                .addAsWebResource(new StringAsset("fixed"), "state.txt");
        assertEquals("fixed", get(baseUrl(container.deploy(fixed)), "state.txt").body());
    }

    private static URL baseUrl(ProtocolMetaData metaData) throws Exception {
        HTTPContext context = metaData.getContexts(HTTPContext.class).iterator().next();
        return new URL("http", context.getHost(), context.getPort(), context.getServlets().get(0).getContextRoot()
                .replaceFirst("/?$", "/"));
    }

    private HttpResponse<String> get(URL base, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
