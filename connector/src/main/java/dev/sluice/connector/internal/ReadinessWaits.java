package dev.sluice.connector.internal;

import java.nio.channels.SelectionKey;

/**
 * The readiness waiters of a connection ({@link Connection#readWaiter}, {@link Connection#writeWaiter}) as its
 * selector loop keeps them: interest follows the waiters, each waiter is told exactly once (ready, expired or
 * closed), and with no waiter left the connection is plain worker-owned again. Selector thread only.
 */
final class ReadinessWaits {
    private ReadinessWaits() {
    }

    /** Registers {@code w} for {@code op}, replacing an earlier waiter for that direction. */
    static void register(Connection c, int op, Waiter w) {
        if (op == SelectionKey.OP_READ) {
            c.readWaiter = w;
        } else {
            c.writeWaiter = w;
        }
        watch(c);
    }

    /** Tells the waiters whose readiness {@code readyOps} reports. */
    static void fire(Connection c, int readyOps) {
        if ((readyOps & SelectionKey.OP_READ) != 0 && c.readWaiter != null) {
            Waiter w = c.readWaiter;
            c.readWaiter = null;
            w.ready();
        }
        if ((readyOps & SelectionKey.OP_WRITE) != 0 && c.writeWaiter != null) {
            Waiter w = c.writeWaiter;
            c.writeWaiter = null;
            w.ready();
        }
        watch(c);
    }

    /** Fails the waiters whose deadline has passed. */
    static void expire(Connection c, long now) {
        boolean changed = false;
        if (c.readWaiter != null && now >= c.readWaiter.deadline()) {
            Waiter w = c.readWaiter;
            c.readWaiter = null;
            w.expired();
            changed = true;
        }
        if (c.writeWaiter != null && now >= c.writeWaiter.deadline()) {
            Waiter w = c.writeWaiter;
            c.writeWaiter = null;
            w.expired();
            changed = true;
        }
        if (changed) {
            watch(c);
        }
    }

    /** The connection closed: every waiter learns it. */
    static void closed(Connection c) {
        Waiter r = c.readWaiter;
        Waiter w = c.writeWaiter;
        clear(c);
        if (r != null) {
            r.closed();
        }
        if (w != null) {
            w.closed();
        }
    }

    /** Forgets the waiters without telling them: their exchange is over (the connection is handed back). */
    static void clear(Connection c) {
        c.readWaiter = null;
        c.writeWaiter = null;
    }

    /** Sets the interest to what the waiters need; with none left the worker side owns the connection again. */
    private static void watch(Connection c) {
        int ops = (c.readWaiter != null ? SelectionKey.OP_READ : 0)
                | (c.writeWaiter != null ? SelectionKey.OP_WRITE : 0);
        c.key.interestOps(ops);
        // a hand-back must wake the loop whenever read interest is off (see SelectorLoop.resume)
        c.interestCleared = (ops & SelectionKey.OP_READ) == 0;
        c.phase = ops == 0 ? Connection.Phase.RUNNING : Connection.Phase.WORKER_WAIT;
    }
}
