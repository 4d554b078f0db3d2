package dev.sluice.connector.internal;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Heap buffers of one size, reused by connections while they are active so that an idle connection holds none
 * and a busy one allocates none. Keeps at most {@code maxRetained}; beyond that, returned buffers are left to
 * the garbage collector. Thread-safe.
 */
final class BufferPool {
    private final int size;
    private final int maxRetained;
    private final ConcurrentLinkedQueue<ByteBuffer> free = new ConcurrentLinkedQueue<>();
    private final AtomicInteger retained = new AtomicInteger();

    BufferPool(int size, int maxRetained) {
        this.size = size;
        this.maxRetained = maxRetained;
    }

    int bufferSize() {
        return size;
    }

    /** A cleared buffer. */
    ByteBuffer acquire() {
        ByteBuffer b = free.poll();
        if (b == null) {
            return ByteBuffer.allocate(size);
        }
        retained.decrementAndGet();
        return b.clear();
    }

    void release(ByteBuffer b) {
        if (b == null || b.capacity() != size) {
            return;
        }
        if (retained.incrementAndGet() <= maxRetained) {
            free.offer(b);
        } else {
            retained.decrementAndGet();
        }
    }
}
