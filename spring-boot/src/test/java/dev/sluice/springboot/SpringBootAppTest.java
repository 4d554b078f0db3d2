package dev.sluice.springboot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.springboot.demo.DemoApplication;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real Spring Boot application (Spring MVC, static resources, Boot's error pages, Actuator) on Sluice, started
 * by {@code @SpringBootTest} on a random port and asked over real sockets.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "server.compression.enabled=true",
        "server.compression.min-response-size=1KB",
        "server.sluice.max-threads=7",
        "server.sluice.accept-queue=50",
        "server.sluice.queueTimeout=5s",
        "server.sluice.max-connections=300",
        "server.sluice.max-body-bytes=1KiB",
        "server.server-header=SluiceUnderBoot",
        "management.endpoints.web.exposure.include=health,metrics"})
class SpringBootAppTest {
    @LocalServerPort
    int port;

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theWebServerIsSluiceOnTheReportedRandomPortWithTheConfiguredLimits() {
        SluiceWebServer server = assertInstanceOf(SluiceWebServer.class, context.getWebServer());
        assertTrue(port > 0, "local.server.port");
        assertEquals(port, server.getPort());
        assertEquals(7, server.getConnector().limits().maxThreads());
        assertEquals(50, server.getConnector().limits().acceptQueue());
        assertEquals(5, server.getConnector().limits().queueTimeout().toSeconds());
        assertEquals(300, server.getConnector().limits().maxConnections());
    }

    @Test
    void aRestControllerAnswersTextAndJson() throws IOException {
        RawHttp.Response hello = RawHttp.get(port, "/hello");
        assertEquals("HTTP/1.1 200 OK", hello.statusLine());
        assertEquals("text/plain;charset=UTF-8", hello.header("Content-Type"));
        assertEquals("SluiceUnderBoot", hello.header("Server"));
        assertEquals("Hello from Sluice", hello.text());

        RawHttp.Response item = RawHttp.get(port, "/items/42", "Accept: application/json");
        assertEquals("HTTP/1.1 200 OK", item.statusLine());
        assertEquals("application/json", item.header("Content-Type"));
        assertTrue(item.text().contains("\"id\":42") && item.text().contains("\"name\":\"item 42\""), item.text());
    }

    @Test
    void staticResourcesAndTheWelcomePageComeFromTheClassPath() throws IOException {
        RawHttp.Response css = RawHttp.get(port, "/app.css");
        assertEquals("HTTP/1.1 200 OK", css.statusLine());
        assertEquals("text/css", css.header("Content-Type"));
        assertEquals("body { font-family: sans-serif; }\n", css.text());

        RawHttp.Response index = RawHttp.get(port, "/", "Accept: text/html");
        assertEquals("HTTP/1.1 200 OK", index.statusLine());
        assertTrue(index.text().contains("<h1>Static welcome page</h1>"), index.statusLine() + index.headers() + index.text());
    }

    @Test
    void errorsGoToBootsErrorPageThroughTheContainersErrorDispatch() throws IOException {
        RawHttp.Response json = RawHttp.get(port, "/boom", "Accept: application/json");
        assertEquals("HTTP/1.1 500 Internal Server Error", json.statusLine());
        assertEquals("application/json", json.header("Content-Type"), json.text());
        assertTrue(json.text().contains("\"status\":500") && json.text().contains("\"path\":\"/boom\""),
                json.text());

        RawHttp.Response missing = RawHttp.get(port, "/no/such/page", "Accept: text/html");
        assertEquals("HTTP/1.1 404 Not Found", missing.statusLine());
        assertEquals("text/html;charset=UTF-8", missing.header("Content-Type"));
        assertTrue(missing.text().contains("<h1>Custom 404: nothing here</h1>"), missing.text());
    }

    @Test
    void actuatorHealthIsUp() throws IOException {
        RawHttp.Response health = RawHttp.get(port, "/actuator/health");
        assertEquals("HTTP/1.1 200 OK", health.statusLine());
        assertEquals("application/vnd.spring-boot.actuator.v3+json", health.header("Content-Type"));
        assertEquals("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}", health.text());
    }

    @Test
    void theConnectorsFiguresAreMicrometerMeters() throws IOException {
        RawHttp.Response max = RawHttp.get(port, "/actuator/metrics/sluice.workers.max");
        assertEquals("HTTP/1.1 200 OK", max.statusLine());
        assertTrue(max.text().contains("\"name\":\"sluice.workers.max\"")
                && max.text().contains("{\"statistic\":\"VALUE\",\"value\":7.0}"), max.text());

        // This request's own worker is busy while the gauge is read (a previous request's may still be finishing).
        RawHttp.Response busy = RawHttp.get(port, "/actuator/metrics/sluice.workers.busy");
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("\"value\":([0-9.]+)").matcher(busy.text());
        assertTrue(value.find() && Double.parseDouble(value.group(1)) >= 1.0, busy.text());

        RawHttp.Response rejected = RawHttp.get(port, "/actuator/metrics/sluice.requests.rejected");
        assertEquals("HTTP/1.1 200 OK", rejected.statusLine());
        assertTrue(rejected.text().contains("\"tag\":\"reason\"") && rejected.text().contains("queue_full"),
                rejected.text());
    }

    @Test
    void largeTextIsGzippedForClientsThatAcceptIt() throws IOException {
        RawHttp.Response zipped = RawHttp.get(port, "/big", "Accept-Encoding: gzip, deflate");
        assertEquals("HTTP/1.1 200 OK", zipped.statusLine());
        assertEquals("gzip", zipped.header("Content-Encoding"));
        assertEquals("Accept-Encoding", zipped.header("Vary"));
        byte[] plain = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
        assertEquals("0123456789".repeat(400), new String(plain, java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(zipped.body().length < 200, "compressed to " + zipped.body().length + " bytes");

        RawHttp.Response identity = RawHttp.get(port, "/big");
        assertNull(identity.header("Content-Encoding"));
        assertEquals("Accept-Encoding", identity.header("Vary"));
        assertEquals("4000", identity.header("Content-Length"));

        RawHttp.Response small = RawHttp.get(port, "/hello", "Accept-Encoding: gzip");
        assertNull(small.header("Content-Encoding"), "below min-response-size");
        assertEquals("Hello from Sluice", small.text());

        RawHttp.Response refused = RawHttp.get(port, "/big", "Accept-Encoding: gzip;q=0, identity");
        assertNull(refused.header("Content-Encoding"));
        assertArrayEquals("0123456789".repeat(400).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                refused.body());
    }

    @Test
    void sluiceLimitsApplyToTheApplication() throws IOException {
        String small = "x".repeat(100);
        RawHttp.Response ok = RawHttp.send(port, "POST /echo HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 100\r\nConnection: close\r\n\r\n" + small);
        assertEquals("HTTP/1.1 200 OK", ok.statusLine());
        assertEquals("got 100 bytes", ok.text());

        RawHttp.Response tooBig = RawHttp.send(port, "POST /echo HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: text/plain\r\nContent-Length: 2000\r\nConnection: close\r\n\r\n" + "y".repeat(2000));
        assertEquals("HTTP/1.1 413 Content Too Large", tooBig.statusLine());
    }
}
