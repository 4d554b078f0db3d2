package dev.sluice.servlet.internal.async;

import java.util.ArrayDeque;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the listener callbacks of one request (or upgraded connection) one at a time and in order, with the
 * webapp's context class loader: ReadListener, WriteListener and HttpUpgradeHandler code is never run
 * concurrently with itself nor with the service dispatch that registered it (Servlet 6.1 section 5.7: "in a
 * thread safe manner"). No thread waits for its turn: a callback arriving while another runs is queued, and the
 * thread running the current one runs it next.
 */
public final class SerialCallbacks {
    /** The container's logger, the one WebApp uses, named here so this package needs no upward reference. */
    private static final Logger LOG = Logger.getLogger("dev.sluice.servlet");

    private final Supplier<ClassLoader> loader;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean busy;
    private boolean heldByDispatch;

    /** @param loader the webapp's class loader at the time a callback runs (a dispatch may change webapps) */
    public SerialCallbacks(Supplier<ClassLoader> loader) {
        this.loader = loader;
    }

    /** Runs {@code task} now on the calling thread, or after the callback (or dispatch) that runs now. */
    public void run(Runnable task) {
        synchronized (this) {
            if (busy) {
                queue.add(task);
                return;
            }
            busy = true;
        }
        drain(task);
    }

    /**
     * Called when a listener is registered during the service dispatch: callbacks wait until
     * {@link #dispatchReturned()}. A no-op when a callback is the caller (it holds the turn already).
     */
    public synchronized void holdForDispatch() {
        if (!busy) {
            busy = true;
            heldByDispatch = true;
        }
    }

    /** The dispatch returned: callbacks that came meanwhile run now, on the calling thread. */
    public void dispatchReturned() {
        Runnable next;
        synchronized (this) {
            if (!heldByDispatch) {
                return;
            }
            heldByDispatch = false;
            next = queue.poll();
            if (next == null) {
                busy = false;
                return;
            }
        }
        drain(next);
    }

    private void drain(Runnable first) {
        Runnable task = first;
        while (task != null) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader.get());
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.WARNING, "Listener callback failed", e);
            } finally {
                thread.setContextClassLoader(previous);
            }
            synchronized (this) {
                task = queue.poll();
                if (task == null) {
                    busy = false;
                }
            }
        }
    }
}
