package dev.sluice.connector.internal;

import dev.sluice.connector.internal.http2.Frame;
import dev.sluice.connector.internal.http2.FrameWriter;
import dev.sluice.connector.internal.http2.Http2Error;
import dev.sluice.connector.internal.http2.Http2Exception;
import dev.sluice.connector.internal.http2.Settings;

/**
 * The connection-level frames of HTTP/2 (RFC 9113 sections 6.5, 6.7, 6.8, 6.9): SETTINGS applied and
 * acknowledged, PING answered, the peer's GOAWAY, WINDOW_UPDATE for the connection or a stream. Each frame is
 * checked as its section says; a violation is thrown as the connection or stream error it is. Selector thread.
 */
final class Http2ControlFrames {
    private final Http2Connection h;

    Http2ControlFrames(Http2Connection h) {
        this.h = h;
    }

    void settings(Frame f) throws Http2Exception {
        if (f.streamId() != 0) {
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, "SETTINGS on a stream");
        }
        if (f.has(Frame.FLAG_ACK)) {
            if (f.length() != 0) {
                throw Http2Exception.connection(Http2Error.FRAME_SIZE_ERROR, "SETTINGS ACK with a payload");
            }
            return;
        }
        Settings.Change change = h.peer.apply(f);
        h.out.maxFrameSize(h.peer.maxFrameSize());
        if (change.windowDelta() != 0 && !h.out.shiftStreams(h.streams.active(), change.windowDelta())) {
            throw Http2Exception.connection(Http2Error.FLOW_CONTROL_ERROR, "Stream window above 2^31-1");
        }
        h.sendControl(FrameWriter.settingsAck());
    }

    void ping(Frame f) throws Http2Exception {
        if (f.length() != 8) {
            throw Http2Exception.connection(Http2Error.FRAME_SIZE_ERROR, "PING payload not 8 bytes");
        }
        if (f.streamId() != 0) {
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, "PING on a stream");
        }
        if (!f.has(Frame.FLAG_ACK)) {
            h.sendControl(FrameWriter.ping(true, f.payload()));
        }
    }

    void goAway(Frame f) throws Http2Exception {
        if (f.streamId() != 0) {
            throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, "GOAWAY on a stream");
        }
        if (f.length() < 8) {
            throw Http2Exception.connection(Http2Error.FRAME_SIZE_ERROR, "GOAWAY shorter than 8 bytes");
        }
        // the peer starts no new stream; ours finish, then the connection closes (section 6.8)
        h.streams.refuseNew();
        h.closeIfDone();
    }

    void windowUpdate(Frame f) throws Http2Exception {
        if (f.length() != 4) {
            throw Http2Exception.connection(Http2Error.FRAME_SIZE_ERROR, "WINDOW_UPDATE payload not 4 bytes");
        }
        int increment = f.int31(0);
        if (f.streamId() == 0) {
            if (increment == 0) {
                throw Http2Exception.connection(Http2Error.PROTOCOL_ERROR, "WINDOW_UPDATE of 0");
            }
            if (!h.out.grow(null, increment)) {
                throw Http2Exception.connection(Http2Error.FLOW_CONTROL_ERROR, "Connection window above 2^31-1");
            }
            return;
        }
        h.streams.windowUpdate(f.streamId(), increment);
    }
}
