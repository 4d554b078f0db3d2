package dev.sluice.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.arquillian.app.CallerServlet;
import dev.sluice.servlet.PasswordHash;
import dev.sluice.servlet.RealmFile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code users} and {@code realmFile} settings: a BASIC-protected archive sees exactly those users. */
class RealmUsersIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;

    private static WebArchive protectedApp() {
        return ShrinkWrap.create(WebArchive.class, "guarded.war")
                .addClass(CallerServlet.class)
                .setWebXML(new StringAsset("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.1\">"
                        + "<servlet><servlet-name>caller</servlet-name><servlet-class>" + CallerServlet.class.getName()
                        + "</servlet-class></servlet><servlet-mapping><servlet-name>caller</servlet-name>"
                        + "<url-pattern>/caller</url-pattern></servlet-mapping>"
                        + "<security-constraint><web-resource-collection><web-resource-name>all</web-resource-name>"
                        + "<url-pattern>/*</url-pattern></web-resource-collection>"
                        + "<auth-constraint><role-name>Employee</role-name></auth-constraint></security-constraint>"
                        + "<login-config><auth-method>BASIC</auth-method><realm-name>default</realm-name></login-config>"
                        + "</web-app>"));
    }

    @Test
    void clearUsersAndARealmFileLogIn() throws Exception {
        Path file = dir.resolve("realm.properties");
        RealmFile realm = RealmFile.empty();
        realm.put(new RealmFile.User("filed", PasswordHash.of("from-file", 1000), List.of("Employee")));
        realm.write(file);
        SluiceContainerConfiguration configuration = new SluiceContainerConfiguration();
        configuration.setUsers("j2ee:j2ee:Administrator,Employee; javajoe:javajoe:Manager,Employee");
        configuration.setRealmFile(file.toString());
        configuration.validate();
        SluiceDeployableContainer container = new SluiceDeployableContainer();
        container.setup(configuration);
        container.start();
        try {
            ProtocolMetaData metaData = container.deploy(protectedApp());
            HTTPContext context = metaData.getContexts(HTTPContext.class).iterator().next();
            URL base = new URL("http", context.getHost(), context.getPort(),
                    context.getServlets().get(0).getContextRoot() + "/");

            HttpResponse<String> none = get(base, null, null);
            assertEquals(401, none.statusCode());
            assertEquals("Basic realm=\"default\", charset=\"UTF-8\"",
                    none.headers().firstValue("WWW-Authenticate").orElse(""));
            assertEquals(401, get(base, "j2ee", "wrong").statusCode());
            assertEquals("user=j2ee manager=false", get(base, "j2ee", "j2ee").body());
            assertEquals("user=javajoe manager=true", get(base, "javajoe", "javajoe").body());
            assertEquals("user=filed manager=false", get(base, "filed", "from-file").body());
        } finally {
            container.stop();
        }
    }

    private HttpResponse<String> get(URL base, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "caller"))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
