package dev.sluice.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sluice.connector.HttpConnector;
import dev.sluice.servlet.EmbeddedWebapp;
import dev.sluice.servlet.ServletContainer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.Compression;
import org.springframework.util.unit.DataSize;

/**
 * The gzip filter of {@code server.compression} on a bare Sluice (no Spring context): which responses it
 * compresses and which it leaves alone, over real sockets.
 */
class CompressionFilterTest {
    static final String TEXT = "All work and no play makes Jack a dull boy. ".repeat(100);
    static ServletContainer container;
    static HttpConnector connector;
    static int port;

    /** {@code /text?mode=...}: the body in one write, in 100 small writes, flushed early, pre-encoded, or 304. */
    static final class TextServlet extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            String mode = String.valueOf(req.getParameter("mode"));
            if (mode.equals("304")) {
                resp.setStatus(304);
                return;
            }
            resp.setContentType(mode.equals("png") ? "image/png" : "text/plain;charset=UTF-8");
            if (mode.equals("encoded")) {
                resp.setHeader("Content-Encoding", "br");
            }
            byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
            if (mode.equals("length")) {
                resp.setContentLength(bytes.length);
            }
            if (mode.equals("flush")) {
                resp.getOutputStream().write(bytes, 0, 10);
                resp.flushBuffer();
                resp.getOutputStream().write(bytes, 10, bytes.length - 10);
            } else if (mode.equals("pieces")) {
                for (int i = 0; i < bytes.length; i += 45) {
                    resp.getOutputStream().write(bytes, i, Math.min(45, bytes.length - i));
                }
            } else {
                resp.getOutputStream().write(bytes);
            }
        }
    }

    @BeforeAll
    static void start() throws IOException {
        Compression compression = new Compression();
        compression.setEnabled(true);
        compression.setMinResponseSize(DataSize.ofBytes(1024));
        compression.setExcludedUserAgents(new String[] {"Old(Browser|Bot)/.*"});
        container = ServletContainer.builder().modules(List.of()).build();
        container.deploy(EmbeddedWebapp.builder("", CompressionFilterTest.class.getClassLoader())
                .initializer((c, ctx) -> CompressionFilter.register(ctx, compression))
                .initializer((c, ctx) -> ctx.addServlet("text", new TextServlet()).addMapping("/text"))
                .build());
        connector = HttpConnector.builder().host("127.0.0.1").port(0).handler(container).build();
        connector.start();
        port = connector.localAddress().getPort();
    }

    @AfterAll
    static void stop() {
        connector.close();
        container.close();
    }

    private static String gunzip(byte[] body) throws IOException {
        return new String(new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void manySmallWritesAndADeclaredLengthAreCompressedWithoutTheLength() throws IOException {
        for (String mode : List.of("one", "pieces", "length")) {
            RawHttp.Response r = RawHttp.get(port, "/text?mode=" + mode, "Accept-Encoding: gzip");
            assertEquals("HTTP/1.1 200 OK", r.statusLine(), mode);
            assertEquals("gzip", r.header("Content-Encoding"), mode);
            // The container frames the compressed body itself; the declared length was the uncompressed one's.
            assertNotEquals(Integer.toString(TEXT.length()), r.header("Content-Length"), mode);
            assertEquals(TEXT, gunzip(r.body()), mode);
        }
    }

    @Test
    void whatIsNotCompressedKeepsItsBodyAndLength() throws IOException {
        RawHttp.Response plainClient = RawHttp.get(port, "/text?mode=length");
        assertNull(plainClient.header("Content-Encoding"));
        assertEquals(Integer.toString(TEXT.length()), plainClient.header("Content-Length"));
        assertEquals("Accept-Encoding", plainClient.header("Vary"));
        assertEquals(TEXT, plainClient.text());

        RawHttp.Response oldAgent = RawHttp.get(port, "/text", "Accept-Encoding: gzip", "User-Agent: OldBot/1.0");
        assertNull(oldAgent.header("Content-Encoding"));
        assertEquals(TEXT, oldAgent.text());

        RawHttp.Response image = RawHttp.get(port, "/text?mode=png", "Accept-Encoding: gzip");
        assertNull(image.header("Content-Encoding"));
        assertNull(image.header("Vary"));

        RawHttp.Response encoded = RawHttp.get(port, "/text?mode=encoded", "Accept-Encoding: gzip");
        assertEquals("br", encoded.header("Content-Encoding"));
        assertEquals(TEXT, encoded.text());

        RawHttp.Response flushedEarly = RawHttp.get(port, "/text?mode=flush", "Accept-Encoding: gzip");
        assertNull(flushedEarly.header("Content-Encoding"));
        assertEquals(TEXT, flushedEarly.text());

        RawHttp.Response notModified = RawHttp.get(port, "/text?mode=304", "Accept-Encoding: gzip");
        assertEquals("HTTP/1.1 304 Not Modified", notModified.statusLine());
        assertNull(notModified.header("Content-Encoding"));
    }

    @Test
    void headIsLeftAlone() throws IOException {
        RawHttp.Response head = RawHttp.send(port, "HEAD /text HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept-Encoding: gzip\r\nConnection: close\r\n\r\n");
        assertEquals("HTTP/1.1 200 OK", head.statusLine());
        assertNull(head.header("Content-Encoding"));
    }
}
