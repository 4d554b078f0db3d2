package dev.sluice.bench.soak;

/** Whether the soak's clients keep going; each checks it before starting another request. Thread-safe. */
final class SoakControl {
    private static final long BURST_EVERY_NANOS = 10_000_000_000L;
    private static final long BURST_NANOS = 5_000_000_000L;
    private final long started = System.nanoTime();
    private volatile boolean running = true;

    /** Waits for the first 5 s of a 10-s period since this control was made; false once stopped. */
    boolean awaitBurst() {
        while (running && (System.nanoTime() - started) % BURST_EVERY_NANOS >= BURST_NANOS) {
            pause(100);
        }
        return running;
    }

    boolean running() {
        return running;
    }

    void stop() {
        running = false;
    }

    /** Pacing between attempts (never a check): returns early, without an exception, once stopped. */
    void pause(long millis) {
        long end = System.nanoTime() + millis * 1_000_000;
        while (running && System.nanoTime() < end) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static void closeQuietly(java.io.Closeable c) {
        if (c != null) {
            try {
                c.close();
            } catch (java.io.IOException ignored) {
                // already closed or reset: nothing to do
            }
        }
    }

    /** Closes with an RST instead of a FIN (SO_LINGER 0), as a client that crashed or gave up would. */
    static void reset(java.net.Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (java.io.IOException ignored) {
            // closed already
        }
        closeQuietly(socket);
    }
}
