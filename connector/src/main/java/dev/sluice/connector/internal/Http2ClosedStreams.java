package dev.sluice.connector.internal;

import java.util.LinkedHashSet;

/**
 * The ids of the most recently closed streams of one connection ({@value #REMEMBERED} of each kind), which decide
 * how a late frame on a stream that is gone is answered (RFC 9113 section 5.1): HEADERS on a recently closed
 * stream is STREAM_CLOSED, on any other id at or below the last one PROTOCOL_ERROR (section 5.1.1); DATA the
 * client sent before our RST_STREAM reached it is ignored. Selector thread only.
 */
final class Http2ClosedStreams {
    static final int REMEMBERED = 128;

    private final LinkedHashSet<Integer> closed = new LinkedHashSet<>();
    private final LinkedHashSet<Integer> resetByUs = new LinkedHashSet<>();

    /** @param resetWhileOpen we closed it while the client could still send (it had not sent END_STREAM) */
    void closed(int id, boolean resetWhileOpen) {
        remember(closed, id);
        if (resetWhileOpen) {
            remember(resetByUs, id);
        }
    }

    boolean recentlyClosed(int id) {
        return closed.contains(id);
    }

    /** Whether we reset it while the client could still send: what it sent meanwhile is ignored. */
    boolean resetByUs(int id) {
        return resetByUs.contains(id);
    }

    private static void remember(LinkedHashSet<Integer> ids, int id) {
        ids.add(id);
        if (ids.size() > REMEMBERED) {
            ids.remove(ids.iterator().next());
        }
    }
}
