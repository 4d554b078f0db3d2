package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Real HTTP against the server sluice:start started in pre-integration-test. */
class ServedBySluiceIT {
    private static final String URL = System.getProperty("sluice.url");
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(URL + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void urlNamesTheBoundPortAndTheContextPath() {
        assertTrue(URL != null && URL.matches("http://127\\.0\\.0\\.1:[1-9][0-9]*/shop"), "sluice.url = " + URL);
    }

    @Test
    void servletSeesItsContextPathAndWebXml() throws Exception {
        HttpResponse<String> r = get("/greeting");
        assertEquals(200, r.statusCode());
        assertEquals("text/plain;charset=UTF-8", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("Hello from /shop, web.xml\n", r.body());
    }

    @Test
    void staticPageFromSrcMainWebapp() throws Exception {
        HttpResponse<String> r = get("/");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("<p>Served by sluice:start.</p>"), r.body());
    }

    @Test
    void unknownPathIs404() throws Exception {
        assertEquals(404, get("/nothing-here").statusCode());
    }
}
