package dev.sluice.servlet.internal.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.servlet.internal.async.AsyncState.Next;
import dev.sluice.servlet.internal.async.AsyncState.State;
import org.junit.jupiter.api.Test;

/** The async state machine's transitions (Servlet 6.1 section 2.3.3.3), one path per test. */
class AsyncStateTest {
    private static AsyncState suspended() {
        AsyncState s = new AsyncState();
        s.startAsync();
        assertEquals(Next.ARM_TIMER, s.holdEnded());
        assertEquals(State.SUSPENDED, s.state());
        return s;
    }

    @Test
    void completeDuringTheStartingDispatchTakesEffectWhenItReturns() {
        AsyncState s = new AsyncState();
        s.startAsync();
        assertEquals(Next.NOTHING, s.complete());
        assertEquals(Next.NOTHING, s.complete(), "a second complete is a no-op");
        assertTrue(s.isStarted());
        assertEquals(Next.COMPLETE, s.holdEnded());
        assertFalse(s.isStarted());
    }

    @Test
    void completeOrDispatchWhileSuspendedActsAtOnce() {
        assertEquals(Next.COMPLETE, suspended().complete());
        AsyncState s = suspended();
        assertEquals(Next.DISPATCH, s.dispatch());
        assertThrows(IllegalStateException.class, s::dispatch, "dispatch once per cycle");
        assertThrows(IllegalStateException.class, s::complete, "complete after dispatch");
        s.dispatchBegins();
        assertFalse(s.isStarted());
        assertEquals(Next.COMPLETE, s.holdEnded(), "the async dispatch did not restart async");
    }

    /** Issue 14: Spring's onTimeout callback dispatches from inside onTimeout; the container must not add a 500. */
    @Test
    void aDispatchFromOnTimeoutWinsOverTheContainersError() {
        AsyncState s = suspended();
        assertEquals(Next.NOTIFY, s.timedOut());
        assertTrue(s.isHeld());
        assertEquals(Next.NOTHING, s.dispatch(), "held by the listeners: the dispatch waits for them");
        assertEquals(Next.NOTHING, s.timedOut(), "a second timer event changes nothing");
        assertEquals(Next.DISPATCH, s.holdEnded());
        assertEquals(State.DISPATCHING, s.state());
    }

    @Test
    void aCompleteFromOnTimeoutWinsOverTheContainersError() {
        AsyncState s = suspended();
        assertEquals(Next.NOTIFY, s.timedOut());
        assertEquals(Next.NOTHING, s.complete());
        assertEquals(Next.COMPLETE, s.holdEnded());
    }

    @Test
    void aTimeoutNobodyHandlesEndsInTheContainersError() {
        AsyncState s = suspended();
        assertEquals(Next.NOTIFY, s.timedOut());
        assertEquals(Next.ERROR_COMPLETE, s.holdEnded());
        assertEquals(Next.NOTHING, s.complete(), "complete after the container's error is a no-op");
    }

    @Test
    void aTimerAfterCompleteOrDispatchIsIgnored() {
        AsyncState completed = suspended();
        completed.complete();
        assertEquals(Next.NOTHING, completed.timedOut());
        AsyncState dispatched = suspended();
        dispatched.dispatch();
        assertEquals(Next.NOTHING, dispatched.timedOut());
        assertEquals(Next.NOTHING, dispatched.ioFailed());
    }

    @Test
    void anIoFailureWhileSuspendedIsHeldLikeATimeout() {
        AsyncState s = suspended();
        assertEquals(Next.NOTIFY, s.ioFailed());
        assertEquals(State.FAILING, s.state());
        assertEquals(Next.ERROR_COMPLETE, s.holdEnded());
        AsyncState handled = suspended();
        handled.ioFailed();
        assertEquals(Next.NOTHING, handled.complete());
        assertEquals(Next.COMPLETE, handled.holdEnded());
    }

    @Test
    void anExceptionFromTheStartingDispatchCompletesOnReturnUnlessAListenerActed() {
        AsyncState s = new AsyncState();
        s.startAsync();
        assertTrue(s.dispatchFailed());
        s.errorNotified();
        assertEquals(Next.COMPLETE, s.holdEnded());
        AsyncState redispatched = new AsyncState();
        redispatched.startAsync();
        assertTrue(redispatched.dispatchFailed());
        redispatched.dispatch(); // onError dispatched
        redispatched.errorNotified();
        assertEquals(Next.DISPATCH, redispatched.holdEnded());
        assertFalse(new AsyncState().dispatchFailed(), "no async started: nothing to tell");
    }

    @Test
    void startAsyncOnlyOncePerDispatchAndOnlyInOne() {
        AsyncState s = new AsyncState();
        s.startAsync();
        assertThrows(IllegalStateException.class, s::startAsync);
        s.holdEnded();
        assertThrows(IllegalStateException.class, s::startAsync, "suspended: no dispatch runs");
        s.dispatch();
        s.dispatchBegins();
        s.startAsync(); // a new cycle in the async dispatch
        assertEquals(Next.ARM_TIMER, s.holdEnded());
    }
}
