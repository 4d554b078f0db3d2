package dev.sluice.samples.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Limits;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The slow sample: a blocking wait, an asynchronous one, and a 400 for every bad {@code ms}. */
class SlowIT {
    private static final Pattern SLEPT = Pattern.compile(
            "slept (\\d+) ms \\(asked for 120 ms\\), holding worker thread \\S+ the whole time\n");
    private static final Pattern WAITED = Pattern.compile(
            "waited (\\d+) ms \\(asked for (\\d+) ms\\) without holding a worker: thread \\S+ was released at once\n");
    private static SampleServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SampleServer.start("slow");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sleepBlocksForTheTimeAsked() throws Exception {
        HttpResponse<String> response = Http.get(server.uri("/slow/sleep?ms=120"));
        assertEquals(200, response.statusCode());
        assertEquals("text/plain;charset=UTF-8", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        Matcher m = SLEPT.matcher(response.body());
        assertTrue(m.matches(), response.body());
        assertTrue(Long.parseLong(m.group(1)) >= 120, response.body());
    }

    @Test
    void asyncWaitsForTheTimeAsked() throws Exception {
        HttpResponse<String> response = Http.get(server.uri("/slow/async?ms=120"));
        assertEquals(200, response.statusCode());
        assertEquals("text/plain;charset=UTF-8", response.headers().firstValue("Content-Type").orElse(""));
        Matcher m = WAITED.matcher(response.body());
        assertTrue(m.matches(), response.body());
        assertEquals("120", m.group(2));
        assertTrue(Long.parseLong(m.group(1)) >= 120, response.body());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "/slow/sleep               | missing parameter ms: the time to wait in milliseconds, 0 to 60000",
            "/slow/async?ms=           | missing parameter ms: the time to wait in milliseconds, 0 to 60000",
            "/slow/sleep?ms=abc        | ms must be a whole number of milliseconds, 0 to 60000, was \"abc\"",
            "/slow/async?ms=-5         | ms must be a whole number of milliseconds, 0 to 60000, was \"-5\"",
            "/slow/sleep?ms=60001      | ms must be at most 60000, was 60001",
            "/slow/async?ms=9999999999 | ms must be a whole number of milliseconds, 0 to 60000, was \"9999999999\"",
    })
    void badWaitIs400WithTheReason(String target, String reason) throws Exception {
        HttpResponse<String> response = Http.get(server.uri(target));
        assertEquals(400, response.statusCode());
        assertEquals("text/plain;charset=UTF-8", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("400 Bad Request: " + reason + "\n", response.body());
    }

    @Test
    void welcomePageExplainsBoth() throws Exception {
        HttpResponse<String> response = Http.get(server.uri("/slow/"));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<a href=\"sleep?ms=2000\">"), response.body());
        assertTrue(response.body().contains("<a href=\"async?ms=2000\">"), response.body());
    }

    /**
     * With one worker thread, a request suspended by {@code /slow/async} must not hold it: another request is
     * served while the first still waits.
     */
    @Test
    void asyncWaitGivesItsWorkerBack() throws Exception {
        try (SampleServer oneWorker = SampleServer.start(Limits.builder().maxThreads(1).build(), "slow")) {
            CompletableFuture<HttpResponse<String>> waiting = Http.client().sendAsync(
                    Http.request(oneWorker.uri("/slow/async?ms=15000")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            // The servlet suspended the request and the container returned the worker to the connector.
            assertTrue(oneWorker.handlerReturns().tryAcquire(30, TimeUnit.SECONDS), "the async request never returned its worker");
            assertFalse(waiting.isDone(), "the async request answered before its time");

            HttpResponse<String> meanwhile = Http.get(oneWorker.uri("/slow/sleep?ms=0"));
            assertEquals(200, meanwhile.statusCode());
            assertFalse(waiting.isDone(), "the other request should have been served while the first still waited");

            HttpResponse<String> waited = waiting.get(60, TimeUnit.SECONDS);
            assertEquals(200, waited.statusCode());
            Matcher m = WAITED.matcher(waited.body());
            assertTrue(m.matches(), waited.body());
            assertEquals("15000", m.group(2));
        }
    }
}
