package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Headers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default servlet: validators, conditionals, ranges, HEAD, media types, directories, protected folders. */
class StaticFilesTest {
    @TempDir
    static Path dir;
    static ServletContainer container;
    static Http http;
    static final Instant MODIFIED = Instant.parse("2026-01-02T03:04:05Z");
    static final String ETAG = "W/\"26-" + MODIFIED.toEpochMilli() + "\"";

    @BeforeAll
    static void deploy() throws Exception {
        Webapp app = Webapp.at(dir.resolve("site"))
                .file("hello.txt", "abcdefghijklmnopqrstuvwxyz")
                .file("data.sluice", "custom")
                .file("docs/index.html", "<h1>docs</h1>")
                .file("empty/readme.md", "# empty")
                .file("WEB-INF/secret.txt", "secret")
                .file("page.jsp", "<% String password = \"hunter2\"; %>")
                .file("PAGE.JSPX", "<jsp:root password=\"hunter2\"/>")
                .file("META-INF/MANIFEST.MF", "Manifest-Version: 1.0")
                .webXml("<mime-mapping><extension>sluice</extension><mime-type>application/x-sluice</mime-type>"
                        + "</mime-mapping>");
        Files.setLastModifiedTime(app.path().resolve("hello.txt"), FileTime.from(MODIFIED));
        container = ServletContainer.builder().workDir(dir.resolve("work")).build();
        container.deploy(app.path());
        http = new Http(container);
    }

    @AfterAll
    static void close() {
        container.close();
    }

    @Test
    void getServesFileWithValidators() throws Exception {
        MemoryExchange x = http.get("/site/hello.txt");
        assertEquals("HTTP/1.1 200 OK\r\n"
                + "Accept-Ranges: bytes\r\n"
                + "ETag: " + ETAG + "\r\n"
                + "Last-Modified: Fri, 02 Jan 2026 03:04:05 GMT\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: 26\r\n\r\n"
                + "abcdefghijklmnopqrstuvwxyz", x.wire());
    }

    @Test
    void jspSourceIsNeverServed() throws Exception {
        for (String path : new String[] {"/site/page.jsp", "/site/PAGE.JSPX"}) {
            MemoryExchange x = http.get(path);
            assertEquals(500, x.code(), path);
            assertTrue(!x.text().contains("hunter2"), path + " served its source: " + x.text());
        }
    }

    @Test
    void headHasHeadersAndNoContent() throws Exception {
        MemoryExchange x = http.send("HEAD", "/site/hello.txt", null);
        assertEquals(200, x.code());
        assertEquals("26", x.header("Content-Length"));
        assertEquals("", x.text());
    }

    @Test
    void conditionalRequestsGive304And412() throws Exception {
        assertEquals(304, http.get("/site/hello.txt", "If-None-Match: " + ETAG).code());
        assertEquals(304, http.get("/site/hello.txt", "If-None-Match: \"other\", " + ETAG.substring(2)).code());
        assertEquals(200, http.get("/site/hello.txt", "If-None-Match: \"other\"").code());
        assertEquals(304, http.get("/site/hello.txt", "If-Modified-Since: Fri, 02 Jan 2026 03:04:05 GMT").code());
        assertEquals(200, http.get("/site/hello.txt", "If-Modified-Since: Fri, 02 Jan 2026 03:04:04 GMT").code());
        MemoryExchange notModified = http.get("/site/hello.txt", "If-None-Match: " + ETAG);
        assertEquals("", notModified.text());
        assertEquals(ETAG, notModified.header("ETag"));
        assertEquals(412, http.get("/site/hello.txt", "If-Match: \"nope\"").code());
        // a * inside a quoted tag is not "any" (StaticConditionsFuzzTest); a malformed list matches nothing
        assertEquals(412, http.get("/site/hello.txt", "If-Match: \"a,*,b\"").code());
        assertEquals(200, http.get("/site/hello.txt", "If-None-Match: \"a,*,b\"").code());
        assertEquals(412, http.get("/site/hello.txt",
                "If-Unmodified-Since: Thu, 01 Jan 2026 00:00:00 GMT").code());
    }

    @Test
    void singleRangeIs206() throws Exception {
        MemoryExchange x = http.get("/site/hello.txt", "Range: bytes=2-4");
        assertEquals(206, x.code());
        assertEquals("bytes 2-4/26", x.header("Content-Range"));
        assertEquals("3", x.header("Content-Length"));
        assertEquals("cde", x.text());
        assertEquals("xyz", http.get("/site/hello.txt", "Range: bytes=-3").text());
        assertEquals("yz", http.get("/site/hello.txt", "Range: bytes=24-").text());
        assertEquals("xyz", http.get("/site/hello.txt", "Range: bytes=23-99").text());
    }

    @Test
    void multipleRangesAreMultipartByteranges() throws Exception {
        MemoryExchange x = http.get("/site/hello.txt", "Range: bytes=0-1, 5-6");
        assertEquals(206, x.code());
        String type = x.header("Content-Type");
        assertTrue(type.startsWith("multipart/byteranges; boundary="), type);
        String boundary = type.substring(type.indexOf('=') + 1);
        assertEquals("\r\n--" + boundary + "\r\nContent-Type: text/plain\r\nContent-Range: bytes 0-1/26\r\n\r\nab"
                + "\r\n--" + boundary + "\r\nContent-Type: text/plain\r\nContent-Range: bytes 5-6/26\r\n\r\nfg"
                + "\r\n--" + boundary + "--\r\n", x.text());
    }

    @Test
    void unsatisfiableRangeIs416AndMalformedIsIgnored() throws Exception {
        MemoryExchange x = http.get("/site/hello.txt", "Range: bytes=30-40");
        assertEquals(416, x.code());
        assertEquals("bytes */26", x.header("Content-Range"));
        assertEquals(200, http.get("/site/hello.txt", "Range: bytes=5-2").code());
        assertEquals(200, http.get("/site/hello.txt", "Range: lines=1-2").code());
        // outside the grammar of RFC 9110 section 14.1.2: ignored, not 416 or 206 (found by StaticConditionsFuzzTest)
        assertEquals(200, http.get("/site/hello.txt", "Range: bytes=,").code());
        assertEquals(200, http.get("/site/hello.txt", "Range: bytes=+1-2").code());
        assertEquals(200, http.get("/site/hello.txt", "Range: bytes=1 - 2").code());
        // If-Range with a weak validator never matches (RFC 9110 section 13.1.5): the whole file.
        assertEquals(200, http.get("/site/hello.txt", "Range: bytes=0-1", "If-Range: " + ETAG).code());
        assertEquals(206, http.get("/site/hello.txt", "Range: bytes=0-1",
                "If-Range: Fri, 02 Jan 2026 03:04:05 GMT").code());
    }

    @Test
    void mediaTypesComeFromWebXmlThenBuiltInTable() throws Exception {
        assertEquals("application/x-sluice", http.get("/site/data.sluice").header("Content-Type"));
        assertEquals("text/html", http.get("/site/docs/index.html").header("Content-Type"));
    }

    @Test
    void directoryRedirectsToSlashThenServesWelcomeFileOr404() throws Exception {
        MemoryExchange redirect = http.get("/site/docs?x=1");
        assertEquals(302, redirect.code());
        assertEquals("http://localhost:8080/site/docs/?x=1", redirect.header("Location"));
        assertEquals("<h1>docs</h1>", http.get("/site/docs/").text());
        assertEquals(404, http.get("/site/empty/").code());
    }

    @Test
    void aFileNamedWithATrailingSlashIsNotFound() throws Exception {
        // java.nio.file.Path drops a trailing slash; the file must not be served as if the slash were not there
        // (that served a JSP page's source at "/page.jsp/").
        assertEquals(200, http.get("/site/hello.txt").code());
        assertEquals(404, http.get("/site/hello.txt/").code());
    }

    @Test
    void webInfAndMetaInfAreNeverServed() throws Exception {
        assertEquals(404, http.get("/site/WEB-INF/secret.txt").code());
        assertEquals(404, http.get("/site/web-inf/secret.txt").code());
        assertEquals(404, http.get("/site/META-INF/MANIFEST.MF").code());
        assertEquals(404, http.get("/site/WEB-INF").code());
        assertEquals(404, http.get("/site/nothing.txt").code());
    }

    @Test
    void otherMethodsAre405WithAllow() throws Exception {
        MemoryExchange x = http.send("POST", "/site/hello.txt", "x");
        assertEquals(405, x.code());
        assertEquals("GET, HEAD, OPTIONS", x.header("Allow"));
        MemoryExchange options = http.send("OPTIONS", "/site/hello.txt", null);
        assertEquals(200, options.code());
        assertEquals("GET, HEAD, OPTIONS", options.header("Allow"));
    }

    @Test
    void notFoundIsTheDefaultReport() throws Exception {
        MemoryExchange x = http.get("/site/missing");
        String body = "<!doctype html><html lang=\"en\"><head><title>HTTP Status 404 – Not Found</title></head>"
                + "<body><h1>HTTP Status 404 – Not Found</h1></body></html>";
        assertEquals("HTTP/1.1 404 Not Found\r\nContent-Type: text/html;charset=utf-8\r\nContent-Length: "
                + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n" + body, x.wire());
        assertNull(new Headers().get("x"));
    }
}
