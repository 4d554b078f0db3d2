package dev.sluice.connector.internal;

import dev.sluice.bench.SluiceMain;
import dev.sluice.core.Headers;
import dev.sluice.core.HttpVersion;
import dev.sluice.core.Limits;
import dev.sluice.core.Method;
import dev.sluice.core.RequestHead;
import dev.sluice.core.Status;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The connector's response side without a socket. Lives in the connector's internal package (on the class path,
 * not a module) because the classes it measures are package-private.
 *
 * <ul>
 *   <li>{@code encodeHead}: {@link HeadEncoder} writing the head of the hello response (status line, Date,
 *       Server, Content-Type, Content-Length) into a reused buffer.
 *   <li>{@code exchange}: everything a worker does for one parsed hello request, minus socket I/O: a new
 *       exchange, the core handler of SluiceMain, commit and framing, the head, one gathering write to an
 *       in-memory transport that discards it, the stats, and the keep-alive hand-back.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ResponseWriterBenchmark {
    private ByteBuffer headBuffer;
    private String date;
    private Http1Processor processor;
    private Connection connection;
    private RequestHead hello;
    private DiscardingTransport transport;

    @Setup
    public void setUp() throws IOException {
        headBuffer = ByteBuffer.allocate(1024);
        ConnectorContext ctx = new ConnectorContext(Limits.DEFAULTS, Clock.systemUTC(), "Sluice",
                new SluiceMain.HelloHandler(0), new ConnectorStats());
        date = ctx.date.now();
        processor = new Http1Processor(ctx);
        transport = new DiscardingTransport();
        connection = new Connection(1, transport, ctx.newParser(), new IdleOwner());
        hello = RequestHead.of(Method.GET, "/hello", HttpVersion.HTTP_1_1,
                new Headers().add("Host", "127.0.0.1:18183"));
        exchange();
        if (transport.bytes == 0) {
            throw new IllegalStateException("the exchange wrote nothing");
        }
    }

    @Benchmark
    public ByteBuffer encodeHead() {
        headBuffer.clear();
        return new HeadEncoder(headBuffer).statusLine(Status.OK)
                .field("Date", date)
                .field("Server", "Sluice")
                .field("Content-Type", "text/plain")
                .field("Content-Length", 13)
                .finish();
    }

    @Benchmark
    public long exchange() {
        connection.requests = 0; // stay below maxKeepAliveRequests: every response keeps the connection
        processor.serve(connection, hello, 0);
        return transport.bytes;
    }

    /** Accepts every write at once and forgets it; there is never anything to read. */
    static final class DiscardingTransport implements Transport {
        long bytes;

        @Override
        public int read(ByteBuffer dst, long deadlineMillis) {
            return -1;
        }

        @Override
        public int readNow(ByteBuffer dst) {
            return -1;
        }

        @Override
        public void write(ByteBuffer[] srcs, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                bytes += srcs[i].remaining();
                srcs[i].position(srcs[i].limit());
            }
        }

        @Override
        public InetSocketAddress localAddress() {
            return new InetSocketAddress("127.0.0.1", 18183);
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return new InetSocketAddress("127.0.0.1", 40000);
        }
    }

    /** Takes the connection back after each response and does nothing with it. */
    static final class IdleOwner implements ConnectionOwner {
        @Override
        public void resume(Connection c) {
        }

        @Override
        public void dispatch(Connection c) {
        }

        @Override
        public void linger(Connection c) {
            throw new IllegalStateException("the hello response must keep the connection");
        }

        @Override
        public void close(Connection c) {
            throw new IllegalStateException("the hello exchange must not fail");
        }
    }
}
