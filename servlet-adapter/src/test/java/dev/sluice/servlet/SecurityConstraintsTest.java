package dev.sluice.servlet;

import static dev.sluice.servlet.TestSupport.action;
import static dev.sluice.servlet.TestSupport.app;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/** Security constraints without a realm: what a constraint restricts is 403, the rest is served. */
class SecurityConstraintsTest {
    @TempDir
    static Path dir;
    static ServletContainer container;
    static Http http;

    @BeforeAll
    static void deploy() throws Exception {
        Webapp app = app(dir.resolve("sec"), dir.resolve("e.txt"), """
                <security-constraint>
                  <web-resource-collection><web-resource-name>admin</web-resource-name>
                    <url-pattern>/admin/*</url-pattern></web-resource-collection>
                  <auth-constraint><role-name>admin</role-name></auth-constraint>
                </security-constraint>
                <security-constraint>
                  <web-resource-collection><web-resource-name>open</web-resource-name>
                    <url-pattern>/admin/public/*</url-pattern></web-resource-collection>
                </security-constraint>
                <security-constraint>
                  <web-resource-collection><web-resource-name>read-only</web-resource-name>
                    <url-pattern>/ro/*</url-pattern><http-method-omission>GET</http-method-omission>
                  </web-resource-collection>
                  <auth-constraint/>
                </security-constraint>
                """ + action("any", "write:served", "/admin/*", "/ro/*", "/other"))
                .classes(testapps.SecuredServlet.class);
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
        http = new Http(container);
    }

    @AfterAll
    static void close() {
        container.close();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            GET    | /sec/admin/page        | 403
            GET    | /sec/admin             | 403
            GET    | /sec/admin/public/x    | 200
            GET    | /sec/ro/doc            | 200
            POST   | /sec/ro/doc            | 403
            GET    | /sec/other             | 200
            GET    | /sec/secured           | 200
            DELETE | /sec/secured           | 403
            """)
    void constraintsDecide(String method, String uri, int status) throws Exception {
        assertEquals(status, http.send(method, uri, method.equals("POST") ? "x" : null).code());
    }
}
