package dev.sluice.servlet.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

/**
 * Async processing of one request (Servlet 6.1 section 2.3.3.3) on the core model: startAsync suspends the core
 * response, so the worker thread goes back to the pool when the servlet returns; complete, a dispatch or the
 * timeout later finishes the exchange from another thread. complete or dispatch called while the starting
 * dispatch is still running take effect when it returns, as the specification requires.
 *
 * <p>All state changes are synchronized on this object; listener and servlet code runs outside the lock.
 */
final class AsyncContextImpl implements AsyncContext {
    private record Registration(AsyncListener listener, ServletRequest request, ServletResponse response) {
    }

    private final ServletRequestImpl base;
    /** The webapp the request entered: its slot, counters and completion, wherever dispatches lead. */
    private final WebApp origin;
    private final List<Registration> listeners = new ArrayList<>();
    private ServletRequest request;
    private ServletResponse response;
    private boolean original;
    private boolean started;
    private boolean inDispatch = true;
    private boolean completeRequested;
    private WebApp dispatchApp;
    private String dispatchPath;
    private boolean finished;
    private boolean suspendedCore;
    private long timeout = 30_000;
    private ScheduledFuture<?> timer;
    private String originalPath;

    AsyncContextImpl(ServletRequestImpl base) {
        this.base = base;
        this.origin = base.app;
    }

    synchronized void start(ServletRequest req, ServletResponse res, boolean original) {
        if (started || finished) {
            throw new IllegalStateException("startAsync called twice in one dispatch, or after completion");
        }
        if (!inDispatch) {
            throw new IllegalStateException("startAsync called outside a dispatch");
        }
        this.request = req;
        this.response = res;
        this.original = original;
        this.started = true;
        this.completeRequested = false;
        this.dispatchPath = null;
        this.originalPath = original || !(req instanceof HttpServletRequest h) ? base.pathInContext()
                : h.getRequestURI().substring(h.getContextPath().length());
        if (!suspendedCore) {
            suspendedCore = true;
            base.response().core().suspend();
            origin.suspendedRequests().incrementAndGet();
        }
        List<Registration> previous = new ArrayList<>(listeners);
        listeners.clear();
        AsyncEvent event = new AsyncEvent(this, req, res);
        for (Registration r : previous) {
            try {
                r.listener().onStartAsync(event);
            } catch (IOException e) {
                WebApp.LOG.log(Level.WARNING, "AsyncListener.onStartAsync failed", e);
            }
        }
    }

    synchronized boolean isStarted() {
        return started;
    }

    /**
     * The dispatch that called startAsync has returned. Returns false when async was not started in it (the
     * caller completes the exchange); otherwise acts on a pending complete or dispatch, or arms the timeout.
     */
    boolean serviceReturned() {
        try {
            return afterService();
        } finally {
            base.content().releaseCallbacks(); // listener callbacks that came during the dispatch run now
        }
    }

    /** Whether the dispatch that started (or restarted) async is still running. */
    synchronized boolean inDispatch() {
        return inDispatch;
    }

    private boolean afterService() {
        Runnable next;
        synchronized (this) {
            inDispatch = false;
            if (!started) {
                return false;
            }
            if (completeRequested) {
                next = this::finish;
            } else if (dispatchPath != null) {
                next = () -> base.app.settings().asyncExecutor().execute(this::runDispatch);
            } else {
                if (timeout > 0 && base.app.settings().scheduler() != null) {
                    timer = base.app.settings().scheduler().schedule(this::onTimeout, timeout,
                            TimeUnit.MILLISECONDS);
                }
                return true;
            }
        }
        next.run();
        return true;
    }

    @Override
    public ServletRequest getRequest() {
        return request;
    }

    @Override
    public ServletResponse getResponse() {
        return response;
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
        return original;
    }

    @Override
    public void dispatch() {
        dispatch(base.app.context(), originalPath);
    }

    @Override
    public void dispatch(String path) {
        dispatch(base.app.context(), path);
    }

    @Override
    public void dispatch(ServletContext context, String path) {
        boolean now;
        synchronized (this) {
            if (!started || dispatchPath != null || completeRequested || finished) {
                throw new IllegalStateException("dispatch is only allowed once, in an active async cycle");
            }
            dispatchApp = ((ServletContextImpl) context).app();
            dispatchPath = path;
            now = !inDispatch;
            cancelTimer();
        }
        if (now) {
            base.app.settings().asyncExecutor().execute(this::runDispatch);
        }
    }

    /** Section 2.3.3.3: an ASYNC dispatch with the async attributes, then completion unless it restarts async. */
    private void runDispatch() {
        WebApp target;
        String path;
        synchronized (this) {
            target = dispatchApp;
            path = dispatchPath;
            started = false;
            inDispatch = true;
            dispatchPath = null;
        }
        ClassLoader previous = target.enter();
        try {
            if (base.getAttribute(ASYNC_REQUEST_URI) == null) {
                base.setAttribute(ASYNC_REQUEST_URI, base.getRequestURI());
                base.setAttribute(ASYNC_CONTEXT_PATH, base.getContextPath());
                setOrRemove(ASYNC_SERVLET_PATH, base.getServletPath());
                setOrRemove(ASYNC_PATH_INFO, base.getPathInfo());
                setOrRemove(ASYNC_QUERY_STRING, base.getQueryString());
                setOrRemove(ASYNC_MAPPING, base.getHttpServletMapping());
            }
            int q = path.indexOf('?');
            String decoded = dev.sluice.core.RequestPath.decode(q < 0 ? path : path.substring(0, q));
            if (q >= 0) {
                // Section 9.7.2 with 9.1.1: the dispatch path's query parameters are aggregated with, and take
                // precedence over, the request's, as for a forward. An async dispatch does not return, so the
                // overlay stays for the rest of the request.
                base.queryString = path.substring(q + 1);
                base.content().pushQuery(base.queryString);
            }
            base.app = target;
            base.requestURI = target.contextPath() + (q < 0 ? path : path.substring(0, q));
            target.invoker().dispatch(base, base.response(), decoded, DispatcherType.ASYNC);
        } catch (RuntimeException e) {
            WebApp.LOG.log(Level.SEVERE, "Async dispatch failed", e);
        } finally {
            WebApp.exit(previous);
        }
        serviceReturned();
        synchronized (this) {
            if (started) {
                return;
            }
        }
        finish();
    }

    private void setOrRemove(String name, Object value) {
        if (value != null) {
            base.setAttribute(name, value);
        }
    }

    @Override
    public void complete() {
        boolean now;
        synchronized (this) {
            if (finished) {
                return;
            }
            if (!started) {
                throw new IllegalStateException("complete called outside an async cycle");
            }
            completeRequested = true;
            now = !inDispatch;
            cancelTimer();
        }
        if (now) {
            finish();
        }
    }

    /** Completes the exchange once: error page if pending, flush, onComplete, then the core response. */
    private void finish() {
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            started = false;
            cancelTimer();
        }
        ClassLoader previous = origin.enter();
        try {
            origin.invoker().complete(base, base.response());
        } catch (IOException | RuntimeException e) {
            WebApp.LOG.log(Level.FINE, "Completing an async request failed", e);
        } finally {
            fire(Kind.COMPLETE, null);
            WebApp.exit(previous);
            origin.suspendedRequests().decrementAndGet();
            origin.slots().leave();
            base.response().core().complete();
            origin.slots().exited();
        }
    }

    private void onTimeout() {
        base.app.settings().asyncExecutor().execute(() -> {
            synchronized (this) {
                if (finished || !started || completeRequested || dispatchPath != null) {
                    return;
                }
            }
            ClassLoader previous = base.app.enter();
            try {
                fire(Kind.TIMEOUT, null);
            } finally {
                WebApp.exit(previous);
            }
            synchronized (this) {
                if (finished || completeRequested || dispatchPath != null) {
                    return;
                }
            }
            // Section 2.3.3.3: no listener completed or dispatched: an error dispatch with status 500.
            try {
                if (!base.response().isCommitted()) {
                    base.response().sendError(500, "Async request timed out");
                }
            } catch (IOException | IllegalStateException ignored) {
                // Committed: the client gets what was written.
            }
            finish();
        });
    }

    private enum Kind { COMPLETE, TIMEOUT, ERROR }

    private void fire(Kind kind, Throwable error) {
        List<Registration> copy;
        synchronized (this) {
            copy = new ArrayList<>(listeners);
        }
        for (Registration r : copy) {
            AsyncEvent event = new AsyncEvent(this, r.request(), r.response(), error);
            try {
                switch (kind) {
                    case COMPLETE -> r.listener().onComplete(event);
                    case TIMEOUT -> r.listener().onTimeout(event);
                    case ERROR -> r.listener().onError(event);
                }
            } catch (IOException | RuntimeException e) {
                WebApp.LOG.log(Level.WARNING, "AsyncListener failed", e);
            }
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    public void start(Runnable run) {
        runInContext(run);
    }

    /** Runs webapp code on the async executor with the webapp's context class loader. */
    void runInContext(Runnable run) {
        WebApp app = base.app;
        app.settings().asyncExecutor().execute(() -> {
            ClassLoader previous = app.enter();
            try {
                run.run();
            } catch (RuntimeException e) {
                WebApp.LOG.log(Level.SEVERE, "Async task of " + app.displayPath() + " failed", e);
            } finally {
                WebApp.exit(previous);
            }
        });
    }

    @Override
    public synchronized void addListener(AsyncListener listener) {
        addListener(listener, request, response);
    }

    @Override
    public synchronized void addListener(AsyncListener listener, ServletRequest req, ServletResponse res) {
        if (!started) {
            throw new IllegalStateException("addListener outside an async cycle");
        }
        listeners.add(new Registration(listener, req, res));
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> clazz) throws ServletException {
        return base.app.createComponent(clazz, clazz);
    }

    @Override
    public synchronized void setTimeout(long timeout) {
        if (!inDispatch) {
            throw new IllegalStateException("setTimeout after the dispatch returned");
        }
        this.timeout = timeout;
    }

    @Override
    public synchronized long getTimeout() {
        return timeout;
    }
}
