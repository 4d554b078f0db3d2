package dev.sluice.connector.internal;

import dev.sluice.connector.internal.http2.Frame;

/**
 * Counts what a peer makes an HTTP/2 connection do without asking for content, and says when it is too much: the
 * floods of CVE-2019-9512/9515/9518 (PING, SETTINGS, empty frames), the CONTINUATION flood (CVE-2024-27316) and
 * rapid reset (CVE-2023-44487). The connection then ends with GOAWAY ENHANCE_YOUR_CALM (RFC 9113 section 7).
 *
 * <p>Overhead frames (PING, SETTINGS, PRIORITY, WINDOW_UPDATE, RST_STREAM, empty DATA and CONTINUATION, unknown
 * types) each add one; a request (HEADERS opening a stream) takes {@link #REQUEST_CREDIT} off, content takes one
 * off per KiB. Legitimate clients stay near zero; a flood climbs to {@link #MAX_OVERHEAD} within a thousand frames.
 * Streams the client resets before their response are counted apart, against the streams that completed.
 *
 * <p>Selector thread only.
 */
final class Http2Defences {
    static final int MAX_OVERHEAD = 1000;
    static final int REQUEST_CREDIT = 10;
    /** Client resets allowed beyond twice the completed streams (a browser cancels some, an attack all). */
    static final int MAX_EXCESS_RESETS = 200;

    /** The largest header block accepted, compressed, across HEADERS and its CONTINUATION frames. */
    final int maxBlockBytes;
    private long overhead;
    private long resets;
    private long completed;
    private String exceeded;

    Http2Defences(int maxHeaderBytes) {
        this.maxBlockBytes = 2 * maxHeaderBytes;
    }

    void frame(Frame f) {
        switch (f.type()) {
            case Frame.DATA -> {
                if (f.length() == 0 && !f.has(Frame.FLAG_END_STREAM)) {
                    overhead++;
                } else {
                    overhead = Math.max(0, overhead - f.length() / 1024);
                }
            }
            case Frame.HEADERS -> overhead = Math.max(0, overhead - REQUEST_CREDIT);
            case Frame.CONTINUATION -> {
                if (f.length() == 0) {
                    overhead++;
                }
            }
            default -> overhead++;
        }
        if (overhead > MAX_OVERHEAD && exceeded == null) {
            exceeded = "Too many frames without requests";
        }
    }

    /** The client reset a stream whose response was not complete. */
    void clientReset() {
        resets++;
        if (resets > 2 * completed + MAX_EXCESS_RESETS && exceeded == null) {
            exceeded = "Too many streams reset by the client";
        }
    }

    /** A stream ended normally. */
    void completed() {
        completed++;
    }

    /** Why the connection must end, or null. */
    String exceeded() {
        return exceeded;
    }
}
