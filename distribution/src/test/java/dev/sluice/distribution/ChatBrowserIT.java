package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat sample in two windows of Debian's headless Chromium: each joins the same room through the browser's
 * WebSocket, and what one says appears in the other. Skipped where chromedriver is not installed, except in CI
 * ({@code CI=true}), which installs it (as {@link BrowserIT}).
 */
// Longer than the build's 60 s default: starts Chromium and a server, then waits on two windows.
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ChatBrowserIT {
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
    void twoWindowsTalkThroughTheChatRoom() {
        String ann = join("ann");
        browser.switchTo().newWindow(WindowType.WINDOW);
        String bob = join("bob");
        waitForLine("* bob joined browsers (2 here)");

        say("hi ann, it's bob");
        waitForLine("bob: hi ann, it's bob");
        browser.switchTo().window(ann);
        waitForLine("* bob joined browsers (2 here)");
        waitForLine("bob: hi ann, it's bob");

        say("hello <b>bob</b>");
        waitForLine("ann: hello <b>bob</b>"); // shown as text, never as markup
        browser.switchTo().window(bob);
        waitForLine("ann: hello <b>bob</b>");
        assertTrue(browser.findElements(By.cssSelector("#log b")).isEmpty(), "no markup from a message");
    }

    /** Opens the chat page in the current window and joins room "browsers"; returns the window handle. */
    private String join(String name) {
        browser.get(base + "/chat/");
        var field = browser.findElement(By.id("name"));
        field.clear();
        field.sendKeys(name);
        var room = browser.findElement(By.id("room"));
        room.clear();
        room.sendKeys("browsers");
        browser.findElement(By.id("connect")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> d.findElement(By.id("state")).getText().equals("connected"));
        return browser.getWindowHandle();
    }

    private void say(String line) {
        browser.findElement(By.id("say")).sendKeys(line);
        browser.findElement(By.id("sendButton")).click();
    }

    private void waitForLine(String line) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("#log .line"))
                .stream().anyMatch(e -> e.getText().equals(line)));
    }
}
