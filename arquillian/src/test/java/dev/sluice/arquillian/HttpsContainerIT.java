package dev.sluice.arquillian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.arquillian.app.TransportServlet;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The {@code https} container of arquillian.xml ({@code bindHttpsPort}, {@code keyStore}, {@code clientAuth} want,
 * {@code trustedCertificates}), used as the Servlet TCK's {@code ClientCertTests} use theirs: a webapp with a
 * {@code CONFIDENTIAL} constraint and {@code CLIENT-CERT} login deployed to it with {@code @TargetsContainer}, its
 * injected URL naming the HTTPS listener, called with and without a client certificate.
 */
@ExtendWith(ArquillianExtension.class)
class HttpsContainerIT {
    private static final Path TLS = Path.of(System.getProperty("sluice.it.tls", "target/it-tls"));

    @Deployment(testable = false, name = "certs")
    @TargetsContainer("https")
    static WebArchive app() {
        return ShrinkWrap.create(WebArchive.class, "certs.war")
                .addClass(TransportServlet.class)
                .setWebXML(new StringAsset("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.1\">"
                        + "<servlet><servlet-name>t</servlet-name><servlet-class>" + TransportServlet.class.getName()
                        + "</servlet-class></servlet><servlet-mapping><servlet-name>t</servlet-name>"
                        + "<url-pattern>/who</url-pattern></servlet-mapping>"
                        + "<security-constraint><web-resource-collection><web-resource-name>all</web-resource-name>"
                        + "<url-pattern>/*</url-pattern></web-resource-collection>"
                        + "<auth-constraint><role-name>Manager</role-name></auth-constraint>"
                        + "<user-data-constraint><transport-guarantee>CONFIDENTIAL</transport-guarantee>"
                        + "</user-data-constraint></security-constraint>"
                        + "<login-config><auth-method>CLIENT-CERT</auth-method></login-config>"
                        + "<security-role><role-name>Manager</role-name></security-role>"
                        + "</web-app>"));
    }

    @ArquillianResource
    @OperateOnDeployment("certs")
    URL base;

    @Test
    void injectedUrlNamesTheHttpsListener() {
        assertEquals("https", base.getProtocol());
        assertEquals("127.0.0.1", base.getHost());
        assertEquals("/certs/", base.getPath());
    }

    @Test
    void clientCertificateLogsInAsTheUserItsSubjectNames() throws Exception {
        HttpResponse<String> response = get(client(true), "who");
        assertEquals(200, response.statusCode(), response.body());
        String body = response.body();
        assertTrue(body.startsWith("user=CN=Test Client, O=Sluice\nauthType=CLIENT_CERT\n"
                + "secure=true scheme=https\ncipherSuite=TLS_*\nkeySize="), body);
        assertTrue(body.endsWith("\ncertificate=CN=Test Client,O=Sluice"), body);
        String keySize = body.replaceAll("(?s).*keySize=(\\d+).*", "$1");
        assertTrue(keySize.equals("128") || keySize.equals("256"), body);
    }

    @Test
    void withoutClientCertificateTheConstrainedPageIsForbidden() throws Exception {
        // clientAuth want: the handshake succeeds, CLIENT-CERT finds no certificate, there is no challenge to send
        HttpResponse<String> response = get(client(false), "who");
        assertEquals(403, response.statusCode(), response.body());
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Trusts the server's test certificate; presents the client key when {@code withCertificate}. */
    private static HttpClient client(boolean withCertificate) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(TLS.resolve("server.crt"))) {
            trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (withCertificate) {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(TLS.resolve("client.p12"))) {
                keys.load(in, "changeit".toCharArray());
            }
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, "changeit".toCharArray());
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
    }
}
