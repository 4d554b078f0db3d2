package dev.sluice.samples.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The landing page at {@code /} and the hello servlet, deployed side by side as in the distribution. */
class RootAndHelloIT {
    private static SampleServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SampleServer.start("ROOT", "hello");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void helloAnswersMethodPathAndProtocol() throws Exception {
        HttpResponse<String> response = Http.get(server.uri("/hello/"));
        assertEquals(200, response.statusCode());
        assertEquals("text/plain;charset=UTF-8", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("Hello from Sluice\nmethod: GET\npath: /hello/\nprotocol: HTTP/1.1\n", response.body());
        assertEquals("63", response.headers().firstValue("Content-Length").orElse(""));
    }

    @Test
    void landingPageLinksEverySampleAndTheStatusPage() throws Exception {
        HttpResponse<String> response = Http.get(server.uri("/"));
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                response.headers().toString());
        String page = response.body();
        assertTrue(page.startsWith("<!DOCTYPE html>"), page);
        for (String link : new String[] {"/hello/", "/guestbook/", "/gallery/", "/slow/", "/upload/", "/jsp/", "/sluice/status"}) {
            assertTrue(page.contains("<a href=\"" + link + "\">"), "no link to " + link);
        }
        assertTrue(page.contains("<link rel=\"stylesheet\" href=\"/sluice.css\">"), page);
    }

    @Test
    void sharedStylesheetIsServed() throws Exception {
        HttpResponse<String> response = Http.get(server.uri("/sluice.css"));
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/css"),
                response.headers().toString());
        assertTrue(response.body().contains("--accent"), response.body());
    }

    @Test
    void unknownPathGetsRootsCustom404Page() throws Exception {
        HttpResponse<String> response = Http.get(server.uri("/no/such/page"));
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("<h1>Nothing here.</h1>"), response.body());
    }
}
