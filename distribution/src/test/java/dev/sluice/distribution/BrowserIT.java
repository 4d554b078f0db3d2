package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.connector.ConnectorMetrics;
import java.io.IOException;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser (Debian's headless Chromium) against the server with its samples: the gallery's images all
 * load, the connection figures it shows agree with the connector's own counters, and the status page renders
 * live figures. Skipped where chromedriver is not installed, except in CI ({@code CI=true}), which installs it.
 */
// Longer than the build's 60 s default: starts Chromium and a server JVM, then waits up to 30 s per page.
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BrowserIT {
    private static SluiceServer server;
    private static WebDriver browser;
    private static String base;

    @BeforeAll
    static void start() throws IOException {
        browser = HeadlessChromium.start();
        server = SluiceServer.builder().host("127.0.0.1").port(0)
                .webapps(Paths.get("target/sluice/webapps")).start();
        base = "http://127.0.0.1:" + server.localAddress().getPort();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void galleryLoadsEveryImageAndShowsTheServersConnectionFigures() {
        ConnectorMetrics before = server.connector().metrics();
        browser.get(base + "/gallery/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(d -> d.findElement(By.id("figures")).getAttribute("data-connections") != null);

        var figures = browser.findElement(By.id("figures"));
        assertEquals("40", figures.getAttribute("data-images-loaded"), "images that loaded");
        assertEquals("47", figures.getAttribute("data-requests"), "requests the server counted for the page");
        int shown = Integer.parseInt(figures.getAttribute("data-connections"));
        assertTrue(shown >= 1 && shown <= 6, "HTTP/1.1 browsers open at most 6 connections per host: " + shown);
        assertEquals(shown, browser.findElements(By.cssSelector("#figures-table tbody tr")).size());

        // The page's table against what the server itself recorded for this browser and counted overall.
        Map<String, Object> summary = (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "SluiceGallery.fetchSummary().then(done, e => done({error: String(e)}));");
        List<Map<String, Object>> connections = (List<Map<String, Object>>) summary.get("connections");
        long sum = connections.stream().mapToLong(c -> ((Number) c.get("requests")).longValue()).sum();
        assertEquals(47, sum, "requests per connection add up to the page");
        long opened = connections.stream()
                .filter(c -> ((Number) c.get("firstRequestNumber")).longValue() == 1).count();
        ConnectorMetrics after = server.connector().metrics();
        assertTrue(after.accepted() - before.accepted() >= opened,
                "the page says it opened " + opened + " connections, the connector accepted "
                        + (after.accepted() - before.accepted()));
        assertTrue(after.completed() - before.completed() >= 47,
                "the connector completed " + (after.completed() - before.completed()) + " requests");
    }

    @Test
    void statusPageRendersLiveFigures() {
        browser.get(base + "/hello/");
        browser.get(base + "/sluice/status");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // The script replaces the server-rendered figures every second: wait until it counted our requests.
        wait.until(d -> Long.parseLong(d.findElement(By.id("completed")).getText()) >= 2);
        assertEquals("200", browser.findElement(By.id("maxThreads")).getText());
        assertEquals("1000", browser.findElement(By.id("acceptQueue")).getText());
        assertTrue(Long.parseLong(browser.findElement(By.id("open")).getText()) >= 1);
        String text = browser.findElement(By.tagName("body")).getText();
        assertTrue(!text.contains("undefined") && !text.contains("NaN"), text);
        wait.until(d -> d.findElement(By.id("webapps")).getText().contains("/hello"));
    }
}
