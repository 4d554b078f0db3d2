package dev.sluice.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.core.Limits;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A worker that has handed its connection back counts as free at once: a keep-alive client sending its next
 * request the instant it read a response is served, even with one worker and no queue.
 */
class AdmissionSocketTest {

    @Test
    void backToBackKeepAliveRequestsAreNeverShedByTheirOwnPreviousRequest() throws Exception {
        HttpConnector connector = HttpConnector.builder().host("127.0.0.1").port(0)
                .limits(Limits.builder().maxThreads(1).acceptQueue(0).build())
                .handler((request, response) -> response.body().write('k'))
                .build();
        connector.start();
        try (Socket socket = new Socket("127.0.0.1", connector.localAddress().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 1; i <= 300; i++) {
                out.write("GET / HTTP/1.1\r\nHost: h\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head = readHead(in);
                assertEquals("HTTP/1.1 200 OK", head.substring(0, head.indexOf('\r')), "request " + i + ":\n" + head);
                assertEquals('k', in.read());
            }
        } finally {
            connector.close();
        }
        assertEquals(0, connector.metrics().rejectedTotal());
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed after " + head.toString(StandardCharsets.US_ASCII));
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}
