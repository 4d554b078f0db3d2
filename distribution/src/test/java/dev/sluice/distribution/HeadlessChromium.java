package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver, as the browser tests use it: nothing is downloaded,
 * and no background traffic leaves the machine. Outside CI a machine without the two packages skips the test; in
 * CI ({@code CI=true}), which installs them, their absence fails it.
 */
final class HeadlessChromium {
    private static final Path DRIVER = Paths.get("/usr/bin/chromedriver");
    private static final Path BROWSER = Paths.get("/usr/bin/chromium");

    private HeadlessChromium() {
    }

    static WebDriver start() throws IOException {
        boolean installed = Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER);
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(installed, "chromium and chromium-driver are not installed (apt-get install chromium "
                    + "chromium-driver)");
        }
        assertTrue(installed, "CI must install chromium and chromium-driver");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir="
                        + Files.createTempDirectory("sluice-chromium"));
        return new ChromeDriver(options);
    }
}
