package dev.sluice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WrkResultTest {
    static String output(String p99, String errors, String non2xx) {
        return "Running 10s test @ http://127.0.0.1:18082/hello\n"
                + "  2 threads and 64 connections\n"
                + "  Thread Stats   Avg      Stdev     Max   +/- Stdev\n"
                + "    Latency     1.02ms    1.50ms  40.12ms   93.10%\n"
                + "    Req/Sec    30.12k     2.01k   35.00k    70.00%\n"
                + "  Latency Distribution\n"
                + "     50%  612.00us\n"
                + "     75%    1.00ms\n"
                + "     90%    2.10ms\n"
                + "     99%    " + p99 + "\n"
                + "  600123 requests in 10.00s, 70.00MB read\n"
                + errors + non2xx
                + "Requests/sec:  60012.34\n"
                + "Transfer/sec:      7.00MB\n";
    }

    @ParameterizedTest
    @CsvSource({"812.00us, 0.812", "7.50ms, 7.5", "1.20s, 1200", "1.50m, 90000"})
    void readsP99InAnyUnitAsMillis(String printed, double millis) {
        WrkResult result = WrkResult.parse(output(printed, "", ""));
        assertEquals(millis, result.p99Millis(), 1e-9);
        assertEquals(600123, result.requests());
        assertEquals(60012.34, result.requestsPerSecond(), 1e-9);
        assertEquals(0, result.socketErrors());
        assertEquals(0, result.non2xx());
    }

    @Test
    void sumsSocketErrorsAndCountsNon2xx() {
        WrkResult result = WrkResult.parse(output("5.00ms",
                "  Socket errors: connect 1, read 20, write 3, timeout 400\n",
                "  Non-2xx or 3xx responses: 17\n"));
        assertEquals(424, result.socketErrors());
        assertEquals(17, result.non2xx());
    }

    @Test
    void doesNotMistakeThe50thPercentileForP99() {
        WrkResult result = WrkResult.parse(output("9.99ms", "", ""));
        assertEquals(9.99, result.p99Millis(), 1e-9);
    }

    @Test
    void withoutLatencyDistributionP99IsNaN() {
        String text = output("1ms", "", "").replaceAll("(?s)  Latency Distribution.*?99%\\s+1ms\\n", "");
        assertTrue(Double.isNaN(WrkResult.parse(text).p99Millis()));
    }

    @Test
    void rejectsOutputOfARunThatDidNotFinish() {
        assertThrows(IllegalArgumentException.class,
                () -> WrkResult.parse("unable to connect to 127.0.0.1:18082 Connection refused\n"));
    }
}
