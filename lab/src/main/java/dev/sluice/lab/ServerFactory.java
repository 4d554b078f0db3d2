package dev.sluice.lab;

import dev.sluice.core.Limits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;

/** Starts a fresh server for a sweep step. */
@FunctionalInterface
public interface ServerFactory {
    Running start(Limits limits) throws IOException;

    /** A started server; closing it stops it and frees its port. */
    interface Running extends AutoCloseable {
        InetSocketAddress address();

        /** Where to sample its live figures. */
        MetricsSource metrics();

        /** The server's own cumulative counters (e.g. completed, rejected), for checking the lab's counts. */
        Map<String, Long> counters();

        @Override
        void close();
    }
}
