package dev.sluice.distribution.internal.accesslog;

import dev.sluice.distribution.internal.logfiles.DailyLogFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

/**
 * Appends one line per exchange to {@code logs/access.<yyyy-MM-dd>.log}, the file of the local day the request
 * arrived (daily rotation; a new day's file is never left again for a late line of the day before).
 *
 * <p>Off the request path, as nginx's and Tomcat's buffered logs are: a worker only puts the entry (plain
 * fields, no text) into a bounded queue; one writer thread turns entries into text and writes them in batches,
 * waking at most every {@value #BATCH_PAUSE_MILLIS} ms while lines keep coming (so a burst costs one wake-up, not
 * one per request), and pushes them to the disk at most a second late. When the disk cannot keep up and the queue
 * is full, workers wait for room: the log slows the server down rather than lose lines.
 *
 * <p>Thread-safe. {@link #log} may be called by any thread; {@link #flush} and {@link #close} wait for the writer.
 */
public final class AccessLog implements AutoCloseable {
    static final int QUEUE_CAPACITY = 16_384;
    static final int BATCH_PAUSE_MILLIS = 10;
    private static final long FLUSH_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Logger LOG = Logger.getLogger(AccessLog.class.getName());

    private final Path folder;
    private final AccessLogFormat format;
    private final DailyLogFile file;
    private final LineClock clock;
    /** {@link AccessEntry}s and {@link Barrier}s, in the order they were logged. */
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final LongAdder dropped = new LongAdder();
    private final Thread writer;
    private volatile boolean closed;
    // writer thread only
    private final StringBuilder lines = new StringBuilder(64 * 1024);
    private final List<Object> batch = new ArrayList<>(QUEUE_CAPACITY);
    private LocalDate day;
    private boolean failed;
    private long lastFlushNanos = System.nanoTime();
    private boolean unflushed;

    public AccessLog(Path folder, AccessLogFormat format, String software, Clock clock) {
        this.folder = folder;
        this.format = format;
        this.clock = new LineClock(clock.getZone());
        this.file = new DailyLogFile(folder, "access", format.header(software));
        this.writer = new Thread(this::writeLoop, "sluice-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * Records one exchange: queues it, waiting only while the queue is full. Never throws: a failing disk is
     * reported once in the server log. Lines logged after {@link #close} are dropped.
     */
    public void log(AccessEntry entry) {
        if (closed) {
            return;
        }
        try {
            queue.put(entry);
        } catch (InterruptedException e) {
            dropped.increment(); // the worker is being stopped: keep its interrupt, lose this one line
            Thread.currentThread().interrupt();
        }
    }

    /** Writes every line logged before this call to the file, and returns once it is there (tests, shutdown). */
    public void flush() {
        if (closed) {
            return;
        }
        awaitWriter(new Barrier(false));
    }

    /** The file lines of {@code day} go to. */
    public Path fileFor(LocalDate day) {
        return file.fileFor(day);
    }

    /** Lines lost because the thread logging them was interrupted while the queue was full. */
    long dropped() {
        return dropped.sum();
    }

    /** Writes what is queued, closes the file and stops the writer thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true; // later lines are dropped, so nobody can wait for a queue no writer empties any more
        awaitWriter(new Barrier(true));
    }

    private void awaitWriter(Barrier barrier) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(barrier);
                barrier.done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // finish anyway: the caller relies on the lines being written
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeLoop() {
        while (true) {
            Object next;
            try {
                next = queue.poll(1, TimeUnit.SECONDS); // idle: wait here, woken by the first new line
            } catch (InterruptedException e) {
                continue; // nobody interrupts this thread on purpose; close() stops it with a barrier
            }
            if (next == null) {
                flushFile();
                continue;
            }
            // take whatever else is queued (one lock for all of it), then let more lines gather
            batch.add(next);
            queue.drainTo(batch);
            for (int i = 0; i < batch.size(); i++) {
                Object item = batch.get(i);
                if (item instanceof Barrier barrier) {
                    writeBatch();
                    flushFile();
                    if (barrier.close) {
                        closeFile();
                        barrier.done.countDown();
                        return;
                    }
                    barrier.done.countDown();
                } else {
                    append((AccessEntry) item);
                }
            }
            batch.clear();
            writeBatch();
            if (System.nanoTime() - lastFlushNanos >= FLUSH_EVERY_NANOS) {
                flushFile();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(BATCH_PAUSE_MILLIS));
        }
    }

    private void append(AccessEntry entry) {
        LocalDate entryDay = clock.day(entry.receivedMillis);
        if (day == null || entryDay.isAfter(day)) {
            writeBatch(); // the lines so far belong to the previous day's file
            day = entryDay;
        }
        format.append(lines, entry, clock);
        lines.append('\n');
        if (lines.length() >= 60 * 1024) {
            writeBatch();
        }
    }

    private void writeBatch() {
        if (lines.length() == 0) {
            return;
        }
        try {
            file.append(day, lines);
            unflushed = true;
            failed = false;
        } catch (IOException e) {
            if (!failed) {
                LOG.warning("Cannot write the access log in " + folder + ": " + e.getMessage());
                failed = true;
            }
        }
        lines.setLength(0);
        if (lines.capacity() > 256 * 1024) {
            lines.trimToSize(); // one huge user agent must not keep a huge buffer
        }
    }

    private void flushFile() {
        lastFlushNanos = System.nanoTime();
        if (!unflushed) {
            return;
        }
        unflushed = false;
        try {
            file.flush();
        } catch (IOException e) {
            LOG.warning("Cannot flush the access log: " + e.getMessage());
        }
    }

    private void closeFile() {
        try {
            file.close();
        } catch (IOException e) {
            LOG.warning("Cannot close the access log: " + e.getMessage());
        }
    }

    /** Queued behind the lines logged before it; its caller waits until the writer has written them. */
    private static final class Barrier {
        final boolean close;
        final CountDownLatch done = new CountDownLatch(1);

        Barrier(boolean close) {
            this.close = close;
        }
    }
}
