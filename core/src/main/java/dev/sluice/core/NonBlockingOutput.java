package dev.sluice.core;

/**
 * Non-blocking writing of response content (or of an upgraded connection). Once obtained, writes to the
 * associated output stream never block: what the network does not take at once is held by the connector and
 * sent as the client reads, and {@link #isReady()} reports false until it is all sent.
 *
 * <p><b>Threading.</b> Used by one thread at a time. At most one {@link #awaitWritable} registration may be
 * outstanding. The application should write only while {@link #isReady()} is true, so that what is held stays
 * bounded by one write.
 */
public interface NonBlockingOutput {
    /** Whether everything written so far has gone to the network (tries to send what is held; never waits). */
    boolean isReady();

    /**
     * Calls {@code callback} once when everything held has been sent, or when waiting fails (client gone, write
     * timeout). If nothing is held, the callback still runs on a pool thread, not on the caller's stack.
     *
     * @throws IllegalStateException when a registration is already outstanding
     */
    void awaitWritable(IoCallback callback);
}
