package dev.sluice.connector.internal;

import dev.sluice.core.Status;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A complete response the connector writes on its own, with no handler: errors found in the head, 503 when
 * shedding load, 408 on a header timeout. Always {@code Connection: close}; the close that follows is lingering.
 */
final class CannedResponse {
    private CannedResponse() {
    }

    /**
     * @param retryAfterSeconds sent as Retry-After when not negative
     * @param withContent       false for a HEAD request: the same head, no content
     */
    static ByteBuffer build(Status status, String message, int retryAfterSeconds, String date, String server,
                            boolean withContent) {
        byte[] content = (status.code() + " " + status.reason() + ": " + message + "\n")
                .getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(160);
        sb.append("HTTP/1.1 ").append(status.code()).append(' ').append(status.reason()).append("\r\n");
        sb.append("Date: ").append(date).append("\r\n");
        if (server != null) {
            sb.append("Server: ").append(server).append("\r\n");
        }
        if (retryAfterSeconds >= 0) {
            sb.append("Retry-After: ").append(retryAfterSeconds).append("\r\n");
        }
        sb.append("Content-Type: text/plain; charset=utf-8\r\n");
        sb.append("Content-Length: ").append(content.length).append("\r\n");
        sb.append("Connection: close\r\n\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer out = ByteBuffer.allocate(head.length + (withContent ? content.length : 0));
        out.put(head);
        if (withContent) {
            out.put(content);
        }
        return out.flip();
    }
}
