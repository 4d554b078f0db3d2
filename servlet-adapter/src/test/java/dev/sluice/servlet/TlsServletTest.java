package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.HttpConnector;
import dev.sluice.connector.TlsCertificate;
import dev.sluice.connector.TlsConfig;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapps.TlsInfoServlet;

/**
 * The servlet side of HTTPS through the real connector (Servlet 6.1 sections 3.10, 13.6.4 and 13.8): isSecure,
 * the scheme, the TLS request attributes, CLIENT-CERT login, and CONFIDENTIAL constraints redirected from plain
 * HTTP to the HTTPS port. Certificates are made by keytool at test time.
 */
class TlsServletTest {
    private static final String PASSWORD = "changeit";
    @TempDir
    static Path dir;
    static ServletContainer container;
    static HttpConnector connector;
    static X509Certificate serverCert;

    private static final String INFO = "<servlet><servlet-name>info</servlet-name><servlet-class>"
            + TlsInfoServlet.class.getName() + "</servlet-class></servlet>"
            + "<servlet-mapping><servlet-name>info</servlet-name><url-pattern>/*</url-pattern></servlet-mapping>";

    @BeforeAll
    static void start() throws Exception {
        Path server = dir.resolve("server.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore",
                server.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        serverCert = (X509Certificate) load(server).getCertificate("server");
        clientCa();
        Webapp app = Webapp.at(dir.resolve("app")).classes(TlsInfoServlet.class).webXml(INFO + """
                <security-constraint>
                  <web-resource-collection><web-resource-name>c</web-resource-name>
                    <url-pattern>/cert/*</url-pattern></web-resource-collection>
                  <auth-constraint><role-name>staff</role-name></auth-constraint>
                  <user-data-constraint><transport-guarantee>CONFIDENTIAL</transport-guarantee></user-data-constraint>
                </security-constraint>
                <login-config><auth-method>CLIENT-CERT</auth-method></login-config>
                <security-role><role-name>staff</role-name></security-role>
                """);
        Realm realm = MemoryRealm.builder().iterations(1000).user("Alice", "unused", "staff").build();
        container = ServletContainer.builder().workDir(dir.resolve("work")).realm(realm)
                .redirectPort(() -> connector == null ? 0 : connector.httpsAddress().getPort()).build();
        container.deploy(app.path());
        TlsConfig tls = TlsConfig.builder(TlsCertificate.pkcs12(server, PASSWORD))
                .clientAuth(TlsConfig.ClientAuth.WANT).trustedCertificates(dir.resolve("ca.pem")).build();
        connector = HttpConnector.builder().host("127.0.0.1").port(0).https(0, tls).handler(container).build();
        connector.start();
    }

    @AfterAll
    static void stop() {
        connector.close();
        container.close();
    }

    private static HttpResponse<String> get(SSLContext tls, String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls).build();
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String https(String path) {
        return "https://localhost:" + connector.httpsAddress().getPort() + "/app" + path;
    }

    @Test
    void overHttpsTheRequestIsSecureWithTheTlsAttributes() throws Exception {
        HttpResponse<String> r = get(context(null), https("/open"));
        assertEquals(200, r.statusCode());
        String port = Integer.toString(connector.httpsAddress().getPort());
        assertEquals("scheme=https\nsecure=true\nport=" + port + "\ncipher=TLS_AES_128_GCM_SHA256\n"
                + "keySize=128 Integer\nsessionId=true\ncert=null\nuser=null\ntype=null\n", r.body());
    }

    @Test
    void overPlainHttpNothingIsSecure() throws Exception {
        String r = OverSocket.get(connector.localAddress(), "/app/open");
        assertTrue(r.endsWith("scheme=http\nsecure=false\nport=80\ncipher=null\nkeySize=null\nsessionId=null\n"
                + "cert=null\nuser=null\ntype=null\n"), r);
    }

    @Test
    void clientCertificateLogsTheUserInWithClientCert() throws Exception {
        HttpResponse<String> r = get(context(dir.resolve("client.p12")), https("/cert/x"));
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\ncert=CN=Alice,O=Sluice Test\nuser=Alice\ntype=CLIENT_CERT\n"), r.body());
    }

    @Test
    void withoutAClientCertificateTheProtectedPageIs403() throws Exception {
        HttpResponse<String> r = get(context(null), https("/cert/x"));
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("A client certificate is required"), r.body());
    }

    @Test
    void confidentialOverPlainHttpRedirectsToTheHttpsPort() throws Exception {
        int port = connector.httpsAddress().getPort();
        String get = OverSocket.get(connector.localAddress(), "/app/cert/x?a=1");
        assertTrue(get.startsWith("HTTP/1.1 302 Found\r\n"), get);
        assertTrue(get.contains("\r\nLocation: https://x:" + port + "/app/cert/x?a=1\r\n"), get);
        String post = OverSocket.exchange(connector.localAddress(), "POST /app/cert/y HTTP/1.1\r\nHost: h:8080\r\n"
                + "Content-Length: 3\r\nConnection: close\r\n\r\na=b");
        assertTrue(post.startsWith("HTTP/1.1 307 Temporary Redirect\r\n"), post); // keeps the method and form
        assertTrue(post.contains("\r\nLocation: https://h:" + port + "/app/cert/y\r\n"), post);
    }

    private static SSLContext context(Path clientStore) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", serverCert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (clientStore != null) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(clientStore), PASSWORD.toCharArray());
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    /** A CA ({@code ca.pem}) and a client certificate for CN=Alice it signed ({@code client.p12}). */
    private static void clientCa() throws Exception {
        String ca = dir.resolve("ca.p12").toString();
        String client = dir.resolve("client.p12").toString();
        String caPem = dir.resolve("ca.pem").toString();
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Test CA",
                "-ext", "bc:c", "-validity", "2", "-keystore", ca, "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca, "-storepass", PASSWORD, "-file", caPem);
        keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=Alice,O=Sluice Test", "-validity", "2", "-keystore", client, "-storetype", "PKCS12",
                "-storepass", PASSWORD);
        String csr = dir.resolve("client.csr").toString();
        String signed = dir.resolve("client.pem").toString();
        keytool("-certreq", "-alias", "client", "-keystore", client, "-storepass", PASSWORD, "-file", csr);
        keytool("-gencert", "-alias", "ca", "-keystore", ca, "-storepass", PASSWORD, "-infile", csr,
                "-outfile", signed, "-rfc", "-validity", "2");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-keystore", client, "-storepass", PASSWORD,
                "-file", caPem);
        keytool("-importcert", "-alias", "client", "-keystore", client, "-storepass", PASSWORD, "-file", signed);
    }

    private static KeyStore load(Path p12) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed: " + out);
    }
}
