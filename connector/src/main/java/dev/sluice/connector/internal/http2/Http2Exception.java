package dev.sluice.connector.internal.http2;

/**
 * A violation of RFC 9113 found in what the peer sent: a connection error (stream 0: GOAWAY and close, section
 * 5.4.1) or a stream error (RST_STREAM of that stream only, section 5.4.2). The message is safe to send as GOAWAY
 * debug data.
 */
public final class Http2Exception extends Exception {
    private final Http2Error error;
    private final int streamId;

    private Http2Exception(Http2Error error, int streamId, String message) {
        super(message, null, false, false);
        this.error = error;
        this.streamId = streamId;
    }

    public static Http2Exception connection(Http2Error error, String message) {
        return new Http2Exception(error, 0, message);
    }

    public static Http2Exception stream(int streamId, Http2Error error, String message) {
        return new Http2Exception(error, streamId, message);
    }

    public Http2Error error() {
        return error;
    }

    /** The stream to reset, or 0 for a connection error. */
    public int streamId() {
        return streamId;
    }

    public boolean isConnectionError() {
        return streamId == 0;
    }
}
