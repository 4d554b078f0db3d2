package dev.sluice.servlet.internal.upgrade;

import dev.sluice.servlet.internal.caps.Cap;
import dev.sluice.servlet.internal.caps.ResourceCaps;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The upgraded connections of one webapp that are open, so that stopping the webapp (undeploy, shutdown) can close
 * them and wait for their handlers' destroy while the webapp's classes are still loaded. A connection upgraded
 * after {@link #closeAll} is closed at once, before its handler's init.
 *
 * <p>Thread-safe.
 */
public final class UpgradedConnections {
    private static final Logger LOG = Logger.getLogger("dev.sluice.servlet");

    private final Set<WebConnectionImpl> open = new HashSet<>();
    private boolean closing;

    /**
     * A connection was upgraded; false when the webapp is stopping, or already has maxUpgradedConnections open (a
     * refusal counted; upgrades that passed {@link #admit} at once can get here together), and the caller closes it.
     */
    synchronized boolean opened(WebConnectionImpl connection, ResourceCaps caps) {
        if (closing) {
            return false;
        }
        if (open.size() >= caps.maxUpgradedConnections()) {
            caps.count(Cap.UPGRADED_CONNECTIONS);
            return false;
        }
        open.add(connection);
        return true;
    }

    /** Its handler's destroy has run. */
    synchronized void destroyed(WebConnectionImpl connection) {
        if (open.remove(connection) && open.isEmpty()) {
            notifyAll();
        }
    }

    /**
     * Before an upgrade is accepted: refuses it (503, counted) when maxUpgradedConnections are already open, so
     * the client gets an answer instead of a 101 and a closed connection.
     */
    public synchronized void admit(ResourceCaps caps) {
        if (open.size() >= caps.maxUpgradedConnections()) {
            throw caps.refuse(Cap.UPGRADED_CONNECTIONS, caps.maxUpgradedConnections());
        }
    }

    public synchronized int size() {
        return open.size();
    }

    /**
     * Closes every open connection (each handler's destroy then runs once, on a connector thread) and waits up to
     * {@code limit} until all have been destroyed. Returns how many were not destroyed in time, and logs them as
     * connections of {@code owner}.
     */
    public int closeAll(Duration limit, String owner) {
        List<WebConnectionImpl> toClose;
        synchronized (this) {
            closing = true;
            toClose = List.copyOf(open);
        }
        for (WebConnectionImpl connection : toClose) {
            connection.close();
        }
        long deadline = System.nanoTime() + limit.toNanos();
        int left;
        synchronized (this) {
            try {
                for (long wait = limit.toNanos(); !open.isEmpty() && wait > 0; wait = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(this, wait);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            left = open.size();
        }
        if (left > 0) {
            LOG.warning("Stopping " + owner + ": " + left + " upgraded connection(s) not destroyed within " + limit);
        }
        return left;
    }
}
