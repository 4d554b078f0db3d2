package dev.sluice.servlet.internal;

import dev.sluice.servlet.internal.component.AppScope;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
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
    private AsyncTarget dispatchTarget;
    private boolean finished;
    private boolean suspendedCore;
    private long timeout = 30_000;
    private ScheduledFuture<?> timer;
    /** Where dispatch() without a path goes, fixed when async starts (the request changes as dispatches return). */
    private AsyncTarget defaultTarget;

    AsyncContextImpl(ServletRequestImpl base) {
        this.base = base;
        this.origin = base.app;
    }

    /**
     * Starts an async cycle. {@code noArguments}: startAsync() rather than startAsync(request, response).
     * hasOriginalRequestAndResponse is true for startAsync() and for startAsync with the container's own request
     * and response (Sluice passes no container wrappers, so these are the objects the servlet received).
     */
    synchronized void start(ServletRequest req, ServletResponse res, boolean noArguments) {
        if (started || finished) {
            throw new IllegalStateException("startAsync called twice in one dispatch, or after completion");
        }
        if (!inDispatch) {
            throw new IllegalStateException("startAsync called outside a dispatch");
        }
        this.request = req;
        this.response = res;
        this.original = noArguments || req == base && res == base.response();
        this.started = true;
        this.completeRequested = false;
        this.dispatchTarget = null;
        this.defaultTarget = AsyncTarget.byDefault(base, req, noArguments);
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
            } else if (dispatchTarget != null) {
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
        AsyncTarget target;
        synchronized (this) {
            target = defaultTarget;
        }
        dispatch(target);
    }

    @Override
    public void dispatch(String path) {
        dispatch(base.app.context(), path);
    }

    @Override
    public void dispatch(ServletContext context, String path) {
        dispatch(AsyncTarget.of(((ServletContextImpl) context).app(), path));
    }

    private void dispatch(AsyncTarget target) {
        boolean now;
        synchronized (this) {
            if (!started || dispatchTarget != null || completeRequested || finished || target == null) {
                throw new IllegalStateException("dispatch is only allowed once, in an active async cycle");
            }
            dispatchTarget = target;
            now = !inDispatch;
            cancelTimer();
        }
        if (now) {
            base.app.settings().asyncExecutor().execute(this::runDispatch);
        }
    }

    /**
     * Section 2.3.3.3: an ASYNC dispatch of this context's request and response (wrappers included) with the
     * async attributes, then completion unless it restarts async.
     */
    private void runDispatch() {
        AsyncTarget target;
        ServletRequest req;
        ServletResponse res;
        synchronized (this) {
            target = dispatchTarget;
            req = request;
            res = response;
            started = false;
            inDispatch = true;
            dispatchTarget = null;
        }
        ClassLoader previous = target.app().enter();
        try {
            if (base.getAttribute(ASYNC_REQUEST_URI) == null) {
                base.setAttribute(ASYNC_REQUEST_URI, base.getRequestURI());
                base.setAttribute(ASYNC_CONTEXT_PATH, base.getContextPath());
                setOrRemove(ASYNC_SERVLET_PATH, base.getServletPath());
                setOrRemove(ASYNC_PATH_INFO, base.getPathInfo());
                setOrRemove(ASYNC_QUERY_STRING, base.getQueryString());
                setOrRemove(ASYNC_MAPPING, base.getHttpServletMapping());
            }
            String decoded = target.decodedPath() != null ? target.decodedPath()
                    : dev.sluice.core.RequestPath.decode(target.uriPath());
            if (target.query() != null) {
                // Section 9.7.2 with 9.1.1: the dispatch path's query parameters are aggregated with, and take
                // precedence over, the request's, as for a forward. An async dispatch does not return, so the
                // overlay stays for the rest of the request.
                base.queryString = target.query();
                base.content().pushQuery(base.queryString);
            }
            base.app = target.app();
            base.requestURI = target.app().contextPath() + target.uriPath();
            target.app().invoker().dispatch(base, req, res, decoded, DispatcherType.ASYNC);
        } catch (RuntimeException e) {
            WebApp.LOG.log(Level.SEVERE, "Async dispatch failed", e);
        } finally {
            AppScope.exit(previous);
        }
        // Only this thread may complete the exchange, and only if the target did not start a new cycle: a
        // dispatch it asked for may already be running on another thread.
        if (!serviceReturned()) {
            finish();
        }
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
            AppScope.exit(previous);
            origin.suspendedRequests().decrementAndGet();
            origin.slots().leave();
            base.response().core().complete();
            origin.slots().exited();
        }
    }

    private void onTimeout() {
        base.app.settings().asyncExecutor().execute(() -> {
            synchronized (this) {
                if (finished || !started || completeRequested || dispatchTarget != null) {
                    return;
                }
            }
            ClassLoader previous = base.app.enter();
            try {
                fire(Kind.TIMEOUT, null);
            } finally {
                AppScope.exit(previous);
            }
            synchronized (this) {
                if (finished || completeRequested || dispatchTarget != null) {
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
                AppScope.exit(previous);
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
