package dev.sluice.bench;

import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/**
 * Embedded Tomcat 11 (NIO connector, JSSE) serving {@link HelloWorldServlet} at {@code /hello} over HTTPS only, on
 * {@code --port}. Usage: {@code TomcatTlsMain --keystore=FILE --port=N [...]} ({@link TlsOptions},
 * {@link ServerOptions}). Runs until killed.
 */
public final class TomcatTlsMain {
    private TomcatTlsMain() {
    }

    public static void main(String[] args) throws Exception {
        TlsOptions tls = TlsOptions.parse(args);
        ServerOptions options = ServerOptions.parse(tls.rest());
        Path base = TempDirs.create("bench-tomcat-tls");

        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        connector.setPort(options.port());
        connector.setProperty("address", options.host());
        connector.setProperty("maxThreads", Integer.toString(options.threads()));
        connector.setProperty("minSpareThreads", Integer.toString(Math.min(10, options.threads())));
        if (options.idleTimeoutMs() > 0) {
            connector.setProperty("keepAliveTimeout", Long.toString(options.idleTimeoutMs()));
            connector.setProperty("connectionTimeout", Long.toString(options.idleTimeoutMs()));
        }
        if (options.maxConnections() > 0) {
            connector.setProperty("maxConnections", Integer.toString(options.maxConnections()));
        }
        connector.setSecure(true);
        connector.setScheme("https");
        connector.setProperty("SSLEnabled", "true");
        SSLHostConfig ssl = new SSLHostConfig();
        ssl.setProtocols(String.join(",", TlsOptions.PROTOCOLS));
        ssl.setCiphers(String.join(",", TlsOptions.CIPHER_SUITES));
        ssl.setHonorCipherOrder(true);
        SSLHostConfigCertificate certificate =
                new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(tls.keyStore().toAbsolutePath().toString());
        certificate.setCertificateKeystorePassword(tls.password());
        certificate.setCertificateKeystoreType("PKCS12");
        ssl.addCertificate(certificate);
        connector.addSslHostConfig(ssl);
        tomcat.getService().addConnector(connector);
        tomcat.setConnector(connector);

        Context context = tomcat.addContext("", base.toString());
        Tomcat.addServlet(context, "hello", new HelloWorldServlet());
        context.addServletMappingDecoded("/hello", "hello");

        tomcat.start();
        System.out.println(options.readyLine("tomcat-tls"));
        tomcat.getServer().await();
    }
}
