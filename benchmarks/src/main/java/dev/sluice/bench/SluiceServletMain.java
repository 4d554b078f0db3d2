package dev.sluice.bench;

import dev.sluice.connector.HttpConnector;
import dev.sluice.servlet.ServletContainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Sluice as a servlet container: the same {@link HelloWorldServlet} as on Tomcat and Jetty, deployed by the
 * servlet adapter from an exploded ROOT webapp (web.xml plus the servlet's class file, written to a temp dir),
 * served by the connector. The fair servlet-to-servlet comparison. Usage as {@link SluiceMain}.
 */
public final class SluiceServletMain {
    private SluiceServletMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerOptions options = ServerOptions.parse(args);
        Path webapp = explodedWebapp(options.slowMs());
        ServletContainer container = new ServletContainer();
        container.deploy(webapp);
        HttpConnector connector = HttpConnector.builder()
                .host(options.host())
                .port(options.port())
                .limits(SluiceMain.limits(options))
                .handler(container)
                .build();
        connector.start();
        System.out.println(options.readyLine("sluice-servlet"));
        new CountDownLatch(1).await();
    }

    /** A ROOT webapp mapping the hello servlet at /hello and a delayed one at /slow. */
    static Path explodedWebapp(long slowMillis) throws IOException {
        return explodedWebapp(TempDirs.create("bench-sluice"), slowMillis);
    }

    /** Writes the ROOT webapp into {@code webapps/ROOT} and returns that folder. */
    static Path explodedWebapp(Path webapps, long slowMillis) throws IOException {
        Path root = webapps.resolve("ROOT");
        Path classes = root.resolve("WEB-INF/classes/dev/sluice/bench");
        Files.createDirectories(classes);
        try (InputStream servletClass = HelloWorldServlet.class.getResourceAsStream("HelloWorldServlet.class")) {
            Files.copy(servletClass, classes.resolve("HelloWorldServlet.class"));
        }
        String webXml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1">
                  <servlet>
                    <servlet-name>hello</servlet-name>
                    <servlet-class>dev.sluice.bench.HelloWorldServlet</servlet-class>
                  </servlet>
                  <servlet>
                    <servlet-name>slow</servlet-name>
                    <servlet-class>dev.sluice.bench.HelloWorldServlet</servlet-class>
                    <init-param>
                      <param-name>delayMillis</param-name>
                      <param-value>%d</param-value>
                    </init-param>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>hello</servlet-name>
                    <url-pattern>/hello</url-pattern>
                  </servlet-mapping>
                  <servlet-mapping>
                    <servlet-name>slow</servlet-name>
                    <url-pattern>/slow</url-pattern>
                  </servlet-mapping>
                </web-app>
                """.formatted(slowMillis);
        Files.writeString(root.resolve("WEB-INF/web.xml"), webXml, StandardCharsets.UTF_8);
        return root;
    }
}
