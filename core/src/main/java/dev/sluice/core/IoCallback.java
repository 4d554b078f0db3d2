package dev.sluice.core;

/**
 * Told once that a non-blocking body or connection became ready, or that waiting for it failed.
 *
 * <p><b>Threading.</b> Called on a worker thread of the connector's pool, never on a selector thread and never on
 * the stack of the call that registered it, so it may run application code and block briefly. Between the
 * registration and the call, no thread is held for the exchange.
 *
 * <p><b>Call once.</b> For each registration exactly one of the two methods is called, exactly once.
 */
public interface IoCallback {
    /** The awaited readiness happened: a non-blocking read or write may now make progress. */
    void onReady();

    /**
     * Waiting failed: the connection closed, an I/O error happened, or a deadline passed (minBodyRate for
     * request content, the write timeout for output). The exchange cannot continue normally.
     */
    void onError(Throwable failure);
}
