package dev.sluice.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Limits;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.GracefulShutdownResult;
import org.springframework.boot.web.server.Shutdown;
import org.springframework.boot.web.server.WebServer;

/**
 * The {@link WebServer} contract Boot's lifecycle relies on, driven without a Spring context: the result a
 * graceful shutdown reports, and a stop followed by a start.
 */
class SluiceWebServerTest {
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private WebServer server;

    /** {@code /block} waits for {@link #release}; anything else answers at once. */
    final class BlockingServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            if (req.getRequestURI().equals("/block")) {
                entered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            resp.getWriter().print("done " + req.getRequestURI());
        }
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (server != null) {
            server.destroy();
        }
        threads.shutdownNow();
    }

    private WebServer start(Shutdown shutdown, Duration drain) {
        SluiceServletWebServerFactory factory = new SluiceServletWebServerFactory(0);
        factory.setAddress(java.net.InetAddress.getLoopbackAddress());
        factory.setShutdown(shutdown);
        factory.setLimits(Limits.builder().drainTimeout(drain).build());
        server = factory.getWebServer(ctx -> ctx.addServlet("block", new BlockingServlet()).addMapping("/"));
        server.start();
        return server;
    }

    @Test
    void anIdleServerShutsDownGracefullyAtOnceAndReportsIdle() throws Exception {
        start(Shutdown.GRACEFUL, Duration.ofSeconds(30));
        CompletableFuture<GracefulShutdownResult> result = new CompletableFuture<>();
        server.shutDownGracefully(result::complete);
        assertEquals(GracefulShutdownResult.IDLE, result.get(20, TimeUnit.SECONDS));
    }

    @Test
    void aRequestOutlastingTheDrainIsReportedAsActive() throws Exception {
        start(Shutdown.GRACEFUL, Duration.ofMillis(500));
        int port = server.getPort();
        Future<RawHttp.Response> blocked = threads.submit(() -> RawHttp.get(port, "/block"));
        assertTrue(entered.await(20, TimeUnit.SECONDS));
        CompletableFuture<GracefulShutdownResult> result = new CompletableFuture<>();
        server.shutDownGracefully(result::complete);
        assertEquals(GracefulShutdownResult.REQUESTS_ACTIVE, result.get(20, TimeUnit.SECONDS));
        release.countDown();
        blocked.cancel(true);
    }

    @Test
    void immediateShutdownReportsImmediate() throws Exception {
        start(Shutdown.IMMEDIATE, Duration.ofSeconds(30));
        CompletableFuture<GracefulShutdownResult> result = new CompletableFuture<>();
        server.shutDownGracefully(result::complete);
        assertEquals(GracefulShutdownResult.IMMEDIATE, result.get(1, TimeUnit.SECONDS));
    }

    @Test
    void aStoppedServerClosesItsPortAndStartsAgainWithTheSameWebapp() throws Exception {
        start(Shutdown.IMMEDIATE, Duration.ofSeconds(30));
        int first = server.getPort();
        assertEquals("done /a", RawHttp.get(first, "/a").text());
        server.stop();
        assertEquals(-1, server.getPort());
        try (Socket s = new Socket("127.0.0.1", first)) {
            throw new AssertionError("port " + first + " still accepts after stop");
        } catch (ConnectException expected) {
            // closed
        }
        server.start();
        int second = server.getPort();
        assertNotEquals(-1, second);
        assertEquals("HTTP/1.1 200 OK", RawHttp.get(second, "/b").statusLine());
        assertEquals("done /b", RawHttp.get(second, "/b").text());
    }
}
