package dev.sluice.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pure accounting: counts, classification, warm-up split, intervals that add up to totals. */
class AccountingTest {
    private static final long SEC = TimeUnit.SECONDS.toNanos(1);
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private static ResponseReader.Response response(int status, boolean retryAfter, long firstByte) {
        return new ResponseReader.Response(status, retryAfter, true, 0, firstByte);
    }

    @ParameterizedTest
    @CsvSource({"200,OK_2XX", "204,OK_2XX", "299,OK_2XX", "503,SHED_503", "500,OTHER_STATUS", "404,OTHER_STATUS",
            "302,OTHER_STATUS", "101,OTHER_STATUS"})
    void statusesAreClassified(int status, Count expected) {
        assertEquals(expected, RunRecorder.statusCount(status));
    }

    @Test
    void failuresAreClassified() {
        assertEquals(Count.REFUSED, RunRecorder.connectFailure(new ConnectException("Connection refused")));
        assertEquals(Count.CONNECT_TIMEOUT, RunRecorder.connectFailure(new SocketTimeoutException("connect")));
        assertEquals(Count.READ_TIMEOUT, RunRecorder.exchangeFailure(new SocketTimeoutException("read")));
        assertEquals(Count.RESET, RunRecorder.exchangeFailure(new SocketException("Connection reset")));
        assertEquals(Count.CLOSED, RunRecorder.exchangeFailure(new ResponseReader.UnansweredException()));
        assertEquals(Count.BAD_RESPONSE, RunRecorder.exchangeFailure(new ResponseReader.BadResponseException("x")));
        assertEquals(Count.RESET, RunRecorder.exchangeFailure(new IOException("Broken pipe")));
    }

    @Test
    void warmupEventsAreTalliedApartAndKeptOutOfHistograms() {
        long t0 = 1_000 * SEC;
        RunRecorder rec = new RunRecorder(t0);
        rec.response(response(200, false, t0 - 2 * MS), t0 - 5 * MS, t0 - 5 * MS, t0 - 1 * MS);
        rec.response(response(503, true, t0 - 2 * MS), t0 - 5 * MS, t0 - 5 * MS, t0 - 1);
        rec.response(response(503, true, t0 + 2 * MS), t0, t0 + MS, t0 + 3 * MS);
        rec.response(response(503, false, t0 + 2 * MS), t0, t0 + MS, t0 + 3 * MS);
        rec.response(response(200, false, t0 + 4 * MS), t0, t0 + MS, t0 + 10 * MS);
        rec.count(Count.CONNECTIONS_OPENED, 3, t0 - 1);
        rec.count(Count.CONNECTIONS_OPENED, 2, t0);
        rec.count(Count.REFUSED, 0, t0);

        Counts warm = rec.warmup();
        assertEquals(1, warm.get(Count.OK_2XX));
        assertEquals(1, warm.get(Count.SHED_503));
        assertEquals(1, warm.get(Count.RETRY_AFTER_503));
        assertEquals(3, warm.get(Count.CONNECTIONS_OPENED));

        Counts measured = rec.measured();
        assertEquals(1, measured.get(Count.OK_2XX));
        assertEquals(2, measured.get(Count.SHED_503));
        assertEquals(1, measured.get(Count.RETRY_AFTER_503), "only one of the measured 503s had Retry-After");
        assertEquals(3, measured.responses());
        assertEquals(2, measured.get(Count.CONNECTIONS_OPENED));
        assertEquals(2.0 / 3, measured.shedRate(), 1e-9);

        IntervalSampler sampler = new IntervalSampler(rec);
        sampler.sample(t0 + SEC);
        assertEquals(3, sampler.latencyTotal().getTotalCount(), "warm-up latencies are not in the histogram");
        // latency from start, first byte from the actual send: 3 ms, 3 ms, 10 ms and 1 ms, 1 ms, 3 ms
        assertEquals(10_000, sampler.latencyTotal().getMaxValue(), 10);
        assertEquals(3_000, sampler.latencyTotal().getValueAtPercentile(50), 3);
        assertEquals(3_000, sampler.ttfbTotal().getMaxValue(), 3);
        assertEquals(1_000, sampler.ttfbTotal().getMinValue(), 1);
    }

    @Test
    void intervalsAddUpToTheTotals() {
        long t0 = 50 * SEC;
        RunRecorder rec = new RunRecorder(t0);
        IntervalSampler sampler = new IntervalSampler(rec);
        int[] perSecond = {5, 0, 7, 3};
        long now = t0;
        for (int s = 0; s < perSecond.length; s++) {
            for (int i = 0; i < perSecond[s]; i++) {
                long at = now + i * MS;
                rec.response(response(i % 3 == 0 ? 503 : 200, i % 2 == 0, at), at - (s + 1) * MS, at - MS, at);
                rec.count(Count.RESET, 1, at);
            }
            now += SEC;
            sampler.sample(now);
        }
        List<Interval> intervals = sampler.intervals();
        assertEquals(4, intervals.size());
        Counts sum = Counts.ZERO;
        long histogramSum = 0;
        for (int s = 0; s < 4; s++) {
            Interval in = intervals.get(s);
            assertEquals(s, in.second());
            assertEquals(1.0, in.seconds(), 1e-9);
            assertEquals(perSecond[s], in.counts().responses());
            assertEquals(perSecond[s], in.counts().get(Count.RESET));
            sum = sum.plus(in.counts());
        }
        assertEquals(sum, sampler.total());
        assertEquals(sum, rec.measured());
        assertEquals(15, sampler.latencyTotal().getTotalCount());
        assertEquals(4.0, intervals.get(3).maxMillis(), 0.01, "second 3 latencies were 4 ms");
        assertEquals(0.0, intervals.get(1).p99Millis(), "an empty second has no latency");
        assertEquals(30, sum.finished(), "15 responses and 15 resets");
        assertEquals(15, sum.transportErrors());
    }

    @Test
    void countsArithmetic() {
        long[] a = new long[Count.values().length];
        a[Count.OK_2XX.ordinal()] = 10;
        a[Count.SHED_503.ordinal()] = 5;
        a[Count.OTHER_STATUS.ordinal()] = 5;
        a[Count.ABANDONED.ordinal()] = 2;
        a[Count.SENT.ordinal()] = 22;
        Counts c = Counts.of(a);
        assertEquals(20, c.responses());
        assertEquals(22, c.finished());
        assertEquals(0.25, c.shedRate(), 1e-9);
        assertEquals(Counts.ZERO, c.minus(c));
        assertEquals(c, Counts.ZERO.plus(c));
        assertEquals(0, Counts.ZERO.shedRate());
        assertThrows(IllegalArgumentException.class, () -> Counts.of(1, 2));
    }

    @Test
    void mixPicksByWeight() {
        RequestMix mix = RequestMix.parse("/a:3, /b, /c?x=1:2");
        assertEquals(List.of(new RequestMix.Entry("/a", 3), new RequestMix.Entry("/b", 1),
                new RequestMix.Entry("/c?x=1", 2)), mix.entries());
        assertEquals(6, mix.totalWeight());
        int[] expected = {0, 0, 0, 1, 2, 2};
        for (int draw = 0; draw < 6; draw++) {
            assertEquals(expected[draw], mix.indexFor(draw), "draw " + draw);
        }
        assertThrows(IllegalArgumentException.class, () -> RequestMix.parse("a:1"));
        assertThrows(IllegalArgumentException.class, () -> RequestMix.parse("/a:0"));
        assertThrows(IllegalArgumentException.class, () -> RequestMix.parse("/a b"));
        assertThrows(IllegalArgumentException.class, () -> RequestMix.parse(" , "));
    }

    @ParameterizedTest
    @CsvSource({
            "false,true,GET /p HTTP/1.1|Host: h:1|User-Agent: sluice-lab||",
            "false,false,GET /p HTTP/1.1|Host: h:1|User-Agent: sluice-lab|Connection: close||",
            "true,true,GET /p HTTP/1.0|Host: h:1|User-Agent: sluice-lab|Connection: keep-alive||",
            "true,false,GET /p HTTP/1.0|Host: h:1|User-Agent: sluice-lab||"})
    void requestsAskForPersistenceAsRfc9112Reads(boolean http10, boolean keepAlive, String lines) {
        String wire = new String(RequestEncoder.encode("GET", "/p", "h:1", http10, keepAlive),
                StandardCharsets.US_ASCII);
        assertEquals(lines.replace("|", "\r\n"), wire);
    }

    @Test
    void configRefusesRemoteTargetsAndBadCombinations() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunConfig.builder().host("192.0.2.1").build());
        assertTrue(e.getMessage().contains("--allow-remote"), e.getMessage());
        assertEquals("192.0.2.1", RunConfig.builder().host("192.0.2.1").allowRemote(true).build()
                .target().getAddress().getHostAddress());
        assertTrue(RunConfig.builder().host("localhost").build().target().getAddress().isLoopbackAddress());
        assertThrows(IllegalArgumentException.class, () -> RunConfig.builder().keepAlive(false).pipeline(2).build());
        assertThrows(IllegalArgumentException.class,
                () -> RunConfig.builder().model(RunConfig.Model.OPEN).pipeline(2).build());
        assertThrows(IllegalArgumentException.class, () -> RunConfig.builder().connections(0).build());
        assertThrows(IllegalArgumentException.class,
                () -> RunConfig.builder().duration(java.time.Duration.ZERO).build());
    }
}
