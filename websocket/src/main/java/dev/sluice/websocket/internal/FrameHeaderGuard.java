package dev.sluice.websocket.internal;

import jakarta.websocket.CloseReason;

/**
 * Watches the frame headers of a client's byte stream (RFC 6455 section 5.2) for the two rules Tyrus leaves to
 * the transport: a client frame must be masked (section 5.1, else 1002), and a frame's payload must fit the
 * webapp's limit (else 1009, decided from the header alone, before the payload is buffered). It reads only
 * headers and skips payloads; everything else about the frames is Tyrus' to check. Not thread-safe: one reader
 * at a time.
 */
final class FrameHeaderGuard {
    /** Longest header: 2 bytes, 8 of extended length, 4 of masking key. */
    private final byte[] header = new byte[14];
    private final long maxPayload;
    private int headerHave;
    private long payloadLeft;

    FrameHeaderGuard(long maxPayload) {
        this.maxPayload = maxPayload;
    }

    /** Feeds the next bytes; returns why the connection must close, or null while the headers are fine. */
    CloseReason feed(byte[] bytes, int off, int len) {
        int pos = off;
        int end = off + len;
        while (pos < end) {
            if (payloadLeft > 0) {
                int skip = (int) Math.min(payloadLeft, end - pos);
                pos += skip;
                payloadLeft -= skip;
                continue;
            }
            header[headerHave++] = bytes[pos++];
            if (headerHave >= 2 && headerHave == headerLength()) {
                long payload = payloadLength();
                headerHave = 0;
                if ((header[1] & 0x80) == 0) {
                    return new CloseReason(CloseReason.CloseCodes.PROTOCOL_ERROR, "Client frames must be masked");
                }
                if (payload > maxPayload) {
                    return new CloseReason(CloseReason.CloseCodes.TOO_BIG,
                            "Frame of " + payload + " bytes is larger than " + maxPayload);
                }
                // A negative (64-bit length with its top bit set) is Tyrus' protocol error to report.
                payloadLeft = Math.max(payload, 0);
            }
        }
        return null;
    }

    private int headerLength() {
        int len7 = header[1] & 0x7F;
        int extended = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
        int mask = (header[1] & 0x80) != 0 ? 4 : 0;
        return 2 + extended + mask;
    }

    private long payloadLength() {
        int len7 = header[1] & 0x7F;
        if (len7 < 126) {
            return len7;
        }
        int bytes = len7 == 126 ? 2 : 8;
        long n = 0;
        for (int i = 0; i < bytes; i++) {
            n = (n << 8) | (header[2 + i] & 0xFF);
        }
        return n;
    }
}
