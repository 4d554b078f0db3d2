package dev.sluice.connector.internal;

import dev.sluice.core.HttpDate;

/**
 * The Date and Server lines of every response head, already encoded: Server once, Date once per second (when
 * {@link HttpDate#now} moves on). Copying a finished line is cheaper than encoding the same 30 characters on
 * every response.
 *
 * <p>Thread-safe: the Date line is one immutable pair swapped through a volatile field; two threads crossing a
 * second together may both encode it, which costs a byte array, never a wrong date.
 */
final class ServerFieldLines {
    private final HttpDate date;
    private final byte[] server;
    private volatile DateLine dateLine = new DateLine(null, null);

    /** @param server the Server value, or null to send none */
    ServerFieldLines(HttpDate date, String server) {
        this.date = date;
        this.server = server == null ? null : HeadEncoder.encodeLine("Server", server);
    }

    /** {@code Date: <now>} CRLF. */
    byte[] date() {
        String now = date.now();
        DateLine line = dateLine;
        // HttpDate returns the same String object all through a second: an identity check is enough
        if (line.text != now) {
            line = new DateLine(now, HeadEncoder.encodeLine("Date", now));
            dateLine = line;
        }
        return line.bytes;
    }

    /** {@code Server: <name>} CRLF, or null when no Server field is sent. */
    byte[] server() {
        return server;
    }

    private static final class DateLine {
        final String text;
        final byte[] bytes;

        DateLine(String text, byte[] bytes) {
            this.text = text;
            this.bytes = bytes;
        }
    }
}
