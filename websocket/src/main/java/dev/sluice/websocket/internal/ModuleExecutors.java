package dev.sluice.websocket.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads Tyrus needs besides the connector's workers, shared by every webapp of the module (Tyrus would
 * otherwise start ten timer threads per webapp): one timer for idle timeouts, and a pool for streamed messages,
 * whose handler reads a {@code Reader} or {@code InputStream} that the worker reading the socket fills. Its
 * threads exist only while a stream handler runs (and a minute after). Daemon threads; thread-safe.
 */
public final class ModuleExecutors {
    private final ScheduledExecutorService timer = new IdleTimer(named("sluice-websocket-timer"));
    private final StreamStarts streams =
            new StreamStarts(Executors.newCachedThreadPool(named("sluice-websocket-stream")));

    ScheduledExecutorService timer() {
        return timer;
    }

    StreamStarts streams() {
        return streams;
    }

    /**
     * Tyrus' idle-timeout timer. Tyrus reschedules a session's idle check after every message, also when the
     * session has no idle timeout: then with a delay of 0, for a check that does nothing. Those are answered with
     * a finished future instead of a task on the timer thread per message (Tyrus uses this executor for nothing
     * else that runs at once).
     */
    private static final class IdleTimer extends ScheduledThreadPoolExecutor {
        IdleTimer(ThreadFactory threads) {
            super(1, threads);
            setRemoveOnCancelPolicy(true); // a session's rescheduled check does not linger in the queue
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            return delay <= 0 ? NOTHING_TO_DO : super.schedule(command, delay, unit);
        }
    }

    private static final ScheduledFuture<?> NOTHING_TO_DO = new ScheduledFuture<Object>() {
        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterrupt) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    };

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
