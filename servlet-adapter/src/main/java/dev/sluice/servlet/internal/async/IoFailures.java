package dev.sluice.servlet.internal.async;

/**
 * Where a request's non-blocking I/O failure goes besides its ReadListener or WriteListener: the request's
 * AsyncListeners (Servlet 6.1 section 2.3.3.3, AsyncListener.onError). An upgraded connection has none.
 */
public interface IoFailures {
    /** No AsyncListeners: the listener's onError alone. */
    IoFailures NONE = (failure, listenerOnError) -> listenerOnError.run();

    /**
     * A read or write failed (client gone, too slow, a callback threw). Runs {@code listenerOnError}, the Read- or
     * WriteListener's onError, and whatever else the failure means. Called once per listener, on the request's
     * serialized callback thread.
     */
    void failed(Throwable failure, Runnable listenerOnError);
}
