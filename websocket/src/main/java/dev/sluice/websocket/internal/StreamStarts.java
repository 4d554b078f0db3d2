package dev.sluice.websocket.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.glassfish.tyrus.spi.ReadHandler;

/**
 * The executor Tyrus starts streamed-message handlers ({@code @OnMessage} taking an {@code InputStream} or a
 * {@code Reader}) on, which holds a start back until the message has arrived whole.
 *
 * <p>Why: Tyrus (2.2.0, {@code InputStreamBuffer} and {@code ReaderBuffer}) starts the handler at a message's first
 * frame, and after appending each frame checks, outside its lock, whether a stream is still open; the handler's
 * thread marks the stream closed when it reads the end. When the handler reads the last frame to its end in the
 * instant between the append and the check, Tyrus starts the handler a second time, on an empty stream (about one
 * two-frame message in five did; issue 17). Started after the last frame was appended, the handler cannot race
 * the appends. A message whose frames declare more than the limit (the largest frame Sluice accepts) has its
 * handler started at once instead, as Tyrus does, so that it reads while the rest arrives and no more than one
 * frame's worth is buffered for a handler that has not started; such a message is still exposed to Tyrus' race.
 *
 * <p>A connection's reader runs Tyrus' frame handling inside {@link #holding}; a start Tyrus asks for meanwhile
 * (through {@link #execute}) waits in the connection's {@link Held} until {@link Held#release}. Everything else
 * Tyrus runs here (a broadcast's {@code submit}) goes straight to the pool. Thread-safe.
 */
final class StreamStarts extends AbstractExecutorService {
    private final ExecutorService pool;
    private final ThreadLocal<Held> reading = new ThreadLocal<>();

    StreamStarts(ExecutorService pool) {
        this.pool = pool;
    }

    /** Handler starts held for one connection until its message is complete. Thread-safe. */
    final class Held {
        private final List<Runnable> starts = new ArrayList<>(1);
        /** Released handlers still running. Under this. */
        private int running;
        /** Held starts plus running handlers, written under this, read without it (the per-message fast path). */
        private volatile int outstanding;

        /** Whether a start is held or a released handler still runs. */
        boolean active() {
            return outstanding > 0;
        }

        private synchronized void add(Runnable start) {
            starts.add(start);
            outstanding++;
        }

        /** Starts what was held, in order. */
        void release() {
            List<Runnable> now;
            synchronized (this) {
                if (starts.isEmpty()) {
                    return;
                }
                now = new ArrayList<>(starts);
                outstanding -= starts.size();
                starts.clear();
            }
            for (Runnable start : now) {
                synchronized (this) {
                    running++;
                    outstanding++;
                }
                pool.execute(() -> {
                    try {
                        start.run();
                    } finally {
                        synchronized (this) {
                            running--;
                            outstanding--;
                            notifyAll();
                        }
                    }
                });
            }
        }

        /**
         * Waits until the handlers released before have returned, at most {@code millis}: Tyrus clears its stream
         * buffer when the next message begins, so that message is handed to it only after the handler of the one
         * before has read it (which it can, the whole message being there). Handlers of one session thus run one
         * at a time, in order.
         *
         * @return whether they all returned in time
         */
        synchronized boolean awaitHandlers(long millis) throws InterruptedException {
            long deadline = System.nanoTime() + millis * 1_000_000;
            while (running > 0) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
            return true;
        }

        /** The connection closed mid-message: the handler of a message that never completed does not run. */
        synchronized void drop() {
            outstanding -= starts.size();
            starts.clear();
        }
    }

    Held newHeld() {
        return new Held();
    }

    /** Tyrus handles {@code frames} a connection received, with handler starts held in {@code held}. */
    void holding(Held held, ReadHandler tyrus, ByteBuffer frames) {
        reading.set(held);
        try {
            tyrus.handle(frames);
        } finally {
            reading.remove();
        }
    }

    @Override
    public void execute(Runnable command) {
        Held held = reading.get();
        if (held != null) {
            held.add(command);
        } else {
            pool.execute(command);
        }
    }

    // submit(...) would go through execute(): Tyrus' broadcast waits for what it submits, so never hold it back.
    @Override
    public Future<?> submit(Runnable task) {
        return pool.submit(task);
    }

    @Override
    public <T> Future<T> submit(Runnable task, T result) {
        return pool.submit(task, result);
    }

    @Override
    public <T> Future<T> submit(Callable<T> task) {
        return pool.submit(task);
    }

    @Override
    public void shutdown() {
        pool.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return pool.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return pool.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return pool.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return pool.awaitTermination(timeout, unit);
    }
}
