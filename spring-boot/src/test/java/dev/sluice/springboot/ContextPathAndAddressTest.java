package dev.sluice.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.springboot.demo.DemoApplication;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** {@code server.servlet.context-path}, {@code server.address} and Boot's session settings on Sluice. */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.servlet.context-path=/shop",
        "server.address=127.0.0.1",
        "management.endpoints.web.base-path=/manage"})
class ContextPathAndAddressTest {
    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theApplicationIsServedUnderItsContextPathOnly() throws IOException {
        RawHttp.Response hello = RawHttp.get(port, "/shop/hello");
        assertEquals("HTTP/1.1 200 OK", hello.statusLine());
        assertEquals("Hello from Sluice", hello.text());

        RawHttp.Response health = RawHttp.get(port, "/shop/manage/health");
        assertEquals("HTTP/1.1 200 OK", health.statusLine());
        assertTrue(health.text().contains("\"status\":\"UP\""), health.text());

        RawHttp.Response outside = RawHttp.get(port, "/hello");
        assertEquals("HTTP/1.1 404 Not Found", outside.statusLine());

        RawHttp.Response root = RawHttp.get(port, "/shop");
        assertEquals("HTTP/1.1 302 Found", root.statusLine());
        assertEquals("/shop/", root.header("Location"));
    }

    @Test
    void theServerListensOnTheConfiguredAddressOnly() {
        SluiceWebServer server = (SluiceWebServer) context.getWebServer();
        assertEquals("127.0.0.1", server.getConnector().localAddress().getAddress().getHostAddress());
        assertEquals(port, server.getConnector().localAddress().getPort());
    }
}
