package dev.sluice.bench.soak;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the exploded {@code soak} webapp: a web.xml mapping {@link SoakServlet} to /*, and its class file. */
final class SoakWebapp {
    private SoakWebapp() {
    }

    /** Creates {@code webapps/soak} and returns {@code webapps}. */
    static Path write(Path webapps) throws IOException {
        Path app = webapps.resolve("soak");
        Path classes = app.resolve("WEB-INF/classes");
        String resource = SoakServlet.class.getName().replace('.', '/') + ".class";
        Path target = classes.resolve(resource);
        Files.createDirectories(target.getParent());
        try (InputStream in = SoakServlet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("class file not found: " + resource);
            }
            Files.copy(in, target);
        }
        Files.writeString(app.resolve("WEB-INF/web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.1" metadata-complete="true">
                  <servlet>
                    <servlet-name>soak</servlet-name>
                    <servlet-class>%s</servlet-class>
                  </servlet>
                  <servlet-mapping>
                    <servlet-name>soak</servlet-name>
                    <url-pattern>/*</url-pattern>
                  </servlet-mapping>
                </web-app>
                """.formatted(SoakServlet.class.getName()), StandardCharsets.UTF_8);
        return webapps;
    }
}
