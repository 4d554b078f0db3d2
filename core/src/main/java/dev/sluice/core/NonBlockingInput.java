package dev.sluice.core;

import java.io.IOException;

/**
 * Reads request content (or the bytes of an upgraded connection) without ever blocking the caller. Obtained from
 * {@link Request#nonBlockingBody()} on a suspended exchange, or from {@link UpgradedConnection}.
 *
 * <p><b>Threading.</b> Used by one thread at a time (the application guarantees it, as for the blocking body).
 * At most one {@link #awaitReadable} registration may be outstanding.
 */
public interface NonBlockingInput {
    /**
     * Whether {@link #read} would return at once with something other than 0: content bytes are here, the end
     * of the content was reached, or the content failed (then read throws). May read from the network what is
     * already there; never waits.
     */
    boolean isReady();

    /**
     * Reads what is available now.
     *
     * @return bytes read; 0 when nothing is available yet; -1 at the end of the content
     * @throws IOException when the content failed (client gone, malformed chunk, too large, too slow)
     */
    int read(byte[] b, int off, int len) throws IOException;

    /** Whether the end of the content has been reached and every byte of it was read. */
    boolean isFinished();

    /**
     * Calls {@code callback} once when {@link #isReady()} would return true, or when waiting fails. If it is
     * ready already, the callback still runs on a pool thread, not on the caller's stack.
     *
     * @throws IllegalStateException when a registration is already outstanding
     */
    void awaitReadable(IoCallback callback);
}
