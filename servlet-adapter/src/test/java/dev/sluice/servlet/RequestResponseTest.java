package dev.sluice.servlet;

import static dev.sluice.servlet.TestSupport.action;
import static dev.sluice.servlet.TestSupport.app;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameters, cookies, locales, body access, encodings, buffering and commit, TRACE and OPTIONS. */
class RequestResponseTest {
    @TempDir
    static Path dir;
    static ServletContainer container;
    static Http http;

    @BeforeAll
    static void deploy() throws Exception {
        Webapp app = app(dir.resolve("r"), dir.resolve("events.txt"),
                TestSupport.servlet("script", testapps.ActionServlet.class, "/s")
                        + action("utf8params", "charset:UTF-8;encoding:UTF-8;params", "/utf8")
                        + action("echo", "write:hi", "/hi")
                        + TestSupport.servlet("getOnly", testapps.GetOnlyServlet.class, "/get"))
                .classes(testapps.GetOnlyServlet.class);
        container = ServletContainer.builder().workDir(dir.resolve("work")).maxParameterCount(10).build();
        container.deploy(app.path());
        http = new Http(container);
    }

    @AfterAll
    static void close() {
        container.close();
    }

    private static MemoryExchange script(String actions, String... headers) throws Exception {
        String[] all = new String[headers.length + 1];
        all[0] = "X-Do: " + actions;
        System.arraycopy(headers, 0, all, 1, headers.length);
        return http.send("GET", "/r/s", null, all);
    }

    @Test
    void queryAndFormParametersMergeQueryFirst() throws Exception {
        MemoryExchange x = http.send("POST", "/r/s?a=1&b=x+y&a=2&c=%41", "a=3&d=&e",
                "X-Do: params", "Content-Type: application/x-www-form-urlencoded");
        assertEquals("[a=1|2|3, b=x y, c=A, d=, e=]\n", x.text());
    }

    @Test
    void formBodyIsDecodedWithTheRequestEncoding() throws Exception {
        MemoryExchange x = http.send("POST", "/r/utf8", "name=%C3%A9t%C3%A9",
                "Content-Type: application/x-www-form-urlencoded");
        assertEquals("[name=été]\n", x.text());
        MemoryExchange latin = http.send("POST", "/r/s", "name=%E9t%E9",
                "X-Do: encoding:UTF-8;params", "Content-Type: application/x-www-form-urlencoded");
        assertEquals("[name=été]\n", latin.text());
    }

    @Test
    void tooManyParametersIs400() throws Exception {
        MemoryExchange x = http.send("GET", "/r/s?a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10&k=11", null, "X-Do: params");
        assertEquals(400, x.code());
        assertTrue(x.text().contains("More than 10 request parameters"), x.text());
    }

    @Test
    void readerAfterStreamIsIllegal() throws Exception {
        MemoryExchange x = http.send("POST", "/r/s", "line one\nline two", "X-Do: reader");
        assertEquals("read=line one\n", x.text());
        MemoryExchange y = http.send("POST", "/r/s", "raw", "X-Do: stream");
        assertEquals("read=raw\n", y.text());
        MemoryExchange both = http.send("POST", "/r/s", "raw", "X-Do: stream;reader");
        assertEquals(500, both.code());
    }

    @Test
    void cookiesAreParsedAndSet() throws Exception {
        assertEquals("a=1 b=two c=\"quoted\"\n",
                script("cookies", "Cookie: a=1; b=two", "Cookie: c=\"quoted\"; $Version=1").text());
        MemoryExchange x = script("addCookie:k=v");
        assertEquals("k=v; Path=/; HttpOnly", x.header("Set-Cookie"));
    }

    @Test
    void localesFollowQualityOrder() throws Exception {
        assertEquals("fr-CH fr en de\n",
                script("locales", "Accept-Language: de;q=0.7, fr-CH, fr;q=0.9, en;q=0.8, *;q=0.5").text());
        // a weight outside the qvalue grammar (RFC 9110 section 12.4.2) drops its member (AcceptLanguageFuzzTest)
        assertEquals("de fr\n", script("locales", "Accept-Language: en;q=1.5, ja;q=1e0, fr;q=0.9, it;q=.5, de").text());
    }

    @Test
    void resetBufferDiscardsAndCommitStopsHeaderChanges() throws Exception {
        assertEquals("kept", script("write:gone;resetBuffer;write:kept").text());
        MemoryExchange reset = script("header:X-A=1;status:201;write:x;reset;write:y");
        assertEquals(200, reset.code());
        assertEquals(null, reset.header("X-A"));
        MemoryExchange flushed = script("write:a;flush;header:X-Late=1;status:404;committed");
        assertEquals(200, flushed.code());
        assertEquals(null, flushed.header("X-Late"));
        assertEquals("acommitted=true\n", flushed.text());
    }

    @Test
    void contentTypeAndCharset() throws Exception {
        MemoryExchange x = script("type:text/html;encoding:UTF-8;write:é");
        assertEquals("text/html;charset=UTF-8", x.header("Content-Type"));
        assertEquals("é", x.text());
        MemoryExchange latin = script("type:text/plain;write:é");
        assertEquals("text/plain;charset=ISO-8859-1", latin.header("Content-Type"));
        assertEquals(1, latin.bytes().length);
    }

    @Test
    void traceIs405AndOptionsListsTheServletsMethods() throws Exception {
        MemoryExchange trace = http.send("TRACE", "/r/get", null);
        assertEquals(405, trace.code());
        // RFC 9110 section 15.5.6: the 405 lists the target's methods; this servlet overrides doGet only.
        assertEquals("GET, HEAD, OPTIONS", trace.header("Allow"));
        MemoryExchange options = http.send("OPTIONS", "/r/get", null);
        assertEquals(200, options.code());
        assertEquals("GET, HEAD, OPTIONS", options.header("Allow").replace(", TRACE", ""));
        assertEquals(405, http.send("POST", "/r/get", "x").code());
    }

    @Test
    void sendErrorMessageIsEscapedInTheReport() throws Exception {
        MemoryExchange x = script("error:418,<script>");
        assertEquals(418, x.code());
        assertTrue(x.text().contains("<p>&lt;script&gt;</p>"), x.text());
    }

    @Test
    void pathParametersAreStrippedBeforeMapping() throws Exception {
        MemoryExchange x = http.send("GET", "/r;x=1/hi;y=2", null);
        assertEquals("hi", x.text());
    }
}
