package dev.sluice.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.core.Limits;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The final close of a connection over a real loopback channel, without selector or worker threads. */
class ConnectionCloserTest {

    /**
     * Issue 14: anything that waits for the open count to drop (a test, the status page, a drain) must find the
     * slot free and the connection's figures recorded. The figures are recorded in the same call that publishes
     * {@code open--} (ConnectorStats.connectionClosed), just before it; the slot is checked here.
     */
    @Test
    void theSlotIsFreeBeforeTheOpenCountDrops() throws Exception {
        ConnectorStats stats = new ConnectorStats();
        ConnectorContext ctx = new ConnectorContext(Limits.DEFAULTS, Clock.systemUTC(), "Sluice",
                (req, res) -> { }, stats);
        List<String> seenAtSlotRelease = new ArrayList<>();
        ConnectionSlots slots = new ConnectionSlots(1) {
            @Override
            void release() {
                seenAtSlotRelease.add("open=" + stats.openConnections());
                super.release();
            }
        };
        WorkerPool pool = new WorkerPool("closer-test", 1, 0);
        try (ServerSocketChannel server = ServerSocketChannel.open();
             Selector selector = Selector.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            try (SocketChannel client = SocketChannel.open(server.getLocalAddress());
                 SocketChannel accepted = server.accept()) {
                assertEquals(true, slots.tryAcquire());
                stats.open.incrementAndGet();
                stats.idle.incrementAndGet();
                accepted.configureBlocking(false);
                NioTransport transport = new NioTransport(new PlainWire(accepted), null, Clock.systemUTC(), 1_000);
                Connection c = new Connection(1, transport, ctx.newParser(), null);
                transport.connection = c;
                c.holdsSlot = true;
                c.requests = 3;
                c.key = accepted.register(selector, SelectionKey.OP_READ, c);
                new ConnectionCloser(ctx, slots, ByteBuffer.allocate(1024), pool).closeNow(c);

                assertEquals(List.of("open=1"), seenAtSlotRelease, "slot freed while still counted open");
                assertEquals(0, stats.openConnections());
                assertEquals(0, stats.idleConnections());
                assertEquals(1, stats.requestsPerConnection().getTotalCount());
                assertEquals(3, stats.requestsPerConnection().getMaxValue());
                assertEquals(1, slots.available());
                assertEquals(-1, client.read(ByteBuffer.allocate(1)), "the client sees the close");
            }
        } finally {
            pool.shutdown(1_000);
        }
    }
}
