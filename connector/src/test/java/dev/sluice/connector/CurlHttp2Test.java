package dev.sluice.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real clients against the connector over h2c by prior knowledge: curl (nghttp2 inside) and h2load (Debian's
 * nghttp2-client); each part is skipped where its tool is missing.
 */
class CurlHttp2Test {
    private HttpConnector connector;

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.close();
        }
    }

    static String curl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl", "-sS", "--max-time", "20"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        p.waitFor(30, TimeUnit.SECONDS);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    static boolean hasCurl() {
        return Files.isExecutable(Path.of("/usr/bin/curl"));
    }

    @Test
    void priorKnowledgeGetAndPost() throws Exception {
        assumeTrue(hasCurl());
        connector = HttpConnector.builder().host("127.0.0.1").port(0).serverName("Sluice")
                .handler((request, response) -> {
                    byte[] body = request.body().readAllBytes();
                    response.headers().set("Content-Type", "text/plain");
                    response.body().write((request.head().version() + " " + request.head().method() + " "
                            + request.head().target() + " " + body.length + "\n").getBytes(StandardCharsets.UTF_8));
                })
                .build();
        connector.start();
        String base = "http://127.0.0.1:" + connector.localAddress().getPort();
        String out = curl("--http2-prior-knowledge", "-i", base + "/hello?x=1");
        assertEquals("HTTP/2 200 \r\n", out.substring(0, out.indexOf('\n') + 1), out);
        assertEquals(true, out.endsWith("HTTP/2.0 GET /hello?x=1 0\n"), out);
        Path upload = Files.createTempFile("h2", ".bin");
        try {
            Files.write(upload, new byte[3_000_000]);
            String post = curl("--http2-prior-knowledge", "--data-binary", "@" + upload, base + "/up");
            assertEquals("HTTP/2.0 POST /up 3000000\n", post);
        } finally {
            Files.delete(upload);
        }
    }

    @Test
    void largeDownloadWithTrailersAndManyMultiplexedStreams() throws Exception {
        assumeTrue(hasCurl());
        connector = HttpConnector.builder().host("127.0.0.1").port(0)
                .handler((request, response) -> {
                    int size = Integer.parseInt(request.head().rawQuery());
                    byte[] chunk = new byte[10_000];
                    java.util.Arrays.fill(chunk, (byte) 'a');
                    for (int sent = 0; sent < size; sent += chunk.length) {
                        response.body().write(chunk, 0, Math.min(chunk.length, size - sent));
                    }
                    response.trailers().set("X-Sent", Integer.toString(size));
                })
                .build();
        connector.start();
        String base = "http://127.0.0.1:" + connector.localAddress().getPort();
        assertEquals("20000000", curl("--http2-prior-knowledge", "-o", "/dev/null", "-w", "%{size_download}",
                base + "/big?20000000"));
        // curl 7.88 cannot reuse a prior-knowledge connection (curl issue 10634): h2load multiplexes instead
        if (Files.isExecutable(Path.of("/usr/bin/h2load"))) {
            Process p = new ProcessBuilder("h2load", "-n", "300", "-c", "3", "-m", "20", base + "/d?5000")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            assertEquals(true, out.contains("requests: 300 total, 300 started, 300 done, 300 succeeded, 0 failed"),
                    out);
        }
    }
}
