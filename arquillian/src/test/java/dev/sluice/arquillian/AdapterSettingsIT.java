package dev.sluice.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.arquillian.app.InfoServlet;
import dev.sluice.arquillian.app.LocaleServlet;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Adapter settings of arquillian.xml reach the deployed webapp: what a client sees with and without them. */
class AdapterSettingsIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static WebArchive infoApp() {
        return ShrinkWrap.create(WebArchive.class, "info.war")
                .addClass(InfoServlet.class)
                .setWebXML(new StringAsset("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.1\">"
                        + "<servlet><servlet-name>info</servlet-name><servlet-class>" + InfoServlet.class.getName()
                        + "</servlet-class></servlet><servlet-mapping><servlet-name>info</servlet-name>"
                        + "<url-pattern>/info</url-pattern></servlet-mapping></web-app>"));
    }

    @Test
    void configuredSettingsApply() throws Exception {
        SluiceContainerConfiguration configuration = new SluiceContainerConfiguration();
        configuration.setServerInfo("Acme/1");
        configuration.setAllowTrace(true);
        configuration.setMaxParameterCount(2);
        try (Running running = new Running(configuration)) {
            URL base = running.deploy(infoApp());

            HttpResponse<String> info = send(base, "info?a=1&b=2", "GET");
            assertEquals(200, info.statusCode());
            assertEquals("serverInfo=Acme/1 parameters=2", info.body());
            assertEquals(400, send(base, "info?a=1&b=2&c=3", "GET").statusCode());
            assertEquals(200, send(base, "info", "TRACE").statusCode());
        }
    }

    private static WebArchive localeApp() {
        return ShrinkWrap.create(WebArchive.class, "locale.war")
                .addClass(LocaleServlet.class)
                .setWebXML(new StringAsset("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.1\">"
                        + "<servlet><servlet-name>l</servlet-name><servlet-class>" + LocaleServlet.class.getName()
                        + "</servlet-class></servlet><servlet-mapping><servlet-name>l</servlet-name>"
                        + "<url-pattern>/l</url-pattern></servlet-mapping></web-app>"));
    }

    @Test
    void localeTableAndCrossContextApply() throws Exception {
        SluiceContainerConfiguration configuration = new SluiceContainerConfiguration();
        configuration.setLocaleEncodings("ja=UTF-8");
        configuration.setCrossContext(true);
        try (Running running = new Running(configuration)) {
            running.deploy(infoApp());
            URL base = running.deploy(localeApp());
            assertEquals("encoding=UTF-8 other=true", send(base, "l?lang=ja", "GET").body());
            assertEquals("encoding=ISO-8859-1 other=true", send(base, "l?lang=ko", "GET").body());
        }
        try (Running running = new Running(new SluiceContainerConfiguration())) {
            running.deploy(infoApp());
            URL base = running.deploy(localeApp());
            assertEquals("encoding=Shift_JIS other=false", send(base, "l?lang=ja", "GET").body());
        }
    }

    @Test
    void withoutSettingsTheAdapterDefaultsApply() throws Exception {
        try (Running running = new Running(new SluiceContainerConfiguration())) {
            URL base = running.deploy(infoApp());

            assertEquals(405, send(base, "info", "TRACE").statusCode());
            assertEquals("serverInfo=Sluice/0.1 parameters=3", send(base, "info?a=1&b=2&c=3", "GET").body());
        }
    }

    private HttpResponse<String> send(URL base, String path, String method) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The container started with one configuration, stopped at the end of the test. */
    private static final class Running implements AutoCloseable {
        private final SluiceDeployableContainer container = new SluiceDeployableContainer();

        Running(SluiceContainerConfiguration configuration) throws Exception {
            configuration.validate();
            container.setup(configuration);
            container.start();
        }

        URL deploy(WebArchive war) throws Exception {
            ProtocolMetaData metaData = container.deploy(war);
            HTTPContext context = metaData.getContexts(HTTPContext.class).iterator().next();
            return new URL("http", context.getHost(), context.getPort(),
                    context.getServlets().get(0).getContextRoot() + "/");
        }

        @Override
        public void close() throws Exception {
            container.stop();
        }
    }
}
