package dev.sluice.distribution.internal.health;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * Whether this instance should get new traffic from a load balancer: not while it starts, deploys a webapp,
 * drains before a stop, or has its request queue filled past a fraction. Thread-safe; read on every probe.
 */
public final class Readiness {
    private final IntSupplier queueDepth;
    private final int acceptQueue;
    private final double queueFraction;
    private final AtomicInteger deploying = new AtomicInteger();
    private volatile boolean started;
    private volatile boolean draining;

    /**
     * @param queueDepth    requests waiting for a worker now
     * @param acceptQueue   the queue's size; 0 means saturation is never reported from the queue
     * @param queueFraction in (0, 1]: not ready once {@code queueDepth >= queueFraction * acceptQueue}
     */
    public Readiness(IntSupplier queueDepth, int acceptQueue, double queueFraction) {
        if (!(queueFraction > 0 && queueFraction <= 1)) {
            throw new IllegalArgumentException("readyQueueFraction must be more than 0 and at most 1");
        }
        this.queueDepth = queueDepth;
        this.acceptQueue = acceptQueue;
        this.queueFraction = queueFraction;
    }

    /** The server has deployed its webapps and listens. */
    public void started() {
        started = true;
    }

    /** From now on not ready, for good: the server is about to stop. */
    public void drain() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }

    /** Runs a deployment (hot deploy, redeploy) while reporting not ready. */
    public <T, E extends Exception> T deploying(Deployment<T, E> deployment) throws E {
        deploying.incrementAndGet();
        try {
            return deployment.run();
        } finally {
            deploying.decrementAndGet();
        }
    }

    /** A deployment step that may fail. */
    @FunctionalInterface
    public interface Deployment<T, E extends Exception> {
        T run() throws E;
    }

    /** Null when ready; else why not, in a few words for the probe's body and the balancer's log. */
    public String notReadyReason() {
        if (draining) {
            return "draining";
        }
        if (!started) {
            return "starting";
        }
        if (deploying.get() > 0) {
            return "deploying";
        }
        int depth = queueDepth.getAsInt();
        if (acceptQueue > 0 && depth >= queueFraction * acceptQueue) {
            return "saturated: " + depth + " of " + acceptQueue + " queue places taken";
        }
        return null;
    }
}
