package dev.sluice.connector.internal;

import dev.sluice.core.Headers;
import dev.sluice.core.Status;
import java.nio.ByteBuffer;

/**
 * Encodes the head of a response at commit: the status line, Date and Server unless the handler set them, the
 * handler's fields without those the connector decides itself (Connection, Keep-Alive, Transfer-Encoding and, when
 * asked, Content-Length), then the connector's framing and connection fields.
 *
 * <p>The handler's fields are classified in one pass by name length first: a response carries a few fields, and
 * most of them fail that test without any case-insensitive comparison, where looking each special name up in turn
 * compared every field against every name.
 */
final class ResponseHeadWriter {
    private static final int DATE = 1;
    private static final int SERVER = 2;
    private static final int CONNECTION = 4;
    private static final int KEEP_ALIVE = 8;
    private static final int TRANSFER_ENCODING = 16;
    private static final int CONTENT_LENGTH = 32;
    /** Fields the connector always writes itself (RFC 9112 sections 6.1 and 9.6). */
    private static final int CONNECTOR_OWNED = CONNECTION | KEEP_ALIVE | TRANSFER_ENCODING;

    private ResponseHeadWriter() {
    }

    /**
     * @param storage        the buffer to encode into (a larger one replaces it when the head does not fit)
     * @param lines          the encoded Date and Server lines
     * @param skipLength     whether the handler's Content-Length is dropped
     * @param length         a Content-Length the connector adds, or -1 for none
     * @param chunked        whether {@code Transfer-Encoding: chunked} is added
     * @param connection     the Connection value the connector adds ({@code close}, {@code keep-alive}), or null
     * @param keepAlive      the Keep-Alive value the connector adds (an HTTP/1.0 connection that persists), or null
     * @return the head in read mode
     */
    static ByteBuffer write(ByteBuffer storage, ServerFieldLines lines, Status status, Headers headers,
                            boolean skipLength, long length, boolean chunked, String connection,
                            String keepAlive) {
        HeadEncoder enc = new HeadEncoder(storage).statusLine(status);
        int present = 0;
        for (int i = 0; i < headers.size(); i++) {
            present |= kind(headers.name(i));
        }
        if ((present & DATE) == 0) {
            enc.line(lines.date());
        }
        byte[] server = lines.server();
        if (server != null && (present & SERVER) == 0) {
            enc.line(server);
        }
        int skip = CONNECTOR_OWNED | (skipLength ? CONTENT_LENGTH : 0);
        if ((present & skip) == 0) {
            for (int i = 0; i < headers.size(); i++) {
                enc.field(headers.name(i), headers.value(i));
            }
        } else {
            for (int i = 0; i < headers.size(); i++) {
                String name = headers.name(i);
                if ((kind(name) & skip) == 0) {
                    enc.field(name, headers.value(i));
                }
            }
        }
        if (length >= 0) {
            enc.field("Content-Length", length);
        }
        if (chunked) {
            enc.field("Transfer-Encoding", "chunked");
        }
        if (connection != null) {
            enc.field("Connection", connection);
        }
        if (keepAlive != null) {
            enc.field("Keep-Alive", keepAlive);
        }
        return enc.finish();
    }

    /** Which of the special fields {@code name} is, compared case-insensitively; 0 for any other. */
    private static int kind(String name) {
        switch (name.length()) {
            case 4:
                return name.equalsIgnoreCase("Date") ? DATE : 0;
            case 6:
                return name.equalsIgnoreCase("Server") ? SERVER : 0;
            case 10:
                return name.equalsIgnoreCase("Connection") ? CONNECTION
                        : name.equalsIgnoreCase("Keep-Alive") ? KEEP_ALIVE : 0;
            case 14:
                return name.equalsIgnoreCase("Content-Length") ? CONTENT_LENGTH : 0;
            case 17:
                return name.equalsIgnoreCase("Transfer-Encoding") ? TRANSFER_ENCODING : 0;
            default:
                return 0;
        }
    }
}
