package dev.sluice.servlet.internal.async;

import dev.sluice.core.IoCallback;
import dev.sluice.core.NonBlockingOutput;
import jakarta.servlet.WriteListener;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Non-blocking writing for a ServletOutputStream (Servlet 6.1 section 5.7, ServletOutputStream and
 * WriteListener javadoc) over the core's {@link NonBlockingOutput}: onWritePossible first when writing is
 * possible, then only after isReady returned false and the held output has gone to the client; onError once
 * when the client is gone or stops reading (write timeout); a write after isReady returned false throws
 * IllegalStateException. Writes never block: the connector holds what the socket does not take.
 */
public final class WriteListenerDriver implements IoCallback {
    private final NonBlockingOutput out;
    private final SerialCallbacks serial;
    private final WriteListener listener;
    private final AtomicBoolean awaiting = new AtomicBoolean();
    private volatile boolean notReady;
    private boolean failed;

    public WriteListenerDriver(NonBlockingOutput out, SerialCallbacks serial, WriteListener listener) {
        this.out = out;
        this.serial = serial;
        this.listener = listener;
    }

    public void start() {
        awaiting.set(true);
        out.awaitWritable(this);
    }

    public boolean isReady() {
        boolean ready = out.isReady();
        notReady = !ready;
        if (!ready && awaiting.compareAndSet(false, true)) {
            out.awaitWritable(this);
        }
        return ready;
    }

    /** @throws IllegalStateException when isReady() returned false and onWritePossible has not come yet */
    public void checkWrite() {
        if (notReady) {
            throw new IllegalStateException("isReady() returned false: wait for onWritePossible before writing");
        }
    }

    public void writeFailed(Throwable failure) {
        serial.run(() -> fail(failure));
    }

    @Override
    public void onReady() {
        awaiting.set(false);
        serial.run(() -> {
            if (failed) {
                return;
            }
            notReady = false;
            try {
                listener.onWritePossible();
            } catch (Throwable t) {
                fail(t);
            }
        });
    }

    @Override
    public void onError(Throwable failure) {
        awaiting.set(false);
        serial.run(() -> fail(failure));
    }

    private void fail(Throwable failure) {
        if (failed) {
            return;
        }
        failed = true;
        listener.onError(failure);
    }
}
