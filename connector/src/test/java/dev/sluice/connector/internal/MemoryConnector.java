package dev.sluice.connector.internal;

import dev.sluice.core.Handler;
import dev.sluice.core.HttpException;
import dev.sluice.core.Limits;
import dev.sluice.core.RequestHead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The connector without sockets or threads, for tests: request bytes in, response bytes out. It plays the
 * selector loop's part (feed bytes to the head parser, answer parse errors with the canned response, hand complete
 * heads to the processor) and runs the production {@link Http1Processor} on the calling thread.
 *
 * <p>Input arrives in the segments given; a read finding no segment left times out at once (a client that
 * stalls) unless {@link #endOfInput} was set, in which case it sees end of stream.
 */
final class MemoryConnector implements ConnectionOwner {
    enum State { READING, LINGERING, CLOSED }

    final ConnectorContext ctx;
    final Http1Processor processor;
    private final MemoryTransport transport = new MemoryTransport();
    private final Connection connection;
    private State state = State.READING;
    boolean endOfInput;

    MemoryConnector(Limits limits, Clock clock, Handler handler) {
        this.ctx = new ConnectorContext(limits, clock, "Sluice", handler, new ConnectorStats());
        this.processor = new Http1Processor(ctx);
        this.connection = new Connection(1, transport, ctx.newParser(), this);
        connection.task = () -> processor.runQueued(connection);
    }

    /** Sends {@code segments} one after another and returns everything written back so far. */
    String send(String... segments) {
        for (String s : segments) {
            transport.input.add(ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1)));
        }
        pump();
        return output();
    }

    String output() {
        return transport.output.toString(StandardCharsets.ISO_8859_1);
    }

    /** Write calls made on the transport so far. */
    int writes() {
        return transport.writes;
    }

    State state() {
        return state;
    }

    /** What the selector loop does while it owns the connection. */
    private void pump() {
        while (state == State.READING && !transport.input.isEmpty()) {
            ByteBuffer segment = transport.input.poll();
            RequestHead head;
            try {
                head = connection.parser.parse(segment);
            } catch (HttpException e) {
                write(CannedResponse.build(e.status(), e.getMessage(), -1, ctx.date.now(), ctx.serverName, true));
                state = State.LINGERING;
                return;
            }
            if (segment.hasRemaining()) {
                // as the selector does: the body or the next request, already read, waits in the connection
                connection.in = ctx.buffers.acquire();
                connection.in.put(segment).flip();
            }
            if (head != null) {
                connection.pendingHead = head;
                dispatch(connection);
            }
        }
    }

    private void write(ByteBuffer b) {
        transport.write(new ByteBuffer[] {b}, 0, 1);
    }

    @Override
    public void resume(Connection c) {
        state = State.READING;
    }

    @Override
    public void dispatch(Connection c) {
        state = State.READING;
        c.queuedAtMillis = ctx.clock.millis();
        c.queuedAtNanos = System.nanoTime();
        c.run();
    }

    @Override
    public void linger(Connection c) {
        state = State.LINGERING;
    }

    @Override
    public void close(Connection c) {
        state = State.CLOSED;
    }

    /** Bytes in memory. */
    final class MemoryTransport implements Transport {
        final Deque<ByteBuffer> input = new ArrayDeque<>();
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        int writes;

        @Override
        public int read(ByteBuffer dst, long deadlineMillis) throws IOException {
            int n = readNow(dst);
            if (n == 0) {
                throw new SocketTimeoutException("no more input");
            }
            return n;
        }

        @Override
        public int readNow(ByteBuffer dst) {
            ByteBuffer next = input.peek();
            if (next == null) {
                return endOfInput ? -1 : 0;
            }
            int n = Math.min(dst.remaining(), next.remaining());
            ByteBuffer slice = next.slice();
            slice.limit(n);
            dst.put(slice);
            next.position(next.position() + n);
            if (!next.hasRemaining()) {
                input.poll();
            }
            return n;
        }

        @Override
        public void write(ByteBuffer[] srcs, int offset, int length) {
            writes++;
            for (int i = offset; i < offset + length; i++) {
                ByteBuffer b = srcs[i];
                byte[] bytes = new byte[b.remaining()];
                b.get(bytes);
                output.write(bytes, 0, bytes.length);
            }
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
}
