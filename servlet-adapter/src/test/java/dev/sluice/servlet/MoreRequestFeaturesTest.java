package dev.sluice.servlet;

import static dev.sluice.servlet.TestSupport.app;
import static dev.sluice.servlet.TestSupport.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import testapps.EchoServlet;
import testapps.UploadServlet;

/** Multipart, binding and request attribute listeners, trailers, old descriptors. */
class MoreRequestFeaturesTest {
    @TempDir
    Path dir;
    ServletContainer container;

    @AfterEach
    void close() {
        if (container != null) {
            container.close();
        }
    }

    private Http deploy(Webapp app) throws Exception {
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
        return new Http(container);
    }

    @Test
    void multipartPartsAreParsedWithTheirLimits() throws Exception {
        Path log = dir.resolve("events.txt");
        Http http = deploy(app(dir.resolve("up"), log, "").classes(UploadServlet.class));
        String body = "--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nholiday\r\n"
                + "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nline1\r\nline2\r\n--XyZ--\r\n";
        MemoryExchange x = http.send("POST", "/up/upload", body, "Content-Type: multipart/form-data; boundary=XyZ");
        assertEquals("title|null|7|holiday\nfile|a.txt|12|line1\r\nline2\n", x.text());
        String big = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"; filename=\"b\"\r\n\r\n" + "x".repeat(200)
                + "\r\n--XyZ--\r\n";
        assertEquals(413, http.send("POST", "/up/upload", big, "Content-Type: multipart/form-data; boundary=XyZ")
                .code());
    }

    @Test
    void bindingAndRequestAttributeListenersAndTrailers() throws Exception {
        Path log = dir.resolve("events.txt");
        Http http = deploy(app(dir.resolve("up"), log,
                "<listener><listener-class>testapps.LifecycleListener</listener-class></listener>")
                .classes(UploadServlet.class));
        MemoryExchange x = http.get("/up/upload");
        assertEquals("bound and unbound", x.text());
        assertEquals("abc", x.response.trailers().get("x-checksum"));
        List<String> lines = events(log);
        assertTrue(lines.containsAll(List.of("L1 requestAttributeAdded user.seen", "valueBound bound",
                "valueUnbound bound", "L1 sessionAttributeAdded bound", "L1 sessionAttributeRemoved bound")),
                lines.toString());
    }

    @Test
    void servlet23DescriptorWithDoctypeIsReadWithoutFetchingTheDtd() throws Exception {
        Webapp app = Webapp.at(dir.resolve("old")).classes(EchoServlet.class).file("WEB-INF/web.xml", """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <!DOCTYPE web-app PUBLIC "-//Sun Microsystems, Inc.//DTD Web Application 2.3//EN"
                    "http://127.0.0.1:9/never/web-app_2_3.dtd">
                <web-app>
                  <servlet><servlet-name>old</servlet-name><servlet-class>testapps.EchoServlet</servlet-class>
                  </servlet>
                  <servlet-mapping><servlet-name>old</servlet-name><url-pattern>*.do</url-pattern></servlet-mapping>
                </web-app>
                """);
        Http http = deploy(app);
        assertTrue(http.get("/old/x/y.do").text().contains("mapping=EXTENSION|*.do|x/y\n"));
    }
}
