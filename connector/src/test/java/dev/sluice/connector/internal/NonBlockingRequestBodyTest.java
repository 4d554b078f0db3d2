package dev.sluice.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.BodyFraming;
import dev.sluice.core.Headers;
import dev.sluice.core.HttpException;
import dev.sluice.core.IoCallback;
import dev.sluice.core.Limits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@link NonBlockingRequestBody} over a scripted transport: chunked content split at every offset is read whole
 * through isReady/read, with waits registered only when nothing decodable is there; the wait carries the
 * minBodyRate deadline and fails with 408; a ready body calls back through the pool, never inline.
 */
class NonBlockingRequestBodyTest {
    private static final String CHUNKED = "5\r\nHello\r\n1;ext=x\r\n \r\n5\r\nWorld\r\n0\r\nX-T: 1\r\n\r\n";

    /** Input arrives in the pieces a test puts in; nothing blocks; waits and pool tasks are recorded. */
    static final class ScriptedTransport implements Transport {
        final Deque<byte[]> pieces = new ArrayDeque<>();
        final List<Runnable> pool = new ArrayList<>();
        final List<Long> waitDeadlines = new ArrayList<>();
        Supplier<? extends Throwable> lastTimeout;
        boolean eof;

        @Override
        public int read(ByteBuffer dst, long deadlineMillis) {
            throw new AssertionError("a non-blocking body must never wait");
        }

        @Override
        public int readNow(ByteBuffer dst) {
            byte[] next = pieces.poll();
            if (next == null) {
                return eof ? -1 : 0;
            }
            dst.put(next);
            return next.length;
        }

        @Override
        public void write(ByteBuffer[] srcs, int offset, int length) {
            throw new AssertionError("nothing to write");
        }

        @Override
        public void awaitAsync(int op, long deadlineMillis, IoCallback callback,
                               Supplier<? extends Throwable> timeout, Runnable before) {
            assertEquals(SelectionKey.OP_READ, op);
            waitDeadlines.add(deadlineMillis);
            lastTimeout = timeout;
            pool.add(before); // what the selector would do on readiness: clear the flag first
        }

        @Override
        public void runOnPool(Runnable task) {
            pool.add(task);
        }

        @Override
        public InetSocketAddress localAddress() {
            return new InetSocketAddress("127.0.0.1", 8080);
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress("127.0.0.1", 50000);
        }
    }

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    private static NonBlockingRequestBody body(ScriptedTransport t, Limits limits) {
        ConnectorContext ctx = new ConnectorContext(limits, CLOCK, "Sluice", (req, res) -> { }, new ConnectorStats());
        Connection c = new Connection(1, t, ctx.newParser(), null);
        ExpectContinue expect = new ExpectContinue(false, c, ctx, () -> false);
        RequestBody body = new RequestBody(c, ctx, BodyFraming.CHUNKED, expect, new Headers(2));
        return new NonBlockingRequestBody(body, t);
    }

    @Test
    void chunkedContentSplitAtEveryOffsetIsReadWhole() throws IOException {
        byte[] all = CHUNKED.getBytes(StandardCharsets.ISO_8859_1);
        for (int split = 1; split < all.length; split++) {
            ScriptedTransport t = new ScriptedTransport();
            NonBlockingRequestBody in = body(t, Limits.DEFAULTS);
            t.pieces.add(java.util.Arrays.copyOfRange(all, 0, split));
            t.pieces.add(java.util.Arrays.copyOfRange(all, split, all.length));
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[2];
            int notReady = 0;
            while (!in.isFinished()) {
                if (!in.isReady()) {
                    notReady++;
                    assertTrue(notReady < 10, "no progress at split " + split);
                    continue;
                }
                int n = in.read(buf, 0, buf.length);
                if (n < 0) {
                    break;
                }
                got.write(buf, 0, n);
            }
            assertEquals("Hello World", got.toString(StandardCharsets.ISO_8859_1), "split at " + split);
            assertTrue(in.isFinished(), "split at " + split);
            assertEquals(-1, in.read(buf, 0, 2), "split at " + split);
        }
    }

    @Test
    void readReturnsZeroWhenOnlyFramingHasArrived() throws IOException {
        ScriptedTransport t = new ScriptedTransport();
        NonBlockingRequestBody in = body(t, Limits.DEFAULTS);
        t.pieces.add("5\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertFalse(in.isReady());
        assertEquals(0, in.read(new byte[8], 0, 8));
        assertFalse(in.isFinished());
    }

    @Test
    void readyBodyCallsBackThroughThePoolNeverInline() {
        ScriptedTransport t = new ScriptedTransport();
        NonBlockingRequestBody in = body(t, Limits.DEFAULTS);
        t.pieces.add("3\r\nabc\r\n".getBytes(StandardCharsets.ISO_8859_1));
        int[] ready = {0};
        in.awaitReadable(callback(ready, null));
        assertEquals(0, ready[0], "not on the caller's stack");
        assertTrue(t.waitDeadlines.isEmpty(), "no selector wait when ready");
        t.pool.forEach(Runnable::run);
        assertEquals(1, ready[0]);
    }

    @Test
    void waitCarriesTheMinBodyRateDeadlineAndTimesOutWith408() {
        ScriptedTransport t = new ScriptedTransport();
        NonBlockingRequestBody in = body(t, Limits.builder().minBodyRate(240).build());
        in.awaitReadable(callback(new int[1], null));
        assertEquals(List.of(CLOCK.millis() + RequestBody.RATE_GRACE_MILLIS), t.waitDeadlines);
        assertThrows(IllegalStateException.class, () -> in.awaitReadable(callback(new int[1], null)),
                "one outstanding wait at a time");
        t.pool.forEach(Runnable::run); // the wait ended: a new one may be registered
        t.pool.clear();
        in.awaitReadable(callback(new int[1], null));
        assertEquals(2, t.waitDeadlines.size());
        Throwable timeout = t.lastTimeout.get(); // what the selector reports when the deadline passes
        assertTrue(timeout instanceof HttpException e && e.status().code() == 408, String.valueOf(timeout));
        assertTrue(in.isReady(), "a timed-out body is failed: read throws at once");
        assertThrows(IOException.class, () -> in.read(new byte[4], 0, 4));
    }

    @Test
    void clientGoneBeforeTheEndIsAFailureReadThrows() {
        ScriptedTransport t = new ScriptedTransport();
        NonBlockingRequestBody in = body(t, Limits.DEFAULTS);
        t.pieces.add("5\r\nab".getBytes(StandardCharsets.ISO_8859_1));
        t.eof = true;
        byte[] buf = new byte[8];
        assertTrue(in.isReady());
        assertThrows(IOException.class, () -> {
            while (true) {
                in.isReady();
                if (in.read(buf, 0, 8) < 0) {
                    return;
                }
            }
        });
    }

    private static IoCallback callback(int[] ready, List<Throwable> errors) {
        return new IoCallback() {
            @Override
            public void onReady() {
                ready[0]++;
            }

            @Override
            public void onError(Throwable failure) {
                errors.add(failure);
            }
        };
    }
}
