package dev.sluice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseReaderTest {
    private static ResponseReader reader(String bytes) {
        return new ResponseReader(new ByteArrayInputStream(bytes.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void readsKeepAliveResponsesBackToBackByContentLength() throws IOException {
        ResponseReader reader = reader("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\nHello, World!"
                + "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: 4\r\n\r\nbusy");
        ResponseReader.Response first = reader.read();
        assertEquals(200, first.status());
        assertFalse(first.close());
        ResponseReader.Response second = reader.read();
        assertEquals(503, second.status());
        assertTrue(second.close());
    }

    @Test
    void skipsChunkedContentWithTrailers() throws IOException {
        ResponseReader reader = reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nHello\r\n8;ext=1\r\n, World!\r\n0\r\nX-Trailer: 1\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n");
        assertEquals(200, reader.read().status());
        assertEquals(204, reader.read().status());
    }

    @Test
    void withoutLengthTheContentEndsWithTheConnection() throws IOException {
        ResponseReader.Response response = reader("HTTP/1.0 200 OK\r\n\r\nHello").read();
        assertEquals(200, response.status());
        assertTrue(response.close());
    }

    @Test
    void aConnectionClosedInTheMiddleIsEndOfStream() {
        assertThrows(EOFException.class, () -> reader("HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\nHello").read());
        assertThrows(EOFException.class, () -> reader("").read());
    }
}
