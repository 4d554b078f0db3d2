package dev.sluice.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.websocket.app.EchoEndpoint;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** permessage-deflate (RFC 7692): negotiated for an annotated endpoint, compressed messages both ways. */
class DeflateTest {
    /** RFC 7692 section 7.2.1: the empty stored block that ends a flushed message, removed on the wire. */
    private static final byte[] TAIL = {0, 0, (byte) 0xFF, (byte) 0xFF};

    @TempDir
    Path dir;

    @Test
    void compressedTextIsEchoedCompressed() throws Exception {
        try (WsServer server = WsServer.start(dir, "deflate", null, EchoEndpoint.class);
             RawSocket s = RawSocket.open(server.port(), server.contextPath + "/echo",
                     "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits")) {
            assertTrue(s.responseHead.toLowerCase().contains("\r\nsec-websocket-extensions: permessage-deflate"),
                    s.responseHead);
            String text = "hello hello hello hello hello hello, compressed";
            s.frame(0xC1, deflate(text.getBytes(StandardCharsets.UTF_8)), true); // FIN, RSV1, text
            int first = s.in.read();
            assertEquals(0xC1, first, "a compressed text frame back");
            int len = s.in.read();
            byte[] payload = s.in.readNBytes(len);
            assertTrue(len < text.length(), "smaller than the text: " + len);
            assertEquals(text, new String(inflate(payload), StandardCharsets.UTF_8));
        }
    }

    @Test
    void withoutTheOfferNothingIsCompressed() throws Exception {
        try (WsServer server = WsServer.start(dir, "plain", null, EchoEndpoint.class);
             RawSocket s = RawSocket.open(server.port(), server.contextPath + "/echo")) {
            assertTrue(!s.responseHead.toLowerCase().contains("sec-websocket-extensions"), s.responseHead);
            s.frame(0x81, "plain".getBytes(StandardCharsets.UTF_8), true);
            assertEquals(0x81, s.in.read());
            assertEquals(5, s.in.read());
            assertEquals("plain", new String(s.in.readNBytes(5), StandardCharsets.UTF_8));
        }
    }

    private static byte[] deflate(byte[] data) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(data);
        byte[] buf = new byte[data.length + 64];
        int n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        d.end();
        byte[] out = Arrays.copyOf(buf, n);
        assertTrue(Arrays.equals(Arrays.copyOfRange(out, n - 4, n), TAIL));
        return Arrays.copyOf(out, n - 4);
    }

    private static byte[] inflate(byte[] data) throws DataFormatException {
        Inflater i = new Inflater(true);
        byte[] withTail = Arrays.copyOf(data, data.length + 4);
        System.arraycopy(TAIL, 0, withTail, data.length, 4);
        i.setInput(withTail);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1024];
        int n;
        while ((n = i.inflate(buf)) > 0) {
            out.write(buf, 0, n);
        }
        i.end();
        return out.toByteArray();
    }
}
