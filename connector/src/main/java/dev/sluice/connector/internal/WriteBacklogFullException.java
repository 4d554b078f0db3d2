package dev.sluice.connector.internal;

import java.io.IOException;

/**
 * A non-blocking write while output was already held for a client that does not read, past the connector's
 * maxWriteBacklog: the application ignored {@code isReady()} and the client is not reading, so the write fails
 * (the WriteListener's onError, or the IOException of a plain write) and the connection is closed rather than
 * letting one slow client grow the server's memory without bound.
 */
final class WriteBacklogFullException extends IOException {
    private static final long serialVersionUID = 1L;

    WriteBacklogFullException(long max) {
        super("More than " + max + " response bytes held for a client that is not reading (maxWriteBacklog)");
    }
}
