package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapps.EchoServlet;

class ThinPathTest {
    @TempDir
    Path dir;
    private ServletContainer container;

    @AfterEach
    void close() {
        if (container != null) {
            container.close();
        }
    }

    @Test
    void webXmlServletAnswersThroughHandle() throws Exception {
        Webapp app = Webapp.at(dir.resolve("shop")).classes(EchoServlet.class).webXml("""
                <context-param><param-name>site</param-name><param-value>demo</param-value></context-param>
                <servlet>
                  <servlet-name>echo</servlet-name>
                  <servlet-class>testapps.EchoServlet</servlet-class>
                  <init-param><param-name>greeting</param-name><param-value>hi</param-value></init-param>
                </servlet>
                <servlet-mapping><servlet-name>echo</servlet-name><url-pattern>/echo/*</url-pattern></servlet-mapping>
                """);
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        assertEquals("/shop", container.deploy(app.path()));

        MemoryExchange x = new Http(container).get("/shop/echo/a%20b?x=1");

        String body = "servlet=echo\n"
                + "method=GET\n"
                + "uri=/shop/echo/a%20b\n"
                + "contextPath=/shop\n"
                + "servletPath=/echo\n"
                + "pathInfo=/a b\n"
                + "query=x=1\n"
                + "mapping=PATH|/echo/*|a b\n"
                + "init=hi\n"
                + "ctxParam=demo\n"
                + "dispatcher=REQUEST\n"
                + "connection=1/1\n"
                + "loaderIsWebapp=true\n"
                + "tccl=true\n";
        assertEquals("HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/plain;charset=ISO-8859-1\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body, x.wire());
    }

    @Test
    void unknownContextIs404AndContextRootRedirects() throws Exception {
        Webapp app = Webapp.at(dir.resolve("shop")).classes(EchoServlet.class).webXml("");
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
        Http http = new Http(container);
        assertEquals(404, http.get("/nothing/here").code());
        MemoryExchange redirect = http.get("/shop?a=b");
        assertEquals(302, redirect.code());
        assertEquals("/shop/?a=b", redirect.header("Location"));
    }
}
