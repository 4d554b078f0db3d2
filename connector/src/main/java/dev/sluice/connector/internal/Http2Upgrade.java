package dev.sluice.connector.internal;

import dev.sluice.connector.internal.http2.Frame;
import dev.sluice.connector.internal.http2.FrameReader;
import dev.sluice.connector.internal.http2.FrameWriter;
import dev.sluice.connector.internal.http2.Http2Exception;
import dev.sluice.core.Headers;
import dev.sluice.core.HttpVersion;
import dev.sluice.core.RequestHead;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@code Upgrade: h2c} on the cleartext listener (RFC 7540 section 3.2; RFC 9113 section 3.1 deprecates it, but
 * clients such as the JDK's HttpClient still start h2c this way). A request that asks for it with exactly one valid
 * {@code HTTP2-Settings} field, and carries no content, is answered 101; its response then comes as stream 1 of
 * the new HTTP/2 connection. Any other request asking for h2c is served over HTTP/1.1 as if it had not asked
 * (section 3.2: the server may ignore the upgrade). Stateless.
 */
final class Http2Upgrade {
    static final byte[] SWITCHING = ("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);

    private Http2Upgrade() {
    }

    /**
     * Whether {@code c} comes from a proxy: a trusted one, or one that sent a PROXY protocol header. A proxy (HAProxy,
     * nginx) carries many clients' requests and balances and drains them one by one; an h2c upgrade it passed
     * through would turn its connection into a tunnel pinned to this server, so such a connection stays on HTTP/1.1
     * (RFC 7540 section 3.2: a server may ignore the upgrade).
     */
    static boolean fromProxy(Connection c, dev.sluice.core.TrustedProxies trusted) {
        if (c.proxiedSource != null || c.proxiedSsl) {
            return true;
        }
        java.net.InetSocketAddress peer = c.transport.remoteAddress();
        return !trusted.isEmpty() && peer != null && trusted.contains(peer.getAddress());
    }

    /**
     * The client's settings from a request that may be upgraded, as a SETTINGS frame; null when the request is to
     * be served over HTTP/1.1.
     */
    static Frame settingsOf(RequestHead head) {
        try {
            return settingsOrNull(head);
        } catch (RuntimeException e) {
            return null; // an invalid Content-Length: the HTTP/1.1 path answers it
        }
    }

    private static Frame settingsOrNull(RequestHead head) {
        Headers h = head.headers();
        if (head.version() != HttpVersion.HTTP_1_1 || !h.containsToken("Upgrade", "h2c")
                || !h.containsToken("Connection", "Upgrade") || !h.containsToken("Connection", "HTTP2-Settings")
                || h.count("HTTP2-Settings") != 1 || h.contains("Transfer-Encoding")
                || h.contentLength() > 0) {
            return null;
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(h.get("HTTP2-Settings").trim()); // token68, base64url
        } catch (IllegalArgumentException e) {
            return null;
        }
        try {
            ByteBuffer frame = ByteBuffer.allocate(Frame.HEADER_LENGTH + payload.length);
            FrameWriter.header(frame, payload.length, Frame.SETTINGS, 0, 0);
            return new FrameReader(1 << 24).next(frame.put(payload).flip());
        } catch (Http2Exception e) {
            return null;
        }
    }

    /** The request as stream 1 sees it: HTTP/2.0, without the fields that only concerned the upgrade. */
    static RequestHead asStreamOne(RequestHead head) {
        Headers fields = new Headers(head.headers().size());
        for (int i = 0; i < head.headers().size(); i++) {
            String name = head.headers().name(i);
            if (!name.equalsIgnoreCase("Connection") && !name.equalsIgnoreCase("Upgrade")
                    && !name.equalsIgnoreCase("HTTP2-Settings")) {
                fields.add(name, head.headers().value(i));
            }
        }
        return RequestHead.of(head.method(), head.target(), HttpVersion.HTTP_2_0, fields);
    }
}
