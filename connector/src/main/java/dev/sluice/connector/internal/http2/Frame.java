package dev.sluice.connector.internal.http2;

/**
 * One received frame (RFC 9113 section 4.1): its type, flags, stream and payload, padding still included.
 *
 * @param type     the frame type, one of the constants here or an unknown one (ignored, section 5.5)
 * @param flags    the flags byte
 * @param streamId the stream identifier, the reserved bit cleared
 * @param payload  the payload, exactly length bytes
 */
public record Frame(int type, int flags, int streamId, byte[] payload) {
    public static final int DATA = 0x0;
    public static final int HEADERS = 0x1;
    public static final int PRIORITY = 0x2;
    public static final int RST_STREAM = 0x3;
    public static final int SETTINGS = 0x4;
    public static final int PUSH_PROMISE = 0x5;
    public static final int PING = 0x6;
    public static final int GOAWAY = 0x7;
    public static final int WINDOW_UPDATE = 0x8;
    public static final int CONTINUATION = 0x9;

    public static final int FLAG_END_STREAM = 0x1;
    public static final int FLAG_ACK = 0x1;
    public static final int FLAG_END_HEADERS = 0x4;
    public static final int FLAG_PADDED = 0x8;
    public static final int FLAG_PRIORITY = 0x20;

    /** The frame header's size (section 4.1). */
    public static final int HEADER_LENGTH = 9;
    /** SETTINGS_MAX_FRAME_SIZE's initial value, the largest frame either side may send before SETTINGS say more. */
    public static final int DEFAULT_MAX_FRAME_SIZE = 16_384;

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    public int length() {
        return payload.length;
    }

    /** A 31-bit value at {@code offset} of the payload, the reserved bit ignored. */
    public int int31(int offset) {
        return int32(offset) & 0x7fff_ffff;
    }

    /** A 32-bit value at {@code offset} of the payload. */
    public int int32(int offset) {
        return (payload[offset] & 0xff) << 24 | (payload[offset + 1] & 0xff) << 16
                | (payload[offset + 2] & 0xff) << 8 | payload[offset + 3] & 0xff;
    }

    @Override
    public String toString() {
        return "Frame[type=" + type + ", flags=0x" + Integer.toHexString(flags) + ", stream=" + streamId
                + ", length=" + payload.length + "]";
    }
}
