package dev.sluice.bench;

import dev.sluice.connector.HttpConnector;
import dev.sluice.connector.TlsCertificate;
import dev.sluice.connector.TlsConfig;
import dev.sluice.servlet.ServletContainer;
import java.util.concurrent.CountDownLatch;

/**
 * Sluice as a servlet container ({@link SluiceServletMain}'s webapp: the same {@link HelloWorldServlet}) with its
 * HTTPS listener on {@code --port}, Sluice's TLS defaults. The connector's plain HTTP listener is bound to a free
 * port nobody uses. Usage: {@code SluiceTlsMain --keystore=FILE --port=N [...]} ({@link TlsOptions},
 * {@link ServerOptions}). Runs until killed.
 */
public final class SluiceTlsMain {
    private SluiceTlsMain() {
    }

    public static void main(String[] args) throws Exception {
        TlsOptions tls = TlsOptions.parse(args);
        ServerOptions options = ServerOptions.parse(tls.rest());
        ServletContainer container = new ServletContainer();
        container.deploy(SluiceServletMain.explodedWebapp(options.slowMs()));
        HttpConnector connector = HttpConnector.builder()
                .host(options.host())
                .port(0)
                .https(options.port(), TlsConfig.builder(TlsCertificate.pkcs12(tls.keyStore(), tls.password()))
                        .protocols(TlsOptions.PROTOCOLS).cipherSuites(TlsOptions.CIPHER_SUITES).build())
                .limits(SluiceMain.limits(options))
                .handler(container)
                .build();
        connector.start();
        System.out.println(options.readyLine("sluice-tls"));
        new CountDownLatch(1).await();
    }
}
