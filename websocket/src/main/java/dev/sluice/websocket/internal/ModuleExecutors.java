package dev.sluice.websocket.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads Tyrus needs besides the connector's workers, shared by every webapp of the module (Tyrus would
 * otherwise start ten timer threads per webapp): one timer for idle timeouts, and a pool for streamed messages,
 * whose handler reads a {@code Reader} or {@code InputStream} that the worker reading the socket fills. Its
 * threads exist only while a stream handler runs (and a minute after). Daemon threads; thread-safe.
 */
public final class ModuleExecutors {
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(named("sluice-websocket-timer"));
    private final ExecutorService streams = Executors.newCachedThreadPool(named("sluice-websocket-stream"));

    ScheduledExecutorService timer() {
        return timer;
    }

    ExecutorService streams() {
        return streams;
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
