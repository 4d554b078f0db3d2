package dev.sluice.connector.internal;

import dev.sluice.connector.internal.http2.Frame;
import dev.sluice.connector.internal.http2.Http2Error;
import dev.sluice.connector.internal.http2.Http2Exception;
import java.io.ByteArrayOutputStream;

/**
 * One header block as it arrives in a HEADERS frame and the CONTINUATION frames after it (RFC 9113 sections 4.3,
 * 6.2, 6.10): strips the HEADERS frame's padding and priority fields, gathers the fragments, and refuses a block
 * past its size bound before anything decodes it. Decoding and what the block means for its stream are
 * {@link Http2Streams}'s. Selector thread only.
 */
final class Http2HeaderBlock {
    /**
     * A whole block, END_HEADERS seen.
     *
     * @param selfDependent the HEADERS frame's priority named its own stream (a stream error, RFC 7540 section
     *                      5.3.1, reported once the block is decoded so that the HPACK table stays in step)
     */
    record Complete(int streamId, byte[] bytes, boolean endStream, boolean selfDependent) {
    }

    private final int maxBytes;
    private int stream;
    private ByteArrayOutputStream block;
    private boolean endStream;
    private boolean selfDependent;

    Http2HeaderBlock(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Whether a block is open: only CONTINUATION on its stream may come next (section 6.10). */
    boolean open() {
        return block != null;
    }

    /** Starts a block; returns it whole when the frame carries END_HEADERS, else null. */
    Complete headers(Frame f) throws Http2Exception {
        int id = f.streamId();
        if (id == 0) {
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, "HEADERS on stream 0");
        }
        byte[] p = f.payload();
        int off = 0;
        int end = p.length;
        if (f.has(Frame.FLAG_PADDED)) {
            if (end < 1) {
                throw Http2Exception.connection(Http2Error.FRAME_SIZE_ERROR, "HEADERS too short for padding");
            }
            int pad = p[0] & 0xff;
            off = 1;
            if (pad > end - off) {
                throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, "Padding longer than the payload");
            }
            end -= pad;
        }
        selfDependent = false;
        if (f.has(Frame.FLAG_PRIORITY)) {
            if (end - off < 5) {
                throw Http2Exception.connection(Http2Error.FRAME_SIZE_ERROR, "HEADERS too short for priority");
            }
            selfDependent = f.int31(off) == id;
            off += 5;
        }
        stream = id;
        endStream = f.has(Frame.FLAG_END_STREAM);
        block = new ByteArrayOutputStream(end - off);
        block.write(p, off, end - off);
        return f.has(Frame.FLAG_END_HEADERS) ? end() : null;
    }

    /** Adds a fragment; returns the block whole when the frame carries END_HEADERS, else null. */
    Complete continuation(Frame f) throws Http2Exception {
        if (block == null || f.streamId() != stream) {
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, "CONTINUATION without its HEADERS");
        }
        if (block.size() + f.length() > maxBytes) {
            // CVE-2024-27316: an endless header block is refused from its size, before it is decoded
            throw Http2Exception.connection(Http2Error.ENHANCE_YOUR_CALM, "Header block too large");
        }
        block.write(f.payload(), 0, f.length());
        return f.has(Frame.FLAG_END_HEADERS) ? end() : null;
    }

    private Complete end() throws Http2Exception {
        byte[] bytes = block.toByteArray();
        block = null;
        if (bytes.length > maxBytes) {
            throw Http2Exception.connection(Http2Error.ENHANCE_YOUR_CALM, "Header block too large");
        }
        return new Complete(stream, bytes, endStream, selfDependent);
    }
}
