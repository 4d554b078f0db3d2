package dev.sluice.servlet.internal;

import dev.sluice.servlet.internal.async.AsyncListeners;
import dev.sluice.servlet.internal.async.AsyncState;
import dev.sluice.servlet.internal.async.IoFailures;
import dev.sluice.servlet.internal.component.AppScope;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

/**
 * Async processing of one request (Servlet 6.1 section 2.3.3.3) on the core model: startAsync suspends the core
 * response, so the worker thread goes back to the pool when the servlet returns; complete, a dispatch or the
 * timeout later finishes the exchange from another thread. Where the request stands is one {@link AsyncState}:
 * complete or dispatch called while a container thread holds the request (the dispatch that started async, or
 * listeners told of a timeout or an I/O failure) take effect when that thread lets go, as the specification
 * requires; only when no listener completed or dispatched does the container answer a timeout with its own 500.
 *
 * <p>Thread-safe: the state is {@link AsyncState}'s; the listeners, the wrapped request and response and the
 * timer are guarded by this object. Listener and servlet code runs outside any lock.
 */
final class AsyncContextImpl implements AsyncContext, IoFailures {
    private final ServletRequestImpl base;
    /** The webapp the request entered: its slot, counters and completion, wherever dispatches lead. */
    private final WebApp origin;
    private final AsyncState state = new AsyncState();
    private final AsyncListeners listeners = new AsyncListeners();
    private ServletRequest request;
    private ServletResponse response;
    private boolean original;
    private AsyncTarget dispatchTarget;
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
    void start(ServletRequest req, ServletResponse res, boolean noArguments) {
        Runnable tellPrevious;
        synchronized (this) {
            state.startAsync();
            this.request = req;
            this.response = res;
            this.original = noArguments || req == base && res == base.response();
            this.defaultTarget = AsyncTarget.byDefault(base, req, noArguments);
            if (!suspendedCore) {
                suspendedCore = true;
                base.response().core().suspend();
                origin.suspendedRequests().incrementAndGet();
            }
            tellPrevious = listeners.restart(this, req, res);
        }
        tellPrevious.run();
    }

    boolean isStarted() {
        return state.isStarted();
    }

    /**
     * The dispatch that called startAsync, or an async dispatch, has returned: acts on a pending complete or
     * dispatch, arms the timeout, or completes an async dispatch that did not start a new cycle. Always true: the
     * exchange is this object's to complete from now on.
     */
    boolean serviceReturned() {
        try {
            act(state.holdEnded());
        } finally {
            base.content().releaseCallbacks(); // listener callbacks that came during the dispatch run now
        }
        return true;
    }

    /** Whether a container thread holds the request (the dispatch that started async, or listeners being told). */
    boolean inDispatch() {
        return state.isHeld();
    }

    /** Runs what a transition asked for; webapp code may run, so never under a lock. */
    private void act(AsyncState.Next next) {
        act(next, null);
    }

    /** As above; {@code reason} is the message of the container's 500 when nobody acted on a timeout or failure. */
    private void act(AsyncState.Next next, String reason) {
        switch (next) {
            case NOTHING, NOTIFY -> { }
            case ARM_TIMER -> armTimer();
            case DISPATCH -> base.app.settings().asyncExecutor().execute(this::runDispatch);
            case COMPLETE -> finish();
            case ERROR_COMPLETE -> {
                // Section 2.3.3.3: no listener completed or dispatched: an error dispatch with status 500.
                try {
                    if (!base.response().isCommitted()) {
                        base.response().sendError(500, reason);
                    }
                } catch (IOException | IllegalStateException ignored) {
                    // Committed: the client gets what was written.
                }
                finish();
            }
        }
    }

    /** Schedules the timeout, unless a complete or dispatch from another thread already ended the wait. */
    private synchronized void armTimer() {
        if (timeout > 0 && base.app.settings().scheduler() != null && state.state() == AsyncState.State.SUSPENDED) {
            timer = base.app.settings().scheduler().schedule(this::onTimeout, timeout, TimeUnit.MILLISECONDS);
        }
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
        if (!(context instanceof ServletContextImpl target)) {
            // ServletContext.getContext returns null for another webapp when crossContext is off.
            throw new IllegalArgumentException(context == null
                    ? "AsyncContext.dispatch: the ServletContext is null (getContext returns null for another"
                            + " webapp unless crossContext is on)"
                    : "AsyncContext.dispatch: not a ServletContext of this container: " + context.getClass().getName());
        }
        if (path == null) {
            throw new IllegalArgumentException("AsyncContext.dispatch: the path is null");
        }
        dispatch(AsyncTarget.of(target.app(), path));
    }

    private void dispatch(AsyncTarget target) {
        AsyncState.Next next;
        synchronized (this) {
            next = state.dispatch();
            dispatchTarget = target;
            cancelTimer();
        }
        act(next);
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
            state.dispatchBegins();
            target = dispatchTarget;
            req = request;
            res = response;
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
        } catch (dev.sluice.core.HttpException e) {
            // The dispatch's query took the request past maxParameterCount: its 400, as a forward gets.
            target.app().invoker().errors().onException(base, base.response(), e);
        } catch (RuntimeException e) {
            WebApp.LOG.log(Level.SEVERE, "Async dispatch failed", e);
        } finally {
            AppScope.exit(previous);
        }
        // Completes unless the target started a new cycle (a dispatch it asked for may then already run).
        serviceReturned();
    }

    private void setOrRemove(String name, Object value) {
        if (value != null) {
            base.setAttribute(name, value);
        }
    }

    @Override
    public void complete() {
        AsyncState.Next next;
        synchronized (this) {
            next = state.complete();
            cancelTimer();
        }
        act(next);
    }

    /** Completes the exchange once (the state machine let only one thread here): error page if pending, flush,
     *  onComplete, then the core response. */
    private void finish() {
        synchronized (this) {
            cancelTimer();
        }
        ClassLoader previous = origin.enter();
        try {
            origin.invoker().complete(base, base.response());
        } catch (IOException | RuntimeException e) {
            WebApp.LOG.log(Level.FINE, "Completing an async request failed", e);
        } finally {
            listeners.fire(this, AsyncListeners.Event.COMPLETE, null);
            AppScope.exit(previous);
            state.completed();
            origin.suspendedRequests().decrementAndGet();
            origin.slots().leave();
            base.response().core().complete();
            origin.slots().exited();
        }
    }

    /** The timer fired: onTimeout listeners first; the container's 500 only if none completed or dispatched. */
    private void onTimeout() {
        base.app.settings().asyncExecutor().execute(() -> {
            if (state.timedOut() == AsyncState.Next.NOTIFY) {
                notifyThenLetGo(AsyncListeners.Event.TIMEOUT, null);
            }
        });
    }

    /**
     * A ReadListener or WriteListener of this request failed (client gone, too slow, a callback threw): its own
     * onError ({@code listenerOnError}) first, then, if the request waits in async mode, the AsyncListeners'
     * onError; complete or dispatch called by either takes effect after both, else the exchange ends with a 500.
     * Runs on the request's serialized callback thread.
     */
    @Override
    public void failed(Throwable failure, Runnable listenerOnError) {
        boolean held = state.ioFailed() == AsyncState.Next.NOTIFY;
        try {
            listenerOnError.run();
        } finally {
            if (held) {
                notifyThenLetGo(AsyncListeners.Event.ERROR, failure);
            }
        }
    }

    /**
     * Section 2.3.3.3: an exception escaped the dispatch after startAsync. The listeners' onError run; if none
     * completed or dispatched, the exchange completes (with the error the exception produced) when the dispatch
     * returns, instead of waiting for the timeout.
     */
    void dispatchFailed(Throwable failure) {
        if (state.dispatchFailed()) {
            fireInApp(AsyncListeners.Event.ERROR, failure);
            state.errorNotified();
        }
    }

    private void notifyThenLetGo(AsyncListeners.Event kind, Throwable failure) {
        try {
            fireInApp(kind, failure);
        } finally {
            try {
                act(state.holdEnded(), kind == AsyncListeners.Event.TIMEOUT ? "Async request timed out" : "Async I/O failed");
            } finally {
                base.content().releaseCallbacks();
            }
        }
    }

    private void fireInApp(AsyncListeners.Event kind, Throwable failure) {
        ClassLoader previous = base.app.enter();
        try {
            listeners.fire(this, kind, failure);
        } finally {
            AppScope.exit(previous);
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
        if (!state.isStarted()) {
            throw new IllegalStateException("addListener outside an async cycle");
        }
        listeners.add(listener, req, res);
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> clazz) throws ServletException {
        return base.app.createComponent(clazz, clazz);
    }

    @Override
    public synchronized void setTimeout(long timeout) {
        if (!state.isHeld()) {
            throw new IllegalStateException("setTimeout after the dispatch returned");
        }
        this.timeout = timeout;
    }

    @Override
    public synchronized long getTimeout() {
        return timeout;
    }
}
