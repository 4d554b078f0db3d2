package dev.sluice.samples.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The jsp sample with the JSP module found on the class path, as in the distribution. */
class JspIT {
    private static SampleServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SampleServer.start("jsp");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void thePageUsesElACustomTagATagFileAndJstl() throws Exception {
        HttpResponse<String> response = Http.get(server.uri("/jsp/?name=%3Cb%3EAda&rows=3"));
        assertEquals(200, response.statusCode());
        assertEquals("text/html;charset=UTF-8", response.headers().firstValue("Content-Type").orElse(""));
        String page = response.body();
        assertTrue(page.startsWith("<!DOCTYPE html>"), page);
        assertTrue(page.contains("<h1>Hello, &lt;b&gt;Ada.</h1>"), page); // c:out escapes what the visitor typed
        assertTrue(page.contains("6 &times; 7 = 42;"), page); // EL
        assertTrue(page.contains("<li class=\"card\">\n  <h2>JSTL c:forEach and a custom tag</h2>"), page);
        for (int i = 1; i <= 3; i++) { // c:forEach with the custom tag inside
            int percent = i * i * 100 / 9;
            assertTrue(page.contains("<tr><td>" + i + "&sup2;</td><td><span class=\"bar\" style=\"display:inline-block;"
                    + "background:var(--accent);height:0.8em;width:" + percent + "%\"></span> " + i * i + "</td></tr>"),
                    page);
        }
        assertTrue(!page.contains("<td>4&sup2;"), page);
    }

    @Test
    void theErrorPageShowsTheException() throws Exception {
        HttpResponse<String> response = Http.get(server.uri("/jsp/divide.jsp?by=0"));
        assertEquals(500, response.statusCode());
        assertTrue(response.body().contains("<p id=\"exception\">ArithmeticException: / by zero</p>"),
                response.body());
        HttpResponse<String> fine = Http.get(server.uri("/jsp/divide.jsp?by=4"));
        assertEquals(200, fine.statusCode());
        assertTrue(fine.body().contains("<h1>100 / 4 = 25</h1>"), fine.body());
    }
}
