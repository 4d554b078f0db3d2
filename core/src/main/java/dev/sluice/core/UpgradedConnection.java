package dev.sluice.core;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;

/**
 * A connection that left HTTP after a 101 response: raw bytes both ways, no request parsing, no keep-alive or
 * header timers. Bytes the client sent right after the upgrade request are read first.
 *
 * <p><b>Threading.</b> Reading and writing may happen on different threads, each direction used by one thread
 * at a time. {@link #close()} is thread-safe and idempotent.
 */
public interface UpgradedConnection {
    /** Blocking reads: wait until bytes arrive (no deadline); -1 when the client closed. */
    InputStream input();

    /** Writes: blocking (up to the write timeout) until {@link #nonBlockingOutput()} is called, then never. */
    OutputStream output();

    /** Non-blocking reading; the blocking {@link #input()} must not be used at the same time. */
    NonBlockingInput nonBlockingInput();

    /** Switches {@link #output()} to non-blocking writes for the rest of the connection. */
    NonBlockingOutput nonBlockingOutput();

    /**
     * Runs {@code action} once, on a pool thread, when the connection closes for any reason (close(), client
     * gone, server stop). Set it before anything can close the connection.
     */
    void onClose(Runnable action);

    /** Sends what is held (without waiting long) and closes the connection. */
    void close();

    InetSocketAddress localAddress();

    InetSocketAddress remoteAddress();
}
