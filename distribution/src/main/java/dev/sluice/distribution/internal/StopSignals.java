package dev.sluice.distribution.internal;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns SIGTERM and SIGINT into an orderly stop with exit code 0. The JVM's own handling would run shutdown hooks
 * and exit with 143 or 130, which service managers read as a failure.
 */
final class StopSignals {
    private static final Logger LOG = Logger.getLogger(StopSignals.class.getName());

    private StopSignals() {
    }

    /**
     * Calls {@code onSignal} on SIGTERM or SIGINT. Where signals cannot be caught (a JVM without
     * {@code sun.misc.Signal}), {@code fallback} runs as a shutdown hook instead.
     */
    static void onStop(Runnable onSignal, Runnable fallback) {
        try {
            sun.misc.SignalHandler handler = signal -> onSignal.run();
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), handler);
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), handler);
        } catch (LinkageError | IllegalArgumentException e) {
            LOG.log(Level.FINE, "signals not available, using a shutdown hook", e);
            Runtime.getRuntime().addShutdownHook(new Thread(fallback, "sluice-shutdown"));
        }
    }
}
