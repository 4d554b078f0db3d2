package dev.sluice.servlet.internal.async;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The AsyncListeners of one request's async cycle, each with the request and response it was added with
 * (Servlet 6.1 section 2.3.3.3). A listener that throws is logged and the others are still told. Thread-safe;
 * listeners are called outside any lock.
 */
public final class AsyncListeners {
    private static final Logger LOG = Logger.getLogger("dev.sluice.servlet");

    /** What the listeners are told. */
    public enum Event { COMPLETE, TIMEOUT, ERROR }

    private record Registration(AsyncListener listener, ServletRequest request, ServletResponse response) {
    }

    private final List<Registration> registrations = new ArrayList<>();

    public synchronized void add(AsyncListener listener, ServletRequest request, ServletResponse response) {
        registrations.add(new Registration(listener, request, response));
    }

    /**
     * A new async cycle starts: removes the listeners of the previous one at once and returns what tells them
     * onStartAsync (they may add themselves again); the caller runs it outside its own locks.
     */
    public Runnable restart(AsyncContext context, ServletRequest request, ServletResponse response) {
        List<Registration> previous;
        synchronized (this) {
            previous = new ArrayList<>(registrations);
            registrations.clear();
        }
        return () -> {
            AsyncEvent event = new AsyncEvent(context, request, response);
            for (Registration r : previous) {
                try {
                    r.listener().onStartAsync(event);
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "AsyncListener.onStartAsync failed", e);
                }
            }
        };
    }

    /** Tells every listener of {@code event}; {@code error} is the failure for ERROR (and may be null). */
    public void fire(AsyncContext context, Event event, Throwable error) {
        List<Registration> copy;
        synchronized (this) {
            copy = new ArrayList<>(registrations);
        }
        for (Registration r : copy) {
            AsyncEvent e = new AsyncEvent(context, r.request(), r.response(), error);
            try {
                switch (event) {
                    case COMPLETE -> r.listener().onComplete(e);
                    case TIMEOUT -> r.listener().onTimeout(e);
                    case ERROR -> r.listener().onError(e);
                }
            } catch (IOException | RuntimeException ex) {
                LOG.log(Level.WARNING, "AsyncListener failed", ex);
            }
        }
    }
}
