package dev.sluice.servlet.internal.dispatch;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests a webapp has in hand: the per-webapp limit (a full webapp answers 503, the others go on), the
 * count undeploy waits for, and how many are suspended in async mode.
 */
public final class RequestSlots {
    private final Semaphore limiter;
    private final AtomicInteger suspended = new AtomicInteger();
    private final Object inFlightLock = new Object();
    private int inFlight;

    /** @param limit at most this many requests in service at once; 0 or less for no limit */
    public RequestSlots(int limit) {
        this.limiter = limit > 0 ? new Semaphore(limit) : null;
    }

    /** Tries to take a request slot; false means 503 for this webapp only. */
    public boolean tryEnter() {
        if (limiter != null && !limiter.tryAcquire()) {
            return false;
        }
        synchronized (inFlightLock) {
            inFlight++;
        }
        return true;
    }

    /** Gives the request slot back: the servlet side of the request is done. */
    public void leave() {
        if (limiter != null) {
            limiter.release();
        }
    }

    /** The exchange is complete on the wire side too; {@link #drain} stops waiting for it. */
    public void exited() {
        synchronized (inFlightLock) {
            inFlight--;
            inFlightLock.notifyAll();
        }
    }

    /** Waits until no request is in service or suspended, at most {@code limit}; returns how many still are. */
    public int drain(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        synchronized (inFlightLock) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(inFlightLock, left);
            }
            return inFlight;
        }
    }

    /** Requests in async mode: suspended, holding no worker thread. */
    public AtomicInteger suspended() {
        return suspended;
    }
}
