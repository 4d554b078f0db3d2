package dev.sluice.websocket;

import java.util.function.BooleanSupplier;

/** Waits for a condition that another thread makes true (a positive check, never a timed negative one). */
final class Waits {
    private Waits() {
    }

    static void until(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(5);
        }
    }
}
