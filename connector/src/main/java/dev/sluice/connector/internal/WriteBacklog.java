package dev.sluice.connector.internal;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Output held for a client that does not read fast enough, in non-blocking write mode: a write sends what the
 * socket takes and keeps the rest here, in order, instead of waiting. An application that writes only while
 * {@code isReady()} is true keeps this to about one write. Used by one thread at a time; synchronized because
 * the selector-fired callback and the application may follow each other on different threads.
 */
final class WriteBacklog {
    private final long max;
    private ByteBuffer held = ByteBuffer.allocate(0); // read mode

    /** Without a bound (tests of the mechanics). */
    WriteBacklog() {
        this(Long.MAX_VALUE);
    }

    /** @param max the connector's maxWriteBacklog: most bytes held once a write finds some already held */
    WriteBacklog(long max) {
        this.max = max;
    }

    /**
     * Sends {@code srcs} after what is held, keeping what the socket does not take.
     *
     * @throws WriteBacklogFullException when bytes were already held (the application wrote while not ready) and
     *                                   these would take the held total past {@code max}
     */
    synchronized void write(Wire wire, ByteBuffer[] srcs, int offset, int length) throws IOException {
        if (!flush(wire)) {
            long total = held.remaining() + remaining(srcs, offset, length);
            if (total > max) {
                throw new WriteBacklogFullException(max);
            }
            hold(srcs, offset, length);
            return;
        }
        wire.write(srcs, offset, length);
        hold(srcs, offset, length);
    }

    /** Tries to send what is held. @return whether nothing is held any more */
    synchronized boolean flush(Wire wire) throws IOException {
        if (held.hasRemaining()) {
            wire.write(new ByteBuffer[] {held}, 0, 1);
        }
        return !held.hasRemaining() && wire.flush(); // a TLS wire may still hold records it made
    }

    synchronized boolean isEmpty() {
        return !held.hasRemaining();
    }

    private static long remaining(ByteBuffer[] srcs, int offset, int length) {
        long n = 0;
        for (int i = offset; i < offset + length; i++) {
            n += srcs[i].remaining();
        }
        return n;
    }

    private void hold(ByteBuffer[] srcs, int offset, int length) {
        long more = remaining(srcs, offset, length);
        if (more == 0) {
            return;
        }
        if (held.capacity() - held.remaining() < more) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.toIntExact(Math.max(held.remaining() + more,
                    held.capacity() * 2L)));
            bigger.put(held).flip();
            held = bigger;
        }
        held.compact();
        for (int i = offset; i < offset + length; i++) {
            held.put(srcs[i]);
        }
        held.flip();
    }
}
