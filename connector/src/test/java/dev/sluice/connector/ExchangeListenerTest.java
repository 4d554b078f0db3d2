package dev.sluice.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Status;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every exchange that reached the handler is reported once, with the figures an access log needs. */
class ExchangeListenerTest {

    @Test
    void pipelinedExchangesAreReportedInOrderWithTheirFigures() throws Exception {
        List<ExchangeRecord> records = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch two = new java.util.concurrent.CountDownLatch(2);
        HttpConnector connector = HttpConnector.builder().host("127.0.0.1").port(0)
                .handler((request, response) -> {
                    response.setStatus(request.head().path().equals("/missing") ? Status.NOT_FOUND : Status.OK);
                    response.body().write("hello".getBytes(StandardCharsets.US_ASCII));
                })
                .exchangeListener(r -> {
                    records.add(r);
                    two.countDown();
                })
                .build();
        connector.start();
        try (Socket socket = new Socket("127.0.0.1", connector.localAddress().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /a?x=1 HTTP/1.1\r\nHost: h\r\n\r\n"
                    + "GET /missing HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            in.readAllBytes();
        } finally {
            assertTrue(two.await(10, TimeUnit.SECONDS), "exchanges not reported");
            connector.close();
        }
        assertEquals(2, records.size());
        ExchangeRecord first = records.get(0);
        ExchangeRecord second = records.get(1);
        assertEquals("/a?x=1", first.head().target());
        assertEquals(200, first.status());
        assertEquals(5, first.contentBytes());
        assertEquals(1, first.requestNumber());
        assertEquals(404, second.status());
        assertEquals(2, second.requestNumber());
        assertEquals(first.connectionId(), second.connectionId());
        assertEquals(0, second.queueNanos(), "a pipelined request waits in no queue");
        assertTrue(first.queueNanos() >= 0 && first.serviceNanos() > 0);
        assertEquals("127.0.0.1", first.remoteAddress().getAddress().getHostAddress());
        assertTrue(Math.abs(System.currentTimeMillis() - first.startedMillis()) < 60_000);
    }
}
