package dev.sluice.connector.internal.http2;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the frames a server sends (RFC 9113 section 6), each as a new buffer ready to write. Pure and
 * stateless; the caller keeps the order and the flow-control accounting.
 */
public final class FrameWriter {
    private FrameWriter() {
    }

    /** Writes a frame header (section 4.1) into {@code b}. */
    public static void header(ByteBuffer b, int length, int type, int flags, int streamId) {
        b.put((byte) (length >>> 16)).put((byte) (length >>> 8)).put((byte) length);
        b.put((byte) type).put((byte) flags).putInt(streamId & 0x7fff_ffff);
    }

    /** SETTINGS with {@code idValuePairs} (section 6.5.1): id, value, id, value... */
    public static ByteBuffer settings(int... idValuePairs) {
        int length = idValuePairs.length / 2 * 6;
        ByteBuffer b = ByteBuffer.allocate(Frame.HEADER_LENGTH + length);
        header(b, length, Frame.SETTINGS, 0, 0);
        for (int i = 0; i + 1 < idValuePairs.length; i += 2) {
            b.putShort((short) idValuePairs[i]).putInt(idValuePairs[i + 1]);
        }
        return b.flip();
    }

    public static ByteBuffer settingsAck() {
        ByteBuffer b = ByteBuffer.allocate(Frame.HEADER_LENGTH);
        header(b, 0, Frame.SETTINGS, Frame.FLAG_ACK, 0);
        return b.flip();
    }

    /** PING with its 8 opaque bytes (section 6.7); an answer sets ACK and echoes them. */
    public static ByteBuffer ping(boolean ack, byte[] opaque) {
        ByteBuffer b = ByteBuffer.allocate(Frame.HEADER_LENGTH + 8);
        header(b, 8, Frame.PING, ack ? Frame.FLAG_ACK : 0, 0);
        return b.put(opaque, 0, 8).flip();
    }

    /** GOAWAY (section 6.8) with a short reason as debug data. */
    public static ByteBuffer goAway(int lastStreamId, Http2Error error, String debug) {
        byte[] text = debug == null ? new byte[0] : debug.getBytes(StandardCharsets.UTF_8);
        int length = 8 + text.length;
        ByteBuffer b = ByteBuffer.allocate(Frame.HEADER_LENGTH + length);
        header(b, length, Frame.GOAWAY, 0, 0);
        return b.putInt(lastStreamId & 0x7fff_ffff).putInt(error.code()).put(text).flip();
    }

    public static ByteBuffer rstStream(int streamId, Http2Error error) {
        ByteBuffer b = ByteBuffer.allocate(Frame.HEADER_LENGTH + 4);
        header(b, 4, Frame.RST_STREAM, 0, streamId);
        return b.putInt(error.code()).flip();
    }

    public static ByteBuffer windowUpdate(int streamId, int increment) {
        ByteBuffer b = ByteBuffer.allocate(Frame.HEADER_LENGTH + 4);
        header(b, 4, Frame.WINDOW_UPDATE, 0, streamId);
        return b.putInt(increment & 0x7fff_ffff).flip();
    }

    /** One DATA frame; {@code length} must fit the peer's SETTINGS_MAX_FRAME_SIZE and the flow-control windows. */
    public static ByteBuffer data(int streamId, byte[] src, int offset, int length, boolean endStream) {
        ByteBuffer b = ByteBuffer.allocate(Frame.HEADER_LENGTH + length);
        header(b, length, Frame.DATA, endStream ? Frame.FLAG_END_STREAM : 0, streamId);
        return b.put(src, offset, length).flip();
    }

    /**
     * A header block as HEADERS followed by as many CONTINUATION frames as {@code maxFrameSize} needs (section
     * 4.3: nothing may come between them, so they are one buffer, written at once).
     */
    public static ByteBuffer headers(int streamId, byte[] block, boolean endStream, int maxFrameSize) {
        int frames = Math.max(1, (block.length + maxFrameSize - 1) / maxFrameSize);
        ByteBuffer b = ByteBuffer.allocate(frames * Frame.HEADER_LENGTH + block.length);
        int offset = 0;
        for (int i = 0; i < frames; i++) {
            int length = Math.min(maxFrameSize, block.length - offset);
            int flags = i == frames - 1 ? Frame.FLAG_END_HEADERS : 0;
            if (i == 0 && endStream) {
                flags |= Frame.FLAG_END_STREAM;
            }
            header(b, length, i == 0 ? Frame.HEADERS : Frame.CONTINUATION, flags, streamId);
            b.put(block, offset, length);
            offset += length;
        }
        return b.flip();
    }
}
