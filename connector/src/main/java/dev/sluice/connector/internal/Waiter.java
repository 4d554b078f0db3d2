package dev.sluice.connector.internal;

/**
 * Someone waiting for a connection to become readable or writable, registered with its selector loop (at most
 * one per direction, see {@link Connection#readWaiter}). The loop calls exactly one of the methods, once, on
 * its own thread; implementations only hand over (unpark a worker, or queue a callback on the pool).
 */
interface Waiter {
    /** The awaited readiness happened. */
    void ready();

    /** The connection closed first. */
    void closed();

    /** {@link #deadline()} passed first. */
    void expired();

    /** When the loop gives up, on the connector clock; {@code Long.MAX_VALUE} when the waiter keeps its own. */
    long deadline();
}
