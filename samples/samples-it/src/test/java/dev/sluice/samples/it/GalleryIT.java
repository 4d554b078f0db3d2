package dev.sluice.samples.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gallery: a page of 47 requests, and the server's own account of which connection carried each. Raw
 * sockets let the test choose the connections, so it knows exactly what the summary must say.
 */
class GalleryIT {
    private static final Pattern RESOURCE = Pattern.compile("(?:src|href)=\"((?:img|css|js)/[^\"]+|sluice\\.css)\"");
    private static final Pattern CONNECTION_IDS = Pattern.compile("\\{\"id\":(\\d+),");
    private static final Pattern SUMMARY_CONNECTION = Pattern.compile("\"summaryRequest\":\\{\"connectionId\":(\\d+),");
    private static SampleServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SampleServer.start("gallery");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static List<String> resources(String page) {
        List<String> found = new ArrayList<>();
        Matcher m = RESOURCE.matcher(page);
        while (m.find()) {
            found.add("/gallery/" + m.group(1));
        }
        return found;
    }

    @Test
    void pageIsFortyImagesThreeStylesheetsAndThreeScripts() throws Exception {
        HttpResponse<String> page = Http.get(server.uri("/gallery/"));
        assertEquals(200, page.statusCode());
        assertEquals("no-store", page.headers().firstValue("Cache-Control").orElse(""));
        List<String> resources = resources(page.body());
        assertEquals(40, resources.stream().filter(r -> r.endsWith(".svg")).distinct().count(), resources::toString);
        assertEquals(3, resources.stream().filter(r -> r.endsWith(".css")).distinct().count(), resources::toString);
        assertEquals(3, resources.stream().filter(r -> r.endsWith(".js")).distinct().count(), resources::toString);
        List<String> cookie = Http.cookies(page, "sluice-gallery");
        assertEquals(1, cookie.size(), page.headers().toString());
        assertTrue(cookie.get(0).matches("sluice-gallery=[0-9a-f]{32}"), cookie.get(0));
    }

    @Test
    void everyResourceIsServedWithItsContentType() throws Exception {
        List<String> resources = resources(Http.get(server.uri("/gallery/")).body());
        List<CompletableFuture<HttpResponse<byte[]>>> responses = new ArrayList<>();
        for (String resource : resources) {
            responses.add(Http.client().sendAsync(Http.request(server.uri(resource)).build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        }
        for (int i = 0; i < resources.size(); i++) {
            String resource = resources.get(i);
            HttpResponse<byte[]> response = responses.get(i).get(60, TimeUnit.SECONDS);
            assertEquals(200, response.statusCode(), resource);
            String type = response.headers().firstValue("Content-Type").orElse("");
            String expected = resource.endsWith(".svg") ? "image/svg+xml"
                    : resource.endsWith(".css") ? "text/css" : "text/javascript";
            assertTrue(type.startsWith(expected), resource + " came as " + type);
            assertTrue(response.body().length > 0, resource);
            if (resource.endsWith(".svg")) {
                assertTrue(new String(response.body(), StandardCharsets.UTF_8).startsWith("<svg "), resource);
            }
        }
    }

    @Test
    void summaryCountsWhatEachConnectionCarried() throws Exception {
        try (RawHttpConnection first = new RawHttpConnection(server.port());
                RawHttpConnection second = new RawHttpConnection(server.port())) {
            RawHttpConnection.Response page = first.get("/gallery/", null);
            assertEquals(200, page.status());
            String setCookie = page.header("Set-Cookie");
            assertNotNull(setCookie, page.headers().toString());
            String cookie = setCookie.split(";", 2)[0];
            List<String> resources = resources(page.text());
            assertEquals(46, resources.size());

            // The page and the first 23 resources on the first connection, the other 23 on the second.
            for (int i = 0; i < 46; i++) {
                RawHttpConnection.Response r = (i < 23 ? first : second).get(resources.get(i), cookie);
                assertEquals(200, r.status(), resources.get(i));
            }
            String json = first.get("/gallery/connections.json", cookie).text();
            long a = connectionId(json, 0);
            long b = connectionId(json, 1);
            assertNotEquals(a, b, json);
            assertEquals("{\"serverFigures\":true,\"browserKnown\":true,\"requests\":47,\"unattributed\":0,"
                    + "\"connections\":["
                    + "{\"id\":" + a + ",\"requests\":24,\"firstRequestNumber\":1,\"lastRequestNumber\":24},"
                    + "{\"id\":" + b + ",\"requests\":23,\"firstRequestNumber\":1,\"lastRequestNumber\":23}],"
                    + "\"summaryRequest\":{\"connectionId\":" + a + ",\"requestNumber\":25}}\n", json);

            // Loading the page again starts a new view; the kept-alive connection's numbers carry on.
            assertEquals(200, second.get("/gallery/index.html", cookie).status());
            assertEquals(200, second.get(resources.get(0), cookie).status());
            String again = first.get("/gallery/connections.json", cookie).text();
            assertEquals("{\"serverFigures\":true,\"browserKnown\":true,\"requests\":2,\"unattributed\":0,"
                    + "\"connections\":["
                    + "{\"id\":" + b + ",\"requests\":2,\"firstRequestNumber\":24,\"lastRequestNumber\":25}],"
                    + "\"summaryRequest\":{\"connectionId\":" + a + ",\"requestNumber\":26}}\n", again);
        }
    }

    @Test
    void summaryWithoutTheCookieSaysTheBrowserIsUnknown() throws Exception {
        HttpResponse<String> response = Http.get(server.uri("/gallery/connections.json"));
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        Matcher m = SUMMARY_CONNECTION.matcher(response.body());
        assertTrue(m.find(), response.body());
        assertTrue(response.body().startsWith("{\"serverFigures\":true,\"browserKnown\":false,\"requests\":0,"
                + "\"unattributed\":0,\"connections\":[],\"summaryRequest\":{\"connectionId\":"), response.body());
    }

    private static long connectionId(String json, int index) {
        Matcher m = CONNECTION_IDS.matcher(json);
        for (int i = 0; i <= index; i++) {
            assertTrue(m.find(), "no connection " + index + " in " + json);
        }
        return Long.parseLong(m.group(1));
    }
}
