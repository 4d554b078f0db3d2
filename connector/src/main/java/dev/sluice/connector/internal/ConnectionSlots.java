package dev.sluice.connector.internal;

import java.util.concurrent.Semaphore;

/**
 * The maxConnections budget: one slot per open connection, taken at accept and given back at close. Not final only
 * so that a test can see when a close gives its slot back.
 */
class ConnectionSlots {
    private final Semaphore slots;

    ConnectionSlots(int maxConnections) {
        this.slots = new Semaphore(maxConnections);
    }

    /** Takes a slot if one is free (policy reject). */
    boolean tryAcquire() {
        return slots.tryAcquire();
    }

    /** Waits for a free slot (policy backlog: meanwhile new clients wait in the OS listen backlog). */
    void acquire() throws InterruptedException {
        slots.acquire();
    }

    void release() {
        slots.release();
    }

    int available() {
        return slots.availablePermits();
    }
}
