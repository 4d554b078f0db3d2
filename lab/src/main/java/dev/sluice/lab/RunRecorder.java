package dev.sluice.lab;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Where every worker thread reports what happened; thread-safe. Events that end before the warm-up is over
 * are tallied apart and kept out of the histograms. Latencies and times to first byte are recorded in
 * microseconds.
 */
final class RunRecorder {
    /** Latencies above an hour are clamped: no run lasts that long. */
    static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

    private final long measureFromNanos;
    private final AtomicLongArray measured = new AtomicLongArray(Count.values().length);
    private final AtomicLongArray warmup = new AtomicLongArray(Count.values().length);
    private final Recorder latency = new Recorder(HIGHEST_MICROS, 3);
    private final Recorder ttfb = new Recorder(HIGHEST_MICROS, 3);
    /** Latency of 2xx responses only: the requests the server admitted, without the fast 503s. */
    private final Recorder okLatency = new Recorder(HIGHEST_MICROS, 3);

    RunRecorder(long measureFromNanos) {
        this.measureFromNanos = measureFromNanos;
    }

    long measureFromNanos() {
        return measureFromNanos;
    }

    void count(Count c, long n, long atNanos) {
        if (n > 0) {
            (atNanos - measureFromNanos < 0 ? warmup : measured).addAndGet(c.ordinal(), n);
        }
    }

    /**
     * A complete response. Latency runs from {@code startNanos} (the intended send time in the open loop, the
     * actual one in the closed loop) to {@code endNanos}; time to first byte runs from the actual send.
     */
    void response(ResponseReader.Response r, long startNanos, long sentNanos, long endNanos) {
        Count c = statusCount(r.status());
        boolean inWarmup = endNanos - measureFromNanos < 0;
        AtomicLongArray tally = inWarmup ? warmup : measured;
        tally.incrementAndGet(c.ordinal());
        if (c == Count.SHED_503 && r.retryAfter()) {
            tally.incrementAndGet(Count.RETRY_AFTER_503.ordinal());
        }
        if (!inWarmup) {
            latency.recordValue(micros(endNanos - startNanos));
            if (c == Count.OK_2XX) {
                okLatency.recordValue(micros(endNanos - startNanos));
            }
            ttfb.recordValue(micros(r.firstByteNanos() - sentNanos));
        }
    }

    static Count statusCount(int status) {
        if (status >= 200 && status < 300) {
            return Count.OK_2XX;
        }
        return status == 503 ? Count.SHED_503 : Count.OTHER_STATUS;
    }

    /** What a failed connect means. */
    static Count connectFailure(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return Count.CONNECT_TIMEOUT;
        }
        return e instanceof ConnectException ? Count.REFUSED : Count.RESET;
    }

    /** What a failure after the connection was made means. */
    static Count exchangeFailure(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return Count.READ_TIMEOUT;
        }
        if (e instanceof ResponseReader.UnansweredException) {
            return Count.CLOSED;
        }
        if (e instanceof ResponseReader.BadResponseException) {
            return Count.BAD_RESPONSE;
        }
        return Count.RESET;
    }

    static long micros(long nanos) {
        return Math.min(HIGHEST_MICROS, Math.max(1, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }

    Counts measured() {
        return Counts.of(measured);
    }

    Counts warmup() {
        return Counts.of(warmup);
    }

    /** Latencies recorded since the previous call; the histogram given back may be passed in again. */
    Histogram latencyInterval(Histogram recycle) {
        return latency.getIntervalHistogram(recycle);
    }

    Histogram okLatencyInterval(Histogram recycle) {
        return okLatency.getIntervalHistogram(recycle);
    }

    Histogram ttfbInterval(Histogram recycle) {
        return ttfb.getIntervalHistogram(recycle);
    }
}
