package dev.sluice.servlet.internal.upgrade;

import dev.sluice.core.UpgradedConnection;
import dev.sluice.servlet.internal.async.ReadListenerDriver;
import dev.sluice.servlet.internal.async.SerialCallbacks;
import dev.sluice.servlet.internal.async.WriteListenerDriver;
import dev.sluice.servlet.internal.component.AppScope;
import dev.sluice.servlet.internal.component.Lifecycle;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link WebConnection} of an upgraded connection: its streams are the raw connection, blocking until a
 * ReadListener or WriteListener is set, non-blocking afterwards (same drivers as for async requests). init,
 * destroy and all listener callbacks run one at a time with the webapp's class loader. Closing the connection,
 * the output stream, or the client going away ends with {@code destroy()}, exactly once.
 */
public final class WebConnectionImpl implements WebConnection {
    private static final Logger LOG = Logger.getLogger("dev.sluice.servlet");

    private final UpgradedConnection connection;
    private final AppScope app;
    private final HttpUpgradeHandler handler;
    private final UpgradedConnections registry;
    private final SerialCallbacks callbacks;
    private final AtomicBoolean destroyed = new AtomicBoolean();
    private final Input input = new Input();
    private final Output output = new Output();

    private WebConnectionImpl(AppScope app, UpgradedConnections registry, HttpUpgradeHandler handler,
                              UpgradedConnection connection) {
        this.app = app;
        this.registry = registry;
        this.handler = handler;
        this.connection = connection;
        this.callbacks = new SerialCallbacks(app::loader);
    }

    /**
     * From the connector, on a worker, after the 101 went out. {@code registry} holds the webapp's open upgraded
     * connections; when the webapp is already stopping, the connection is closed and init never runs.
     */
    public static void start(AppScope app, UpgradedConnections registry, HttpUpgradeHandler handler,
                             UpgradedConnection connection) {
        WebConnectionImpl wc = new WebConnectionImpl(app, registry, handler, connection);
        connection.onClose(wc::destroy);
        if (!registry.opened(wc, app.settings().caps())) {
            connection.close(); // destroy follows through onClose
            return;
        }
        wc.callbacks.run(() -> {
            try {
                handler.init(wc);
            } catch (RuntimeException | Error e) {
                initFailed(app, connection, e);
            }
        });
    }

    private void destroy() {
        if (destroyed.compareAndSet(false, true)) {
            callbacks.run(() -> {
                try {
                    destroy(app, handler);
                } finally {
                    registry.destroyed(this);
                }
            });
        }
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        return input;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        return output;
    }

    /** Closes the connection; destroy() follows on a pool thread. */
    @Override
    public void close() {
        connection.close();
    }

    private final class Input extends ServletInputStream {
        private ReadListenerDriver nonBlocking;
        private boolean finished;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (nonBlocking != null) {
                return nonBlocking.read(b, off, len);
            }
            int n = connection.input().read(b, off, len);
            finished |= n < 0;
            return n;
        }

        @Override
        public boolean isFinished() {
            return nonBlocking != null ? nonBlocking.isFinished() : finished;
        }

        @Override
        public boolean isReady() {
            return nonBlocking == null || nonBlocking.isReady();
        }

        @Override
        public void setReadListener(ReadListener readListener) {
            if (readListener == null) {
                throw new NullPointerException("readListener");
            }
            if (nonBlocking != null) {
                throw new IllegalStateException("ReadListener already set");
            }
            nonBlocking = new ReadListenerDriver(connection.nonBlockingInput(), callbacks, readListener);
            nonBlocking.start();
        }
    }

    /**
     * Buffered (up to 8 KiB) in blocking mode, so that print and println do not become a write per byte. The
     * buffer exists only while something is buffered (allocated to fit, dropped at flush): an idle upgraded
     * connection, such as a WebSocket between messages, holds none.
     */
    private final class Output extends ServletOutputStream {
        private static final int MAX_BUFFER = 8192;
        private byte[] buffer;
        private int buffered;
        private WriteListenerDriver nonBlocking;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (nonBlocking != null) {
                nonBlocking.checkWrite();
                try {
                    connection.output().write(b, off, len);
                } catch (IOException e) {
                    nonBlocking.writeFailed(e);
                    throw e;
                }
                return;
            }
            if (buffered + len > MAX_BUFFER) {
                flush();
                if (len > MAX_BUFFER) {
                    connection.output().write(b, off, len);
                    return;
                }
            }
            ensureRoom(buffered + len);
            System.arraycopy(b, off, buffer, buffered, len);
            buffered += len;
        }

        private void ensureRoom(int needed) {
            if (buffer == null || buffer.length < needed) {
                int size = Math.min(MAX_BUFFER, Math.max(256, Integer.highestOneBit(Math.max(needed - 1, 1)) << 1));
                byte[] bigger = new byte[size];
                if (buffered > 0) {
                    System.arraycopy(buffer, 0, bigger, 0, buffered);
                }
                buffer = bigger;
            }
        }

        @Override
        public void flush() throws IOException {
            byte[] b = buffer;
            int n = buffered;
            buffer = null;
            buffered = 0;
            if (n > 0) {
                connection.output().write(b, 0, n);
            }
        }

        /** Closing the output ends the upgraded connection (the protocol is done talking). */
        @Override
        public void close() throws IOException {
            try {
                flush();
            } finally {
                connection.close();
            }
        }

        @Override
        public boolean isReady() {
            return nonBlocking == null || nonBlocking.isReady();
        }

        @Override
        public void setWriteListener(WriteListener writeListener) {
            if (writeListener == null) {
                throw new NullPointerException("writeListener");
            }
            if (nonBlocking != null) {
                throw new IllegalStateException("WriteListener already set");
            }
            try {
                flush(); // what blocking writes left in the buffer goes first
            } catch (IOException e) {
                throw new IllegalStateException("The connection failed", e);
            }
            nonBlocking = new WriteListenerDriver(connection.nonBlockingOutput(), callbacks, writeListener);
            nonBlocking.start();
        }
    }

    /** Ends a handler that will never be initialized, or one whose connection closed. */
    public static void destroy(AppScope app, HttpUpgradeHandler handler) {
        ClassLoader previous = app.enter();
        try {
            handler.destroy();
            Lifecycle.preDestroy(handler);
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "HttpUpgradeHandler.destroy failed in " + app.displayPath(), t);
        } finally {
            AppScope.exit(previous);
        }
    }

    /** Logs and closes when init fails. */
    public static void initFailed(AppScope app, UpgradedConnection connection, Throwable t) {
        LOG.log(Level.WARNING, "HttpUpgradeHandler.init failed in " + app.displayPath(), t);
        connection.close();
    }
}
