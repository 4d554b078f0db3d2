package dev.sluice.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.junit.jupiter.api.Test;

/** Non-blocking writes over a loopback socket: nothing waits, nothing is lost or reordered. */
class WriteBacklogTest {
    @Test
    void writesNeverWaitAndEverythingArrivesInOrderOnceTheClientReads() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
             java.net.Socket client = new java.net.Socket()) {
            client.setReceiveBufferSize(8 * 1024);
            client.connect(server.getLocalAddress());
            try (SocketChannel channel = server.accept()) {
                channel.configureBlocking(false);
                channel.socket().setSendBufferSize(8 * 1024);
                WriteBacklog backlog = new WriteBacklog();
                Wire wire = new PlainWire(channel);
                int total = 4 << 20;
                int written = 0;
                int piece = 0;
                while (written < total) {
                    // gathering writes of two buffers, like head + content
                    byte[] a = pattern(written, 1000);
                    byte[] b = pattern(written + 1000, 31_000);
                    backlog.write(wire, new ByteBuffer[] {ByteBuffer.wrap(a), ByteBuffer.wrap(b)}, 0, 2);
                    written += a.length + b.length;
                    piece++;
                }
                assertFalse(backlog.isEmpty(), "the client read nothing: most of it is held");
                assertFalse(backlog.flush(wire), "still held");
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                InputStream in = client.getInputStream();
                byte[] buf = new byte[64 * 1024];
                while (got.size() < written) {
                    backlog.flush(wire);
                    int n = in.read(buf);
                    assertTrue(n > 0);
                    got.write(buf, 0, n);
                }
                assertTrue(backlog.flush(wire));
                assertTrue(backlog.isEmpty());
                byte[] all = got.toByteArray();
                assertEquals(written, all.length, piece + " pieces");
                for (int i = 0; i < all.length; i++) {
                    if (all[i] != (byte) (i % 253)) {
                        throw new AssertionError("wrong byte at " + i);
                    }
                }
            }
        }
    }

    /** maxWriteBacklog: a write made when nothing is held is taken whole; one made while held, past it, fails. */
    @Test
    void aWriteWhileOutputIsHeldPastMaxWriteBacklogFails() throws Exception {
        try (ServerSocketChannel server = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
             java.net.Socket client = new java.net.Socket()) {
            client.setReceiveBufferSize(8 * 1024);
            client.connect(server.getLocalAddress());
            try (SocketChannel channel = server.accept()) {
                channel.configureBlocking(false);
                channel.socket().setSendBufferSize(8 * 1024);
                WriteBacklog backlog = new WriteBacklog(64 * 1024);
                Wire wire = new PlainWire(channel);
                backlog.write(wire, new ByteBuffer[] {ByteBuffer.wrap(pattern(0, 1 << 20))}, 0, 1);
                assertFalse(backlog.isEmpty(), "1 MiB taken although over 64 KiB: nothing was held before it");
                java.io.IOException full = org.junit.jupiter.api.Assertions.assertThrows(
                        WriteBacklogFullException.class,
                        () -> backlog.write(wire, new ByteBuffer[] {ByteBuffer.wrap(new byte[1])}, 0, 1));
                assertEquals("More than 65536 response bytes held for a client that is not reading"
                        + " (maxWriteBacklog)", full.getMessage());
            }
        }
    }

    private static byte[] pattern(int offset, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) ((offset + i) % 253);
        }
        return b;
    }
}
