package dev.sluice.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.springboot.demo.DemoApplication;
import dev.sluice.springboot.demo.DemoController;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code server.shutdown=graceful}: closing the application stops new connections and answers a new request on
 * an open one 503 with {@code Connection: close}, while the request in flight runs to completion.
 */
class GracefulShutdownTest {
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        DemoController.release.countDown();
        threads.shutdownNow();
    }

    @Test
    void aRequestInFlightCompletesWhileNewOnesAreRefused() throws Exception {
        DemoController.slowEntered = new CountDownLatch(1);
        DemoController.release = new CountDownLatch(1);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(DemoApplication.class).properties(
                "server.port=0", "server.address=127.0.0.1", "server.shutdown=graceful",
                "server.sluice.drain-timeout=30s").run();
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        try (Socket idle = new Socket("127.0.0.1", port)) {
            idle.setSoTimeout(20_000);
            String get = "GET /hello HTTP/1.1\r\nHost: localhost\r\n\r\n";
            assertEquals("HTTP/1.1 200 OK", RawHttp.exchange(idle, get).statusLine());

            Future<RawHttp.Response> slow = threads.submit(() -> RawHttp.get(port, "/slow"));
            assertTrue(DemoController.slowEntered.await(20, TimeUnit.SECONDS), "/slow started");
            Future<?> closing = threads.submit(app::close);
            awaitRefused(port);

            RawHttp.Response refused = RawHttp.exchange(idle, get);
            assertEquals("HTTP/1.1 503 Service Unavailable", refused.statusLine());
            assertEquals("close", refused.header("Connection"));
            assertFalse(closing.isDone(), "the close waits for /slow, which is still blocked");

            DemoController.release.countDown();
            RawHttp.Response done = slow.get(20, TimeUnit.SECONDS);
            assertEquals("HTTP/1.1 200 OK", done.statusLine());
            assertEquals("slow done", done.text());
            closing.get(20, TimeUnit.SECONDS);
            assertFalse(app.isActive());
        } finally {
            app.close();
        }
    }

    /** Waits until the port no longer accepts connections: the drain has begun. */
    private static void awaitRefused(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                Thread.onSpinWait();
            } catch (ConnectException refused) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the port still accepts connections after 20 s");
    }
}
