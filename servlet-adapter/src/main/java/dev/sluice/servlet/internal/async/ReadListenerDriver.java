package dev.sluice.servlet.internal.async;

import dev.sluice.core.IoCallback;
import dev.sluice.core.NonBlockingInput;
import jakarta.servlet.ReadListener;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Non-blocking reading for a ServletInputStream (Servlet 6.1 section 5.7, ServletInputStream and ReadListener
 * javadoc) over the core's {@link NonBlockingInput}:
 * <ul>
 * <li>onDataAvailable first when content (or its end) is there; then only after isReady returned false and
 * content arrived;</li>
 * <li>onAllDataRead once, when the end was reached, after any onDataAvailable has returned;</li>
 * <li>onError once on a failure (client gone, too slow, malformed), or when a callback throws;</li>
 * <li>read after isReady returned false throws IllegalStateException.</li>
 * </ul>
 * The core calls back on a connector worker; {@link SerialCallbacks} makes the calls one at a time, with the
 * webapp's class loader. Between callbacks no thread is held.
 */
public final class ReadListenerDriver implements IoCallback {
    private final NonBlockingInput in;
    private final SerialCallbacks serial;
    private final ReadListener listener;
    private final AtomicBoolean awaiting = new AtomicBoolean();
    private volatile boolean notReady;
    private boolean allDataRead;
    private boolean failed;

    public ReadListenerDriver(NonBlockingInput in, SerialCallbacks serial, ReadListener listener) {
        this.in = in;
        this.serial = serial;
        this.listener = listener;
    }

    /** Starts: the first callback comes when content (or its end) is available. */
    public void start() {
        awaiting.set(true);
        in.awaitReadable(this);
    }

    public boolean isReady() {
        boolean ready = in.isReady();
        notReady = !ready;
        if (!ready && awaiting.compareAndSet(false, true)) {
            in.awaitReadable(this);
        }
        return ready;
    }

    public boolean isFinished() {
        return in.isFinished();
    }

    public int read(byte[] b, int off, int len) throws IOException {
        if (notReady) {
            throw new IllegalStateException("isReady() returned false: wait for onDataAvailable before reading");
        }
        try {
            int n = in.read(b, off, len);
            if (n == 0 && len > 0) {
                throw new IllegalStateException("No data available: call isReady() before reading");
            }
            return n;
        } catch (IOException e) {
            serial.run(() -> fail(e)); // after the running callback, which sees the exception first
            throw e;
        }
    }

    // IoCallback: on a connector worker

    @Override
    public void onReady() {
        awaiting.set(false);
        serial.run(this::dataAvailable);
    }

    @Override
    public void onError(Throwable failure) {
        awaiting.set(false);
        serial.run(() -> fail(failure));
    }

    private void dataAvailable() {
        if (failed || allDataRead) {
            return;
        }
        notReady = false;
        try {
            if (!in.isFinished()) {
                if (!in.isReady()) {
                    isReady(); // nothing after all (a chunk header only): wait again
                    return;
                }
                if (!in.isFinished()) { // what came may be the end only: then onAllDataRead alone
                    listener.onDataAvailable();
                }
            }
            if (in.isFinished() && !allDataRead && !failed) {
                allDataRead = true;
                listener.onAllDataRead();
            }
        } catch (Throwable t) {
            fail(t);
        }
    }

    private void fail(Throwable failure) {
        if (failed) {
            return;
        }
        failed = true;
        listener.onError(failure);
    }
}
