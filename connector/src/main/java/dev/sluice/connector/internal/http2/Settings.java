package dev.sluice.connector.internal.http2;

/**
 * The peer's settings as SETTINGS frames changed them (RFC 9113 section 6.5.2), each checked as that section
 * says. Unknown settings are ignored (section 6.5.2). Not thread-safe: the connection's reader applies frames,
 * and publishes the values it needs elsewhere itself.
 */
public final class Settings {
    public static final int HEADER_TABLE_SIZE = 0x1;
    public static final int ENABLE_PUSH = 0x2;
    public static final int MAX_CONCURRENT_STREAMS = 0x3;
    public static final int INITIAL_WINDOW_SIZE = 0x4;
    public static final int MAX_FRAME_SIZE = 0x5;
    public static final int MAX_HEADER_LIST_SIZE = 0x6;

    /** The initial flow-control window of every stream and of the connection (section 6.9.2). */
    public static final int DEFAULT_WINDOW = 65_535;
    public static final int MAX_WINDOW = Integer.MAX_VALUE;

    private int headerTableSize = 4096;
    private int initialWindowSize = DEFAULT_WINDOW;
    private int maxFrameSize = Frame.DEFAULT_MAX_FRAME_SIZE;

    /** What one SETTINGS frame changed: the new initial window size's difference, to apply to open streams. */
    public record Change(int windowDelta, boolean headerTableSizeChanged) {
    }

    /**
     * Applies a SETTINGS frame that is not an ACK.
     *
     * @throws Http2Exception FRAME_SIZE_ERROR for a length not a multiple of 6, PROTOCOL_ERROR or
     *                        FLOW_CONTROL_ERROR for a value out of range
     */
    public Change apply(Frame frame) throws Http2Exception {
        byte[] p = frame.payload();
        if (p.length % 6 != 0) {
            throw Http2Exception.connection(Http2Error.FRAME_SIZE_ERROR, "SETTINGS length not a multiple of 6");
        }
        int oldWindow = initialWindowSize;
        boolean tableChanged = false;
        for (int i = 0; i < p.length; i += 6) {
            int id = (p[i] & 0xff) << 8 | p[i + 1] & 0xff;
            long value = frame.int32(i + 2) & 0xffff_ffffL;
            switch (id) {
                case HEADER_TABLE_SIZE -> {
                    headerTableSize = (int) Math.min(value, Integer.MAX_VALUE);
                    tableChanged = true;
                }
                case ENABLE_PUSH -> {
                    if (value > 1) {
                        throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, "SETTINGS_ENABLE_PUSH not 0 or 1");
                    }
                }
                case INITIAL_WINDOW_SIZE -> {
                    if (value > MAX_WINDOW) {
                        throw Http2Exception.connection(Http2Error.FLOW_CONTROL_ERROR,
                                "SETTINGS_INITIAL_WINDOW_SIZE above 2^31-1");
                    }
                    initialWindowSize = (int) value;
                }
                case MAX_FRAME_SIZE -> {
                    if (value < Frame.DEFAULT_MAX_FRAME_SIZE || value > 0xff_ffff) {
                        throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR,
                                "SETTINGS_MAX_FRAME_SIZE out of range");
                    }
                    maxFrameSize = (int) value;
                }
                default -> {
                    // MAX_CONCURRENT_STREAMS limits pushes (never sent); MAX_HEADER_LIST_SIZE is advisory
                }
            }
        }
        return new Change(initialWindowSize - oldWindow, tableChanged);
    }

    public int headerTableSize() {
        return headerTableSize;
    }

    public int initialWindowSize() {
        return initialWindowSize;
    }

    public int maxFrameSize() {
        return maxFrameSize;
    }
}
