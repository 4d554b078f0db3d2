package dev.sluice.connector;

import dev.sluice.core.IoCallback;
import dev.sluice.core.NonBlockingInput;
import dev.sluice.core.UpgradedConnection;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/** A toy protocol for upgrade tests: echoes with non-blocking reads and blocking writes; closes at end of stream. */
final class UpgradeEcho {
    private UpgradeEcho() {
    }

    /** Starts echoing on {@code conn}; {@code closed} counts down when the connection closes. */
    static void start(UpgradedConnection conn, CountDownLatch closed) {
        conn.onClose(closed::countDown);
        NonBlockingInput in = conn.nonBlockingInput();
        in.awaitReadable(new IoCallback() {
            @Override
            public void onReady() {
                byte[] buf = new byte[1024];
                try {
                    while (in.isReady()) {
                        int n = in.read(buf, 0, buf.length);
                        if (n < 0) {
                            conn.close();
                            return;
                        }
                        conn.output().write(buf, 0, n);
                    }
                    in.awaitReadable(this);
                } catch (IOException e) {
                    conn.close();
                }
            }

            @Override
            public void onError(Throwable failure) {
                conn.close();
            }
        });
    }
}
