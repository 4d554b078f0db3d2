package dev.sluice.distribution.internal.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadinessTest {
    private final AtomicInteger depth = new AtomicInteger();
    private final Readiness readiness = new Readiness(depth::get, 10, 0.8);

    @Test
    void startingUntilStartedThenReady() {
        assertEquals("starting", readiness.notReadyReason());
        readiness.started();
        assertNull(readiness.notReadyReason());
    }

    @Test
    void notReadyWhileADeploymentRuns() throws Exception {
        readiness.started();
        String seen = readiness.deploying(readiness::notReadyReason);
        assertEquals("deploying", seen);
        assertNull(readiness.notReadyReason());
        assertThrows(java.io.IOException.class, () -> readiness.deploying(() -> {
            throw new java.io.IOException("bad war");
        }));
        assertNull(readiness.notReadyReason(), "a failed deployment ends too");
    }

    @Test
    void saturatedFromTheFractionOfTheQueueOn() {
        readiness.started();
        depth.set(7);
        assertNull(readiness.notReadyReason());
        depth.set(8);
        assertEquals("saturated: 8 of 10 queue places taken", readiness.notReadyReason());
        depth.set(3);
        assertNull(readiness.notReadyReason());
    }

    @Test
    void drainingWinsAndLasts() {
        readiness.started();
        depth.set(10);
        readiness.drain();
        assertEquals("draining", readiness.notReadyReason());
        depth.set(0);
        assertEquals("draining", readiness.notReadyReason());
    }

    @Test
    void aServerWithoutQueueIsNeverSaturatedByIt() {
        Readiness noQueue = new Readiness(() -> 0, 0, 1.0);
        noQueue.started();
        assertNull(noQueue.notReadyReason());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.5, 1.01, Double.NaN})
    void aFractionOutsideZeroToOneIsRefused(double fraction) {
        assertThrows(IllegalArgumentException.class, () -> new Readiness(() -> 0, 10, fraction));
    }
}
