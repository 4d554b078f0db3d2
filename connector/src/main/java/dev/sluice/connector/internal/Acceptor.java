package dev.sluice.connector.internal;

import dev.sluice.core.Limits;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * Accepts connections on a blocking server channel and deals them round-robin to the selector loops. At
 * maxConnections it either accepts and lets the loop answer 503 (policy reject) or stops accepting until a
 * connection closes, leaving new clients in the OS backlog (policy backlog).
 */
final class Acceptor implements Runnable {
    private static final System.Logger LOG = System.getLogger(Acceptor.class.getName());

    private final ServerSocketChannel server;
    private final SelectorLoop[] loops;
    private final ConnectionSlots slots;
    private final ConnectorContext ctx;
    /** The TLS side of an HTTPS listener, or null for plain HTTP. */
    private final TlsContext tls;
    private final Thread thread;
    private volatile boolean running = true;

    Acceptor(String name, ServerSocketChannel server, SelectorLoop[] loops, ConnectionSlots slots,
             ConnectorContext ctx, TlsContext tls) {
        this.tls = tls;
        this.server = server;
        this.loops = loops;
        this.slots = slots;
        this.ctx = ctx;
        this.thread = new Thread(this, name + "-acceptor");
    }

    void start() {
        thread.start();
    }

    @Override
    public void run() {
        boolean backlog = ctx.limits.connectionPolicy() == Limits.ConnectionPolicy.BACKLOG;
        while (running) {
            boolean holdsSlot = false;
            SocketChannel channel = null;
            try {
                if (backlog) {
                    slots.acquire();
                    holdsSlot = true;
                }
                channel = server.accept();
                if (!backlog) {
                    holdsSlot = slots.tryAcquire();
                }
                channel.configureBlocking(false);
                channel.socket().setTcpNoDelay(true);
            } catch (InterruptedException | ClosedChannelException e) {
                if (holdsSlot) {
                    slots.release();
                }
                closeQuietly(channel);
                break;
            } catch (IOException e) {
                if (holdsSlot) {
                    slots.release();
                }
                closeQuietly(channel);
                if (running) {
                    LOG.log(System.Logger.Level.WARNING, "Accept failed: " + e);
                    pause(); // e.g. out of file descriptors: do not spin
                }
                continue;
            }
            ctx.stats.accepted.increment();
            ctx.stats.open.incrementAndGet();
            long id = ctx.connectionIds.incrementAndGet(); // shared by the HTTP and HTTPS acceptors
            loops[(int) (id % loops.length)].register(channel, id, holdsSlot, tls);
        }
    }

    /** Stops accepting: closes the server channel so that the OS refuses new clients. */
    void stop() throws InterruptedException {
        running = false;
        closeQuietly(server);
        thread.interrupt();
        thread.join(5_000);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
