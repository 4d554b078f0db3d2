package dev.sluice.connector.internal.http2;

import java.nio.ByteBuffer;

/**
 * Cuts a byte stream into frames (RFC 9113 section 4.1). Pure and resumable: feed it whatever arrived, at any
 * split, and take the complete frames out. A frame longer than the SETTINGS_MAX_FRAME_SIZE we announced is a
 * connection error of type FRAME_SIZE_ERROR (section 4.2), found from the header alone, before any payload is
 * buffered: a peer cannot make us hold more than one frame.
 *
 * <p>Not thread-safe: one reader (the connection's selector thread).
 */
public final class FrameReader {
    private final int maxFrameSize;
    private final byte[] header = new byte[Frame.HEADER_LENGTH];
    private int headerFill;
    private byte[] payload;
    private int payloadFill;

    public FrameReader(int maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    /**
     * Consumes bytes of {@code in} up to the end of the next frame.
     *
     * @return the frame, or null when {@code in} ended first (the bytes taken are kept for the next call)
     */
    public Frame next(ByteBuffer in) throws Http2Exception {
        if (payload == null) {
            int n = Math.min(in.remaining(), Frame.HEADER_LENGTH - headerFill);
            in.get(header, headerFill, n);
            headerFill += n;
            if (headerFill < Frame.HEADER_LENGTH) {
                return null;
            }
            int length = (header[0] & 0xff) << 16 | (header[1] & 0xff) << 8 | header[2] & 0xff;
            if (length > maxFrameSize) {
                throw Http2Exception.connection(Http2Error.FRAME_SIZE_ERROR,
                        "Frame of " + length + " bytes exceeds SETTINGS_MAX_FRAME_SIZE " + maxFrameSize);
            }
            payload = new byte[length];
            payloadFill = 0;
        }
        int n = Math.min(in.remaining(), payload.length - payloadFill);
        in.get(payload, payloadFill, n);
        payloadFill += n;
        if (payloadFill < payload.length) {
            return null;
        }
        int streamId = ((header[5] & 0x7f) << 24) | (header[6] & 0xff) << 16 | (header[7] & 0xff) << 8
                | header[8] & 0xff;
        Frame frame = new Frame(header[3] & 0xff, header[4] & 0xff, streamId, payload);
        payload = null;
        headerFill = 0;
        return frame;
    }

    /** Whether part of a frame has been read and the rest is awaited. */
    public boolean inFrame() {
        return headerFill > 0;
    }
}
