package dev.sluice.servlet;

import static dev.sluice.servlet.TestSupport.action;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.HttpConnector;
import dev.sluice.core.TrustedProxies;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind a trusted proxy a servlet sees what the client used: getRemoteAddr, getScheme, isSecure,
 * getServerName/Port, getRequestURL and redirects; from an untrusted peer the same fields change nothing.
 */
class ProxiedRequestTest {
    @TempDir
    static Path dir;
    static ServletContainer container;
    static HttpConnector trusting;
    static HttpConnector distrusting;

    @BeforeAll
    static void start() throws Exception {
        Webapp app = TestSupport.app(dir.resolve("p"), dir.resolve("events.txt"),
                action("client", "client", "/client") + action("redirect", "redirect:/p/there", "/redirect")
                + action("confidential", "write:over tls", "/tls/*") + """
                <security-constraint>
                  <web-resource-collection><web-resource-name>tls</web-resource-name>
                    <url-pattern>/tls/*</url-pattern></web-resource-collection>
                  <user-data-constraint><transport-guarantee>CONFIDENTIAL</transport-guarantee>
                  </user-data-constraint>
                </security-constraint>
                """);
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
        trusting = connector(TrustedProxies.parse("127.0.0.0/8"));
        distrusting = connector(TrustedProxies.parse("10.0.0.0/8, fd00::/8"));
    }

    private static HttpConnector connector(TrustedProxies trusted) throws Exception {
        HttpConnector c = HttpConnector.builder().host("127.0.0.1").port(0).handler(container).serverName(null)
                .trustedProxies(trusted).build();
        c.start();
        return c;
    }

    @AfterAll
    static void stop() {
        trusting.close();
        distrusting.close();
        container.close();
    }

    @Test
    void aTrustedProxysFieldsAreWhatTheServletSees() throws Exception {
        String r = OverSocket.get(trusting.localAddress(), "/p/client", "X-Forwarded-For: 203.0.113.7",
                "X-Forwarded-Proto: https", "X-Forwarded-Host: shop.example");
        assertTrue(r.endsWith("\r\n\r\n203.0.113.7 0 https true shop.example 443 https://shop.example/p/client"), r);
        r = OverSocket.get(trusting.localAddress(), "/p/client",
                "Forwarded: for=\"[2001:db8::7]:4711\";proto=https;host=\"shop.example:8443\"");
        assertTrue(r.endsWith("\r\n\r\n2001:db8:0:0:0:0:0:7 4711 https true shop.example 8443"
                + " https://shop.example:8443/p/client"), r);
        r = OverSocket.get(trusting.localAddress(), "/p/client", "X-Forwarded-Proto: https");
        assertTrue(r.endsWith(" https true x 443 https://x/p/client"), r);
    }

    @Test
    void aRedirectGoesWhereTheClientCameFrom() throws Exception {
        String r = OverSocket.get(trusting.localAddress(), "/p/redirect", "X-Forwarded-For: 203.0.113.7",
                "X-Forwarded-Proto: https", "X-Forwarded-Host: shop.example");
        assertTrue(r.startsWith("HTTP/1.1 302 Found\r\n"), r);
        assertTrue(r.contains("\r\nLocation: https://shop.example/p/there\r\n"), r);
    }

    @Test
    void aConfidentialConstraintIsMetWhenATrustedProxyReportsHttps() throws Exception {
        String r = OverSocket.get(trusting.localAddress(), "/p/tls/x", "X-Forwarded-Proto: https");
        assertTrue(r.startsWith("HTTP/1.1 200 OK\r\n") && r.endsWith("\r\n\r\nover tls"), r);
        r = OverSocket.get(trusting.localAddress(), "/p/tls/x", "X-Forwarded-Proto: http");
        assertTrue(r.startsWith("HTTP/1.1 403 "), r);
        r = OverSocket.get(distrusting.localAddress(), "/p/tls/x", "X-Forwarded-Proto: https");
        assertTrue(r.startsWith("HTTP/1.1 403 "), "spoofed https from an untrusted peer: " + r);
    }

    @Test
    void anUntrustedPeersFieldsAreIgnored() throws Exception {
        String r = OverSocket.get(distrusting.localAddress(), "/p/client", "X-Forwarded-For: 10.0.0.1",
                "X-Forwarded-Proto: https", "X-Forwarded-Host: shop.example", "Forwarded: for=10.0.0.2;proto=https");
        assertTrue(r.matches("(?s).*\r\n\r\n127\\.0\\.0\\.1 \\d+ http false x 80 http://x/p/client"), r);
        r = OverSocket.get(distrusting.localAddress(), "/p/redirect", "X-Forwarded-Proto: https");
        assertTrue(r.contains("\r\nLocation: http://x/p/there\r\n"), r);
    }
}
