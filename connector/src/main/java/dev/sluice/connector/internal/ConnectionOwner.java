package dev.sluice.connector.internal;

/**
 * Where a worker hands a connection when it is done with it. The NIO selector loop in production; the in-memory
 * harness in tests. Each method takes over the connection: the worker must not touch it afterwards.
 */
interface ConnectionOwner {
    /** Keep-alive: wait for the next request head (no unread bytes remain in {@link Connection#in}). */
    void resume(Connection c);

    /** A complete head is in {@link Connection#pendingHead}: queue it for a worker (it may be shed with 503). */
    void dispatch(Connection c);

    /** The response was an error or the connection may not persist: shut down output, drain briefly, close. */
    void linger(Connection c);

    /** Close at once (the client is gone or the stream is broken). */
    void close(Connection c);
}
