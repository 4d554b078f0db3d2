package dev.sluice.bench.soak;

import java.util.Map;

/**
 * One look at the server during a soak: seconds since the load started, resident memory, live heap after a full
 * GC (KiB, -1 when not taken), open file descriptors and threads, and the connector and session figures.
 */
record SoakSample(long second, long rssKib, long heapAfterGcKib, int fds, long threads, Map<String, Long> metrics) {
    static final String CSV_HEADER = "second,rss_kib,heap_after_gc_kib,fds,threads,connections_open,workers_busy,"
            + "queue_depth,sessions_active";

    String csv() {
        return second + "," + rssKib + "," + heapAfterGcKib + "," + fds + "," + threads + ","
                + metrics.getOrDefault("connections_open", -1L) + "," + metrics.getOrDefault("workers_busy", -1L)
                + "," + metrics.getOrDefault("queue_depth", -1L) + "," + metrics.getOrDefault("sessions_active", -1L);
    }

    @Override
    public String toString() {
        return String.format("t=%5ds rss=%7.1f MiB heapAfterGC=%6.1f MiB fds=%4d threads=%3d %s", second,
                rssKib / 1024.0, heapAfterGcKib / 1024.0, fds, threads, new java.util.TreeMap<>(metrics));
    }
}
