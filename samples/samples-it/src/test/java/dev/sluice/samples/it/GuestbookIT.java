package dev.sluice.samples.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The guestbook: web.xml servlets, filter, listener, session, redirect-after-post, validation, error pages. */
class GuestbookIT {
    private static final String CSP = "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'";
    private static SampleServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SampleServer.start("guestbook");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String form(String name, String message) {
        return "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "&message=" + URLEncoder.encode(message, StandardCharsets.UTF_8);
    }

    @Test
    void welcomeFileIsTheIntroductionWithTheFiltersHeaders() throws Exception {
        HttpResponse<String> response = Http.get(server.uri("/guestbook/"));
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<a href=\"entries\">Read the entries and sign the guestbook</a>"),
                response.body());
        assertEquals(CSP, response.headers().firstValue("Content-Security-Policy").orElse(""));
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    @Test
    void entriesPageShowsTheListenersFirstEntryAndAnEmptyForm() throws Exception {
        HttpResponse<String> response = Http.get(server.uri("/guestbook/entries"));
        assertEquals(200, response.statusCode());
        assertEquals("text/html;charset=UTF-8", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
        assertEquals(CSP, response.headers().firstValue("Content-Security-Policy").orElse(""));
        String page = response.body();
        assertTrue(page.contains("written by the context listener when the webapp started"), page);
        assertTrue(page.contains("<form method=\"post\" action=\"/guestbook/entries\">"), page);
        assertFalse(page.contains("Welcome back"), page);
    }

    @Test
    void signingRedirectsWith303RemembersTheNameAndEscapesEverything() throws Exception {
        String name = "Zoë <i>✓</i>";
        HttpResponse<String> signed = Http.postForm(server.uri("/guestbook/entries"),
                form(name, "<script>alert('hi')</script>\r\nsecond line"));
        assertEquals(303, signed.statusCode(), signed.body());
        String location = signed.headers().firstValue("Location").orElse("");
        assertTrue(location.matches("(http://127\\.0\\.0\\.1:\\d+)?/guestbook/entries#entry-\\d+"), location);
        List<String> session = Http.cookies(signed, "JSESSIONID");
        assertEquals(1, session.size(), signed.headers().toString());

        HttpResponse<String> page = Http.get(server.uri("/guestbook/entries"), "Cookie", session.get(0));
        assertEquals(200, page.statusCode());
        String html = page.body();
        String escapedName = "Zoë &lt;i&gt;✓&lt;/i&gt;";
        assertTrue(html.contains("Welcome back, " + escapedName + "."), html);
        assertTrue(html.contains("value=\"" + escapedName + "\""), html);
        assertTrue(html.contains("<strong>" + escapedName + "</strong>"), html);
        assertTrue(html.contains("<p class=\"keep-lines\">&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt;\n"
                + "second line</p>"), html);
        assertFalse(html.contains("<script>"), html);

        String fragment = location.substring(location.indexOf('#') + 1);
        assertTrue(html.contains("<li class=\"card\" id=\"" + fragment + "\">"), html);

        // Another visitor sees the entry but is not greeted.
        String stranger = Http.get(server.uri("/guestbook/entries")).body();
        assertTrue(stranger.contains("<strong>" + escapedName + "</strong>"), stranger);
        assertFalse(stranger.contains("Welcome back"), stranger);
    }

    @Test
    void missingFieldsAre400WithTheReasonAndTheFormKept() throws Exception {
        HttpResponse<String> response = Http.postForm(server.uri("/guestbook/entries"), form("", "kept <text>"));
        assertEquals(400, response.statusCode());
        String html = response.body();
        assertTrue(html.contains("<li>name is required</li>"), html);
        assertTrue(html.contains(">kept &lt;text&gt;</textarea>"), html);
        assertFalse(html.contains("kept &lt;text&gt;</p>"), "a rejected entry must not be stored: " + html);
    }

    @Test
    void tooLongMessageIs400() throws Exception {
        HttpResponse<String> response = Http.postForm(server.uri("/guestbook/entries"), form("Ann", "x".repeat(501)));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("<li>message is 501 characters long; at most 500 are allowed</li>"),
                response.body());
    }

    @Test
    void missingPageGetsTheCustom404() throws Exception {
        HttpResponse<String> response = Http.get(server.uri("/guestbook/no-such-page"));
        assertEquals(404, response.statusCode());
        String html = response.body();
        assertTrue(html.contains("<h1>No such page</h1>"), html);
        assertTrue(html.contains("<code>/guestbook/no-such-page</code>"), html);
        // The filter also runs for the error dispatch.
        assertEquals(CSP, response.headers().firstValue("Content-Security-Policy").orElse(""));
    }

    @Test
    void failingServletGetsTheCustom500() throws Exception {
        HttpResponse<String> response = Http.get(server.uri("/guestbook/fail"));
        assertEquals(500, response.statusCode());
        String html = response.body();
        assertTrue(html.contains("<h1>Something went wrong</h1>"), html);
        assertTrue(html.contains("<code>/guestbook/fail</code> (status 500)"), html);
        assertFalse(html.contains("Exception"), "no stack trace or exception text is shown: " + html);
    }
}
