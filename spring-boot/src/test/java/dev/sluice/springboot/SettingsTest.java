package dev.sluice.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.springboot.demo.DemoApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code server.sluice.*} in Boot's relaxed spellings, and the one-line failure of a wrong key or value. */
class SettingsTest {
    @Test
    void limitsAndContainerSettingsTakeEveryRelaxedSpelling() {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(DemoApplication.class).properties(
                "server.port=0", "server.address=127.0.0.1", "server.sluice.maxThreads=9",
                "server.sluice.queue_timeout=250ms", "server.sluice.max-header-bytes=4KiB",
                "server.sluice.max-form-bytes=1000", "server.sluice.connection-policy=backlog").run();
        try {
            SluiceWebServer server = (SluiceWebServer) ((WebServerApplicationContext) app).getWebServer();
            assertEquals(9, server.getConnector().limits().maxThreads());
            assertEquals(250, server.getConnector().limits().queueTimeout().toMillis());
            assertEquals(4096, server.getConnector().limits().maxHeaderBytes());
            assertEquals("BACKLOG", server.getConnector().limits().connectionPolicy().name());
        } finally {
            app.close();
        }
    }

    @Test
    void bootsHeaderSizePropertyIsSluicesMaxHeaderBytes() {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(DemoApplication.class).properties(
                "server.port=0", "server.address=127.0.0.1", "server.max-http-request-header-size=12KB").run();
        try {
            SluiceWebServer server = (SluiceWebServer) ((WebServerApplicationContext) app).getWebServer();
            assertEquals(12 * 1024, server.getConnector().limits().maxHeaderBytes());
        } finally {
            app.close();
        }
    }

    @Test
    void nativeForwardHeadersTrustPrivateProxies() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(DemoApplication.class).properties(
                "server.port=0", "server.address=127.0.0.1", "server.forward-headers-strategy=native").run();
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            RawHttp.Response proxied = RawHttp.get(port, "/whoami", "X-Forwarded-For: 203.0.113.9",
                    "X-Forwarded-Proto: https", "X-Forwarded-Host: shop.example");
            assertEquals("HTTP/1.1 200 OK", proxied.statusLine());
            assertEquals("203.0.113.9 https shop.example true", proxied.text());
        } finally {
            app.close();
        }
    }

    @Test
    void forwardedFieldsAreIgnoredUnlessTheProxyIsTrusted() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(DemoApplication.class).properties(
                "server.port=0", "server.address=127.0.0.1", "server.forward-headers-strategy=native",
                "server.sluice.trusted-proxies=10.0.0.0/8").run();
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            RawHttp.Response direct = RawHttp.get(port, "/whoami", "X-Forwarded-For: 203.0.113.9",
                    "X-Forwarded-Proto: https");
            assertEquals("127.0.0.1 http localhost false", direct.text());
        } finally {
            app.close();
        }
    }

    @Test
    void anUnknownKeyStopsTheApplicationNamingIt() {
        Throwable e = assertThrows(Exception.class, () -> new SpringApplicationBuilder(DemoApplication.class)
                .properties("server.port=0", "server.sluice.max-thread=9").run());
        String message = rootMessage(e);
        assertTrue(message.startsWith("Invalid server.sluice.maxThread: Unknown setting maxThread"), message);
    }

    @Test
    void aBadValueStopsTheApplicationNamingTheKey() {
        Throwable e = assertThrows(Exception.class, () -> new SpringApplicationBuilder(DemoApplication.class)
                .properties("server.port=0", "server.sluice.max-threads=0").run());
        String message = messages(e);
        assertTrue(message.contains("Invalid server.sluice setting") && message.contains("maxThreads"), message);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            if (t.getMessage() != null && t.getMessage().startsWith("Invalid server.sluice")) {
                return t.getMessage();
            }
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    private static String messages(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            b.append(t.getMessage()).append(" | ");
        }
        return b.toString();
    }
}
