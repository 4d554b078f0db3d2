package dev.sluice.websocket.internal;

/**
 * Watches the frame headers of a client's byte stream (RFC 6455 section 5.2) and reports the first frame whose
 * payload is larger than allowed, as soon as its header is complete, so the connection can be closed with 1009
 * before the frame is buffered. It reads only headers and skips payloads; everything else about the frames is
 * Tyrus' to check. Not thread-safe: one reader at a time.
 */
final class FrameSizeGuard {
    /** Longest header: 2 bytes, 8 of extended length, 4 of masking key. */
    private final byte[] header = new byte[14];
    private final long maxPayload;
    private int headerHave;
    private long payloadLeft;

    FrameSizeGuard(long maxPayload) {
        this.maxPayload = maxPayload;
    }

    /** Feeds the next bytes; returns the declared payload length of an oversize frame, else -1. */
    long feed(byte[] bytes, int off, int len) {
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
                if (payload > maxPayload) {
                    return payload;
                }
                // A negative (64-bit length with its top bit set) is Tyrus' protocol error to report.
                payloadLeft = Math.max(payload, 0);
            }
        }
        return -1;
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
