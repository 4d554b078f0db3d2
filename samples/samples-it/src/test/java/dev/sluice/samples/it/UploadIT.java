package dev.sluice.samples.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The upload sample: a multipart form, its limits, the escaped listing, downloads and refusals. */
class UploadIT {
    private static final String BOUNDARY = "----sluiceUploadIT";
    private static SampleServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SampleServer.start("upload");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** A browser-style multipart body with one file part per (name, content) pair, names as raw UTF-8. */
    private static byte[] files(Object... nameContent) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < nameContent.length; i += 2) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + nameContent[i] + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes((byte[]) nameContent[i + 1]);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static HttpResponse<String> post(byte[] body, String contentType) throws Exception {
        return Http.send(Http.request(server.uri("/upload/files")).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static HttpResponse<String> upload(byte[] body) throws Exception {
        return post(body, "multipart/form-data; boundary=" + BOUNDARY);
    }

    @Test
    void thePageStatesTheLimitsAndOffersAMultipartForm() throws Exception {
        HttpResponse<String> page = Http.get(server.uri("/upload/files"));
        assertEquals(200, page.statusCode());
        assertEquals("text/html;charset=UTF-8", page.headers().firstValue("Content-Type").orElse(""));
        assertTrue(page.body().contains("Files up to 5.0 MiB each, 6.0 MiB per upload"), page.body());
        assertTrue(page.body().contains("<form method=\"post\" action=\"/upload/files\" "
                + "enctype=\"multipart/form-data\">"), page.body());
        assertEquals(200, Http.get(server.uri("/upload/")).statusCode());
    }

    @Test
    void anUploadIsListedEscapedAndDownloadsWithItsName() throws Exception {
        byte[] content = "<script>alert(1)</script>\n".getBytes(StandardCharsets.UTF_8);
        byte[] second = new byte[200_000]; // above the threshold: through a temporary file
        for (int i = 0; i < second.length; i++) {
            second[i] = (byte) i;
        }
        HttpResponse<String> posted = upload(files("Tom & Jerry's <été>.html", content, "C:\\temp\\data.bin", second));
        assertEquals(303, posted.statusCode(), posted.body());
        assertTrue(posted.headers().firstValue("Location").orElse("").endsWith("/upload/files"));

        String page = Http.get(server.uri("/upload/files")).body();
        String escaped = "Tom &amp; Jerry&#39;s _été_.html";
        assertTrue(page.contains(">" + escaped + "</a></td><td class=\"num\">26 bytes</td>"), page);
        assertTrue(page.contains(">data.bin</a></td><td class=\"num\">195.3 KiB</td>"), page);
        assertFalse(page.contains("Jerry's"), page);

        HttpResponse<byte[]> download = Http.client().send(Http.request(server.uri("/upload/download?name="
                + URLEncoder.encode("Tom & Jerry's _été_.html", StandardCharsets.UTF_8))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertEquals("attachment; filename=\"Tom & Jerry's __t__.html\"; "
                + "filename*=UTF-8''Tom%20&%20Jerry%27s%20_%C3%A9t%C3%A9_.html",
                download.headers().firstValue("Content-Disposition").orElse(""));
        assertEquals("application/octet-stream", download.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertArrayEquals(content, download.body());

        HttpResponse<byte[]> big = Http.client().send(Http.request(server.uri("/upload/download?name=data.bin"))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertArrayEquals(second, big.body());
    }

    @Test
    void aFileOverTheLimitIs413WithTheReason() throws Exception {
        HttpResponse<String> response = upload(files("big.bin", new byte[5 * 1024 * 1024 + 1]));
        assertEquals(413, response.statusCode());
        assertTrue(response.body().contains("<p class=\"error\">The upload is larger than the limits: 5.0 MiB per"
                + " file, 6.0 MiB per upload.</p>"), response.body());
        assertFalse(Http.get(server.uri("/upload/files")).body().contains("big.bin"));
    }

    @Test
    void badInputIs400WithTheReason() throws Exception {
        HttpResponse<String> none = upload(files("", new byte[0]));
        assertEquals(400, none.statusCode());
        assertTrue(none.body().contains("<p class=\"error\">Choose a file to upload.</p>"), none.body());

        HttpResponse<String> notMultipart = post("a=b".getBytes(StandardCharsets.US_ASCII),
                "application/x-www-form-urlencoded");
        assertEquals(400, notMultipart.statusCode());
        assertTrue(notMultipart.body().contains("The upload must be sent as multipart/form-data."),
                notMultipart.body());

        byte[] unterminated = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"x.txt\"\r\n\r\nno end").getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> malformed = upload(unterminated);
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("The upload could not be read: Multipart body ended before its"
                + " closing boundary"), malformed.body());
    }

    @Test
    void aDownloadNeverLeavesTheFolder() throws Exception {
        for (String name : new String[] {"../../WEB-INF/web.xml", "..", "/etc/passwd", "nothing.txt"}) {
            HttpResponse<String> response = Http.get(server.uri("/upload/download?name="
                    + URLEncoder.encode(name, StandardCharsets.UTF_8)));
            assertEquals(404, response.statusCode(), name);
            assertTrue(response.body().contains("No stored file has that name."), response.body());
        }
    }
}
