package dev.sluice.connector;

import dev.sluice.core.Handler;
import dev.sluice.core.Limits;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A connector with an HTTPS listener for socket tests, its certificates (a default one for {@code localhost}
 * and one for {@code api.test} and {@code *.api.test}, made by keytool) and clients that trust them.
 */
final class TlsServer {
    final TestPki pki;
    final Path defaultStore;
    final Path apiStore;
    final X509Certificate defaultCert;
    final X509Certificate apiCert;
    final MutableClock clock = new MutableClock();
    HttpConnector connector;
    /** Told of the connector's refusals when set before {@link #start}. */
    RefusalListener refusals;

    TlsServer(Path dir) throws Exception {
        pki = new TestPki(dir);
        defaultStore = pki.server("default", "default.test", "localhost");
        apiStore = pki.server("api", "api.test", "api.test", "*.api.test");
        defaultCert = pki.certificate(defaultStore);
        apiCert = pki.certificate(apiStore);
    }

    /** Starts a connector with HTTP and HTTPS on free loopback ports, on the test clock. */
    HttpConnector start(TlsConfig tls, Limits limits, Handler handler) throws IOException {
        connector = HttpConnector.builder().host("127.0.0.1").port(0).https(0, tls).limits(limits).clock(clock)
                .handler(handler).refusalListener(refusals).build();
        connector.start();
        return connector;
    }

    /** Stops the connector of the last test, if any. */
    void stop() {
        if (connector != null) {
            connector.close();
            connector = null;
        }
    }

    /** The default certificate, and the api.test one for its SNI names. */
    TlsConfig.Builder tls() {
        return TlsConfig.builder(TlsCertificate.pkcs12(defaultStore, TestPki.PASSWORD))
                .certificate("api.test", TlsCertificate.pkcs12(apiStore, TestPki.PASSWORD))
                .certificate("*.api.test", TlsCertificate.pkcs12(apiStore, TestPki.PASSWORD));
    }

    URI uri(String path) {
        return URI.create("https://localhost:" + connector.httpsAddress().getPort() + path);
    }

    HttpClient client() throws Exception {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(TestPki.clientContext(null, defaultCert, apiCert)).build();
    }

    /** A TLS socket to the HTTPS port naming {@code sniHost} (null: none) and offering {@code alpn}. */
    SSLSocket socket(String sniHost, String... alpn) throws Exception {
        SSLSocket s = (SSLSocket) TestPki.clientContext(null, defaultCert, apiCert).getSocketFactory()
                .createSocket("127.0.0.1", connector.httpsAddress().getPort());
        SSLParameters p = s.getSSLParameters();
        p.setServerNames(sniHost == null ? List.of() : List.of(new SNIHostName(sniHost)));
        if (alpn.length > 0) {
            p.setApplicationProtocols(alpn);
        }
        s.setSSLParameters(p);
        s.setSoTimeout(30_000);
        return s;
    }

    /** The certificate the server presents to a client naming {@code host}. */
    X509Certificate served(String host) throws Exception {
        try (SSLSocket s = socket(host)) {
            s.startHandshake();
            return (X509Certificate) s.getSession().getPeerCertificates()[0];
        }
    }
}
