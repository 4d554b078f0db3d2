package dev.sluice.bench.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.core.RequestHead;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The benchmark must parse a whole head each time, with the parser reused as on a connection. */
class RequestHeadParserBenchmarkTest {
    @ParameterizedTest
    @CsvSource({"wrk, /hello, 1, 46", "browser, /shop/orders/12345, 8, 413"})
    void parsesTheWholeHeadEveryTime(String head, String path, int fields, int bytes) {
        RequestHeadParserBenchmark benchmark = new RequestHeadParserBenchmark();
        benchmark.head = head;
        benchmark.setUp();
        for (int i = 0; i < 3; i++) {
            RequestHead parsed = benchmark.parse();
            assertEquals(path, parsed.path());
            assertEquals(fields, parsed.headers().size());
        }
        String text = "wrk".equals(head) ? RequestHeadParserBenchmark.WRK : RequestHeadParserBenchmark.BROWSER;
        assertEquals(bytes, text.getBytes(StandardCharsets.ISO_8859_1).length);
    }
}
