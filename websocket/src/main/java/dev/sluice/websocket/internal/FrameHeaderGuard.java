package dev.sluice.websocket.internal;

import jakarta.websocket.CloseReason;

/**
 * Watches the frame headers of a client's byte stream (RFC 6455 section 5.2) for the two rules Tyrus leaves to
 * the transport: a client frame must be masked (section 5.1, else 1002), and a frame's payload must fit the
 * webapp's limit (else 1009, decided from the header alone, before the payload is buffered). It reads only
 * headers and skips payloads; everything else about the frames is Tyrus' to check. It also tells where data
 * messages end (section 5.4), for {@link StreamStarts}. Not thread-safe: one reader at a time.
 */
final class FrameHeaderGuard {
    /** Longest header: 2 bytes, 8 of extended length, 4 of masking key. */
    private final byte[] header = new byte[14];
    private final long maxPayload;
    private int headerHave;
    private long payloadLeft;
    /** Bytes the last feed took. */
    private int fed;
    /** Whether the last feed held a frame of a fragmented data message (section 5.4). */
    private boolean fragmentSeen;
    /** Whether the frame whose payload is passing is a control frame (close, ping, pong). */
    private boolean controlFrame;
    /** Whether a data message has begun and its final frame (FIN) has not been seen yet. */
    private boolean inMessage;
    /** Payload bytes the frames of the current (or last) data message declared so far. */
    private long messageBytes;

    FrameHeaderGuard(long maxPayload) {
        this.maxPayload = maxPayload;
    }

    /**
     * Feeds the next bytes, up to the end of a data message if one ends within them (so that the caller can hand
     * Tyrus one message at a time): {@link #fed()} tells how many were taken. Returns why the connection must
     * close, or null while the headers are fine.
     */
    CloseReason feed(byte[] bytes, int off, int len) {
        int pos = off;
        int end = off + len;
        fragmentSeen = inMessage; // the continuation of a message begun in an earlier feed
        try {
            while (pos < end) {
                if (payloadLeft > 0) {
                    int skip = (int) Math.min(payloadLeft, end - pos);
                    pos += skip;
                    payloadLeft -= skip;
                    if (payloadLeft == 0 && messageEnded()) {
                        return null;
                    }
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
                    int opcode = header[0] & 0x0F;
                    controlFrame = opcode >= 8; // section 5.5: control frames may come between a message's frames
                    if (!controlFrame) {
                        if (opcode != 0) { // text or binary: a new message; 0 continues the current one
                            messageBytes = 0;
                        }
                        messageBytes += payloadLeft;
                        inMessage = (header[0] & 0x80) == 0;
                        fragmentSeen |= inMessage || opcode == 0;
                    }
                    if (payloadLeft == 0 && messageEnded()) {
                        return null;
                    }
                }
            }
            return null;
        } finally {
            fed = pos - off;
        }
    }

    /** How many bytes the last {@link #feed} took. */
    int fed() {
        return fed;
    }

    /**
     * Whether the last {@link #feed} took part of a message sent in several frames: only those reach Tyrus'
     * streamed handlers' buffers ({@link StreamStarts}); a one-frame message is handled whole.
     */
    boolean fragmentSeen() {
        return fragmentSeen;
    }

    /** The frame just completed is a data message's final one (section 5.4: FIN set, not a control frame). */
    private boolean messageEnded() {
        return !controlFrame && !inMessage;
    }

    /**
     * Whether every data message fed so far is complete, its final frame's payload included: what follows, if
     * anything, is a control frame or the next message.
     */
    boolean betweenMessages() {
        return !inMessage && (payloadLeft == 0 || controlFrame);
    }

    /** Payload bytes the frames of the message in progress (or the last one) declared. */
    long messageBytes() {
        return messageBytes;
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
