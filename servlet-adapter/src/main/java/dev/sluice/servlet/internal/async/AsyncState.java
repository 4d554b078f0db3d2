package dev.sluice.servlet.internal.async;

/**
 * The async state of one request (Servlet 6.1 section 2.3.3.3, AsyncContext and AsyncListener javadoc), with
 * every transition made here, under this object's lock. A transition returns what the caller must do next
 * ({@link Next}); the caller does it outside the lock, since it runs webapp code.
 *
 * <p>A request is <em>held</em> while a container thread owns it: a dispatch runs, or AsyncListeners are told of
 * a timeout or an I/O failure. complete() and dispatch() called while it is held only record the request and take
 * effect when the hold ends ({@link #holdEnded()}); this is what lets an onTimeout listener complete or dispatch
 * before the container's own error handling, with no race between the two.
 *
 * <pre>
 * state             startAsync  complete          dispatch          hold ends                timer / I/O failure
 * DISPATCHED        STARTED     -                 -                 COMPLETING (complete)    -
 * STARTED           -           COMPLETE_PENDING  DISPATCH_PENDING  SUSPENDED (arm timer)    -
 * COMPLETE_PENDING  -           (no-op)           -                 COMPLETING (complete)    -
 * DISPATCH_PENDING  -           -                 -                 DISPATCHING (dispatch)   -
 * SUSPENDED         -           COMPLETING        DISPATCHING       -                        EXPIRING / FAILING
 * EXPIRING, FAILING -           COMPLETE_PENDING  DISPATCH_PENDING  COMPLETING (500, then complete)
 * DISPATCHING       -           -                 -                 -                        (ignored)
 *   ... the queued dispatch begins: DISPATCHED
 * COMPLETING        -           (no-op)           -                 -                        (ignored)
 *   ... completion done: COMPLETE ("-": IllegalStateException for the calls, no change for the events)
 * </pre>
 *
 * <p>Thread-safe: any thread may call any method.
 */
public final class AsyncState {
    /** Where a request's async processing stands. */
    public enum State {
        /** A container dispatch runs and has not called startAsync. Held. */
        DISPATCHED,
        /** startAsync was called in the running dispatch. Held. */
        STARTED,
        /** complete() was called while held: the exchange completes when the hold ends. Held. */
        COMPLETE_PENDING,
        /** dispatch() was called while held: the async dispatch starts when the hold ends. Held. */
        DISPATCH_PENDING,
        /** The dispatch returned in async mode: no thread owns the request, the timeout runs. */
        SUSPENDED,
        /** The timeout fired: onTimeout listeners run. Held. */
        EXPIRING,
        /** A non-blocking read or write failed: the listeners' onError run. Held. */
        FAILING,
        /** An async dispatch is queued on the async executor. */
        DISPATCHING,
        /** The exchange is being completed (error page, flush, onComplete). */
        COMPLETING,
        /** Done. */
        COMPLETE
    }

    /** What the caller of a transition does next, outside the lock. */
    public enum Next {
        NOTHING,
        /** Schedule the async timeout. */
        ARM_TIMER,
        /** Run the async dispatch (on the async executor). */
        DISPATCH,
        /** Complete the exchange. */
        COMPLETE,
        /** Nobody completed or dispatched after a timeout or an I/O failure: status 500, then complete. */
        ERROR_COMPLETE,
        /** Tell the listeners (onTimeout or onError), then end the hold. */
        NOTIFY
    }

    private State state = State.DISPATCHED;

    public synchronized State state() {
        return state;
    }

    /** ServletRequest.isAsyncStarted: from startAsync until the async dispatch begins or completion. */
    public synchronized boolean isStarted() {
        return switch (state) {
            case STARTED, COMPLETE_PENDING, DISPATCH_PENDING, SUSPENDED, EXPIRING, FAILING, DISPATCHING -> true;
            case DISPATCHED, COMPLETING, COMPLETE -> false;
        };
    }

    /** Whether a container thread owns the request (a dispatch, or listeners being told of a timeout or error). */
    public synchronized boolean isHeld() {
        return switch (state) {
            case DISPATCHED, STARTED, COMPLETE_PENDING, DISPATCH_PENDING, EXPIRING, FAILING -> true;
            case SUSPENDED, DISPATCHING, COMPLETING, COMPLETE -> false;
        };
    }

    /** startAsync in the running dispatch. */
    public synchronized void startAsync() {
        switch (state) {
            case DISPATCHED -> state = State.STARTED;
            case STARTED, COMPLETE_PENDING, DISPATCH_PENDING ->
                    throw new IllegalStateException("startAsync called twice in one dispatch");
            default -> throw new IllegalStateException("startAsync called outside a dispatch (state " + state + ")");
        }
    }

    /** AsyncContext.complete: idempotent once completion is under way. */
    public synchronized Next complete() {
        switch (state) {
            case STARTED, EXPIRING, FAILING -> {
                state = State.COMPLETE_PENDING;
                return Next.NOTHING;
            }
            case SUSPENDED -> {
                state = State.COMPLETING;
                return Next.COMPLETE;
            }
            case COMPLETE_PENDING, COMPLETING, COMPLETE -> {
                return Next.NOTHING;
            }
            default -> throw new IllegalStateException("complete called outside an async cycle, or after dispatch"
                    + " (state " + state + ")");
        }
    }

    /** AsyncContext.dispatch: once per async cycle. */
    public synchronized Next dispatch() {
        switch (state) {
            case STARTED, EXPIRING, FAILING -> {
                state = State.DISPATCH_PENDING;
                return Next.NOTHING;
            }
            case SUSPENDED -> {
                state = State.DISPATCHING;
                return Next.DISPATCH;
            }
            default -> throw new IllegalStateException("dispatch is only allowed once, in an active async cycle"
                    + " (state " + state + ")");
        }
    }

    /**
     * The holder let go: the dispatch returned, or the listeners told of a timeout or failure returned. Acts on
     * what was asked meanwhile; a dispatch that did not start async completes the exchange.
     */
    public synchronized Next holdEnded() {
        switch (state) {
            case STARTED -> {
                state = State.SUSPENDED;
                return Next.ARM_TIMER;
            }
            case DISPATCHED, COMPLETE_PENDING -> {
                state = State.COMPLETING;
                return Next.COMPLETE;
            }
            case DISPATCH_PENDING -> {
                state = State.DISPATCHING;
                return Next.DISPATCH;
            }
            case EXPIRING, FAILING -> {
                state = State.COMPLETING;
                return Next.ERROR_COMPLETE;
            }
            default -> throw new IllegalStateException("no hold to end (state " + state + ")");
        }
    }

    /** The async timeout fired: listeners are told unless the request was completed or dispatched meanwhile. */
    public synchronized Next timedOut() {
        return hold(State.EXPIRING);
    }

    /** A non-blocking read or write failed: AsyncListener.onError, if the request waits in async mode. */
    public synchronized Next ioFailed() {
        return hold(State.FAILING);
    }

    private Next hold(State notifying) {
        if (state != State.SUSPENDED) {
            return Next.NOTHING;
        }
        state = notifying;
        return Next.NOTIFY;
    }

    /**
     * An exception escaped the running dispatch. Returns true if async was started in it (the caller tells the
     * listeners' onError); {@link #errorNotified()} follows.
     */
    public synchronized boolean dispatchFailed() {
        return state == State.STARTED;
    }

    /** After onError for an exception in the dispatch: if no listener completed or dispatched, complete on return. */
    public synchronized void errorNotified() {
        if (state == State.STARTED) {
            state = State.COMPLETE_PENDING;
        }
    }

    /** The queued async dispatch begins. */
    public synchronized void dispatchBegins() {
        if (state != State.DISPATCHING) {
            throw new IllegalStateException("no async dispatch queued (state " + state + ")");
        }
        state = State.DISPATCHED;
    }

    /** Completion is done. */
    public synchronized void completed() {
        state = State.COMPLETE;
    }

    @Override
    public synchronized String toString() {
        return state.name();
    }
}
