package dev.sluice.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The benchmarks must measure the real hello response, not an error path. */
class ResponseWriterBenchmarkTest {
    @Test
    void encodeHeadWritesTheHelloHead() throws Exception {
        ResponseWriterBenchmark benchmark = new ResponseWriterBenchmark();
        benchmark.setUp();
        ByteBuffer head = benchmark.encodeHead();
        String text = StandardCharsets.ISO_8859_1.decode(head).toString();
        assertEquals("HTTP/1.1 200 OK\r\n", text.substring(0, 17));
        assertEquals("\r\nServer: Sluice\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\n",
                text.substring(17 + 35));
    }

    @Test
    void eachExchangeWritesOneWholeKeepAliveHelloResponse() throws Exception {
        ResponseWriterBenchmark benchmark = new ResponseWriterBenchmark();
        benchmark.setUp();
        long before = benchmark.exchange();
        long after = benchmark.exchange();
        // status line 17, Date 37, Server 16, Content-Type 26, Content-Length 20, empty line 2, content 13
        assertEquals(131, after - before);
    }
}
