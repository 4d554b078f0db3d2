package dev.sluice.connector.internal;

import dev.sluice.core.IoCallback;
import dev.sluice.core.NonBlockingInput;
import dev.sluice.core.NonBlockingOutput;
import dev.sluice.core.UpgradedConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The raw byte streams of a connection after a 101: reads take the bytes already received after the upgrade
 * request first (in {@link Connection#in}), then the socket; writes go straight to the transport. Blocking reads
 * have no deadline (the new protocol keeps its own time); writes keep the write timeout.
 */
final class UpgradedChannel implements UpgradedConnection {
    private final Connection c;
    private final ConnectorContext ctx;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean awaitingRead = new AtomicBoolean();
    private final InputStream input = new RawInput();
    private final OutputStream output = new RawOutput();
    private final NonBlockingInput nonBlockingInput = new RawNonBlockingInput();
    private NonBlockingResponseBody nonBlockingOutput;
    private boolean eof;

    UpgradedChannel(Connection c, ConnectorContext ctx) {
        this.c = c;
        this.ctx = ctx;
    }

    /** Reads into {@link Connection#in} what the socket has, if it is empty. @return whether bytes are there */
    private boolean fillNow(boolean wait) throws IOException {
        ByteBuffer in = c.in;
        if (in != null && in.hasRemaining()) {
            return true;
        }
        if (eof) {
            return false;
        }
        if (in == null) {
            in = c.in = ctx.buffers.acquire();
        }
        in.clear();
        int n;
        try {
            n = wait ? c.transport.read(in, Long.MAX_VALUE) : c.transport.readNow(in);
        } finally {
            in.flip();
        }
        if (n < 0) {
            eof = true;
        }
        if (n == 0 && !wait && c.in == in) {
            // Nothing came: the buffer goes back to the pool, so an idle upgraded connection holds none.
            ctx.buffers.release(in);
            c.in = null;
        }
        return n > 0;
    }

    private int take(byte[] b, int off, int len) {
        ByteBuffer in = c.in;
        int n = Math.min(len, in.remaining());
        in.get(b, off, n);
        return n;
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public NonBlockingInput nonBlockingInput() {
        return nonBlockingInput;
    }

    @Override
    public synchronized NonBlockingOutput nonBlockingOutput() {
        if (nonBlockingOutput == null) {
            nonBlockingOutput = new NonBlockingResponseBody(c.transport, ctx);
        }
        return nonBlockingOutput;
    }

    @Override
    public void onClose(Runnable action) {
        c.onClose = action;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeWhenSent();
        }
    }

    /** Closes once held output is sent, waiting for it without a thread, up to the write timeout. */
    private void closeWhenSent() {
        boolean empty;
        try {
            empty = c.transport.flushHeld();
        } catch (IOException e) {
            empty = true;
        }
        if (empty) {
            c.owner.close(c);
            return;
        }
        long deadline = ctx.clock.millis() + ctx.limits.writeTimeout().toMillis();
        c.transport.awaitAsync(SelectionKey.OP_WRITE, deadline, new IoCallback() {
            @Override
            public void onReady() {
                closeWhenSent();
            }

            @Override
            public void onError(Throwable failure) {
                c.owner.close(c);
            }
        }, AsyncWaiter::writeTimeout, () -> { });
    }

    @Override
    public InetSocketAddress localAddress() {
        return c.transport.localAddress();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return c.remoteAddress();
    }

    private final class RawInput extends InputStream {
        private final byte[] one = new byte[1];

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            while (!fillNow(false)) {
                if (eof || fillNow(true)) {
                    break;
                }
            }
            return eof && !c.in.hasRemaining() ? -1 : take(b, off, len);
        }

        @Override
        public int available() {
            ByteBuffer in = c.in;
            return in == null ? 0 : in.remaining();
        }

        @Override
        public void close() {
            UpgradedChannel.this.close();
        }
    }

    private final class RawOutput extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (closed.get()) {
                throw new IOException("Connection closed");
            }
            c.transport.write(new ByteBuffer[] {ByteBuffer.wrap(b, off, len)}, 0, 1);
            ctx.stats.bytesOut.add(len);
        }

        @Override
        public void close() {
            UpgradedChannel.this.close();
        }
    }

    private final class RawNonBlockingInput implements NonBlockingInput {
        private IOException failure;

        @Override
        public boolean isReady() {
            try {
                return fillNow(false) || eof;
            } catch (IOException e) {
                failure = e;
                return true;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (failure != null) {
                throw failure;
            }
            if (fillNow(false)) {
                return take(b, off, len);
            }
            return eof ? -1 : 0;
        }

        @Override
        public boolean isFinished() {
            ByteBuffer in = c.in;
            return eof && (in == null || !in.hasRemaining());
        }

        @Override
        public void awaitReadable(IoCallback callback) {
            java.util.Objects.requireNonNull(callback, "callback");
            if (!awaitingRead.compareAndSet(false, true)) {
                throw new IllegalStateException("A read wait is already outstanding");
            }
            Runnable done = () -> awaitingRead.set(false);
            if (isReady()) {
                c.transport.runOnPool(() -> {
                    done.run();
                    callback.onReady();
                });
                return;
            }
            c.transport.awaitAsync(SelectionKey.OP_READ, Long.MAX_VALUE, callback, () -> null, done);
        }
    }
}
