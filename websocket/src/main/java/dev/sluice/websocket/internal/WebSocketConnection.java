package dev.sluice.websocket.internal;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import jakarta.websocket.CloseReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Connection;
import org.glassfish.tyrus.spi.WebSocketEngine;
import org.glassfish.tyrus.spi.Writer;

/**
 * One WebSocket connection after the 101: the servlet adapter's upgraded connection carries Tyrus' frames.
 *
 * <p><b>Reading</b> is non-blocking: a {@link ReadListener} hands what arrived to Tyrus, which parses frames and
 * calls the endpoint's handlers on that worker; between frames the connection holds no thread. A frame larger
 * than the webapp's limit (1009) or unmasked (1002) is refused as soon as its header is read
 * ({@link FrameHeaderGuard}).
 * <b>Writing</b> is blocking with the connector's write timeout, as an HTTP response is: a synchronous send from
 * inside a message handler would otherwise wait for an {@code onWritePossible} that the serialized callbacks hold
 * back until that very handler returns. Writes of several threads (a broadcast and a reply) go one at a time.
 *
 * <p>Created by the servlet adapter (public no-argument constructor), prepared by the {@link Handshake} on the
 * request's worker, started by {@link #init} once the 101 went out; {@link #destroy} comes exactly once.
 */
public final class WebSocketConnection implements HttpUpgradeHandler {
    private static final Logger LOG = Logger.getLogger("dev.sluice.websocket");

    private WebSocketEngine.UpgradeInfo upgrade;
    private OpenWebSockets open;
    private FrameHeaderGuard guard;
    private int maxFrameBytes;
    private StreamStarts streams;
    private StreamStarts.Held held;
    private volatile WebConnection web;
    private volatile Connection tyrus;

    public WebSocketConnection() {
    }

    void prepare(WebSocketEngine.UpgradeInfo info, SluiceServerContainer container) {
        this.upgrade = info;
        this.open = container.open();
        this.maxFrameBytes = container.maxFrameBytes();
        this.guard = new FrameHeaderGuard(maxFrameBytes);
        this.streams = container.streamStarts();
        this.held = streams.newHeld();
    }

    @Override
    public void init(WebConnection connection) {
        this.web = connection;
        ServletInputStream in;
        ServletOutputStream out;
        try {
            in = connection.getInputStream();
            out = connection.getOutputStream();
        } catch (IOException e) {
            throw new IllegalStateException("The upgraded connection has no streams", e);
        }
        open.opened(this);
        // Tyrus calls onOpen here; the ReadListener comes after, so no frame is handled before onOpen returned.
        tyrus = upgrade.createConnection(new BlockingWriter(out), reason -> closeQuietly());
        in.setReadListener(new Reader(in));
    }

    /** Sends a close frame with {@code reason} (the endpoint's onClose runs) and closes the connection. */
    void close(CloseReason reason) {
        Connection c = tyrus;
        if (c != null) {
            try {
                c.close(reason);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Closing a WebSocket failed", e);
            }
        }
        closeQuietly();
    }

    /** The connection closed, whoever closed it: the endpoint hears 1006 unless a close handshake came first. */
    @Override
    public void destroy() {
        if (open != null) {
            open.closed(this);
        }
        if (held != null) {
            held.drop();
        }
        Connection c = tyrus;
        if (c != null) {
            try {
                c.close(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "Connection closed"));
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Ending a WebSocket failed", e);
            }
        }
    }

    private void closeQuietly() {
        WebConnection w = web;
        if (w == null) {
            return;
        }
        try {
            w.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "Closing an upgraded connection failed", e);
        }
    }

    /**
     * Read buffers per worker thread, not per connection: Tyrus copies what it keeps of a read, and an idle
     * WebSocket should not hold 16 KiB it is not using.
     */
    /** Longest a reader waits for the previous message's stream handler before the next message (then 1011). */
    static final long STREAM_HANDLER_WAIT_MILLIS = 30_000;

    private static final ThreadLocal<byte[]> READ_BUFFER = ThreadLocal.withInitial(() -> new byte[16 * 1024]);

    /** Reads whatever arrived and hands it to Tyrus. */
    private final class Reader implements ReadListener {
        private final ServletInputStream in;

        Reader(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public void onDataAvailable() throws IOException {
            byte[] buffer = READ_BUFFER.get();
            while (in.isReady()) {
                int n = in.read(buffer, 0, buffer.length);
                if (n <= 0) {
                    return;
                }
                // one data message at a time, so that a streamed message's handler starts once it is whole
                for (int pos = 0; pos < n; ) {
                    if (held.active() && guard.betweenMessages() && !awaitStreamHandlers()) {
                        return;
                    }
                    CloseReason refused = guard.feed(buffer, pos, n - pos);
                    if (refused != null) {
                        close(refused);
                        return;
                    }
                    ByteBuffer frames = ByteBuffer.wrap(buffer, pos, guard.fed());
                    if (guard.fragmentSeen()) { // only a message in several frames may start a streamed handler
                        streams.holding(held, tyrus.getReadHandler(), frames);
                        if (guard.betweenMessages() || guard.messageBytes() > maxFrameBytes) {
                            held.release();
                        }
                    } else {
                        tyrus.getReadHandler().handle(frames);
                    }
                    pos += guard.fed();
                }
            }
        }

        /** Before the next message: the streamed handlers of the ones before have returned, else close (1011). */
        private boolean awaitStreamHandlers() throws IOException {
            try {
                if (held.awaitHandlers(STREAM_HANDLER_WAIT_MILLIS)) {
                    return true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION,
                    "A streamed message's handler did not return"));
            return false;
        }

        /** The client closed its side without a close frame (RFC 6455 section 7.1.5: 1006 for the endpoint). */
        @Override
        public void onAllDataRead() {
            destroy();
            closeQuietly();
        }

        @Override
        public void onError(Throwable t) {
            destroy();
            closeQuietly();
        }
    }

    /** Frames go out whole, one writer at a time, flushed. */
    private final class BlockingWriter extends Writer {
        private final ServletOutputStream out;

        BlockingWriter(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(ByteBuffer frame, CompletionHandler<ByteBuffer> done) {
            try {
                synchronized (this) {
                    if (frame.hasArray()) {
                        out.write(frame.array(), frame.arrayOffset() + frame.position(), frame.remaining());
                    } else {
                        byte[] copy = new byte[frame.remaining()];
                        frame.duplicate().get(copy);
                        out.write(copy);
                    }
                    out.flush();
                }
            } catch (IOException | RuntimeException e) {
                if (done != null) {
                    done.failed(e);
                }
                closeQuietly();
                return;
            }
            if (done != null) {
                done.completed(frame);
            }
        }

        @Override
        public void close() {
            closeQuietly();
        }
    }
}
