package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The status page's charts in a real browser (Debian's headless Chromium) while the slow sample is overloaded:
 * every chart is drawn with its two series in their colours, the history shows the pool full, the queue grown and
 * 503s, and a screenshot is kept as target/status-charts.png. Skipped where chromedriver is not installed, except
 * in CI ({@code CI=true}).
 */
// Longer than the build's 60 s default: starts Chromium, then loads the server for some seconds.
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StatusChartsIT {
    private static final int MAX_THREADS = 4;
    private static final int ACCEPT_QUEUE = 8;

    private SluiceServer server;
    private WebDriver browser;
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean loading = true;
    private final AtomicLong served = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    @AfterEach
    void stop() throws InterruptedException {
        stopLoad();
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void chartsDrawThePoolFillingTheQueueGrowingAndThe503s() throws Exception {
        browser = HeadlessChromium.start();
        browser.manage().window().setSize(new Dimension(1800, 1250));
        server = SluiceServer.builder().host("127.0.0.1").port(0).webapps(Paths.get("target/sluice/webapps"))
                .limits(Limits.builder().maxThreads(MAX_THREADS).acceptQueue(ACCEPT_QUEUE).build()).start();
        String base = "http://127.0.0.1:" + server.localAddress().getPort();
        browser.get(base + "/sluice/status");
        JavascriptExecutor js = (JavascriptExecutor) browser;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        wait.until(d -> js.executeScript("return window.SluiceCharts && SluiceCharts.plots.length") != null);

        // Overload first (three times what the pool and queue hold: 503s), then keep the pool full and a queue
        // waiting, with room for the page's own requests, while the charts are looked at.
        startLoad(3 * (MAX_THREADS + ACCEPT_QUEUE));
        long overloadUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        wait.until(d -> System.nanoTime() > overloadUntil && rejected.get() > 0);
        stopLoad();
        loading = true;
        startLoad(MAX_THREADS + ACCEPT_QUEUE / 2);
        wait.until(d -> Boolean.TRUE.equals(js.executeScript(
                "var c = SluiceCharts.columns, max = a => Math.max.apply(null, [0].concat(a));"
                        + "return max(c.rejectedPerSecond) > 0 && max(c.busy) >= " + MAX_THREADS
                        + " && max(c.queued) > 0 && max(c.serviceP99Ms) >= 100 && c.time.length >= 6;")));

        Map<String, Object> drawn = (Map<String, Object>) js.executeScript(PIXELS_BY_SERIES);
        assertEquals(4L, drawn.get("charts"), "charts on the page: " + drawn);
        assertEquals(List.of(3L, 3L, 3L, 3L), drawn.get("seriesPerChart"), "time and two series each");
        for (Object counts : (List<Object>) drawn.get("pixels")) {
            for (Object n : (List<Object>) counts) {
                assertTrue(((Number) n).longValue() >= 20, "every series drew a line in its colour: " + drawn);
            }
        }
        assertTrue(((Number) drawn.get("blankCharts")).longValue() == 0, "no blank canvas: " + drawn);

        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Path kept = Paths.get("target/status-charts.png");
        Files.copy(shot, kept, StandardCopyOption.REPLACE_EXISTING);
        assertTrue(Files.size(kept) > 10_000, "a screenshot with something in it: " + Files.size(kept) + " bytes");
    }

    /**
     * For every chart: how many uPlot series (the time axis included), and how many canvas pixels are within a
     * small distance of each series' stroke colour; anti-aliasing only blurs a line's edges.
     */
    private static final String PIXELS_BY_SERIES = ""
            + "var out = {charts: 0, seriesPerChart: [], pixels: [], blankCharts: 0};"
            + "SluiceCharts.plots.forEach(function (u) {"
            + "  out.charts++; out.seriesPerChart.push(u.series.length);"
            + "  var c = u.root.querySelector('canvas'), d = c.getContext('2d').getImageData(0, 0, c.width,"
            + "      c.height).data, opaque = 0;"
            + "  for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) opaque++; }"
            + "  if (opaque === 0) out.blankCharts++;"
            + "  out.pixels.push(u.series.slice(1).map(function (s, k) {"
            + "    var hex = typeof s.stroke === 'function' ? s.stroke(u, k + 1) : s.stroke, r = parseInt(hex.substr(1, 2), 16),"
            + "        g = parseInt(hex.substr(3, 2), 16), b = parseInt(hex.substr(5, 2), 16), n = 0;"
            + "    for (var i = 0; i < d.length; i += 4) {"
            + "      if (d[i + 3] > 200 && Math.abs(d[i] - r) < 40 && Math.abs(d[i + 1] - g) < 40"
            + "          && Math.abs(d[i + 2] - b) < 40) n++; }"
            + "    return n; }));"
            + "});"
            + "return out;";

    private void startLoad(int count) {
        int port = server.localAddress().getPort();
        for (int i = 0; i < count; i++) {
            Thread t = new Thread(() -> {
                while (loading) {
                    try {
                        int status = slowRequest(port);
                        (status == 503 ? rejected : served).incrementAndGet();
                        if (status == 503) {
                            Thread.sleep(20); // pacing, not a check: a rejected client does not spin the CPU
                        }
                    } catch (IOException e) {
                        // the connection was refused or reset under load: try again
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "status-charts-load-" + i);
            t.setDaemon(true);
            t.start();
            clients.add(t);
        }
    }

    private void stopLoad() throws InterruptedException {
        loading = false;
        for (Thread t : clients) {
            t.join(TimeUnit.SECONDS.toMillis(30));
        }
        clients.clear();
    }

    /** One request to the slow sample on a new connection; its status code. */
    private static int slowRequest(int port) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /slow/sleep?ms=250 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            in.readAllBytes();
            return Integer.parseInt(head.substring(9, 12));
        }
    }
}
