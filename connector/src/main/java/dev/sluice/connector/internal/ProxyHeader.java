package dev.sluice.connector.internal;

import java.net.InetSocketAddress;

/**
 * What a PROXY protocol header said (haproxy's proxy-protocol.txt, versions 1 and 2).
 *
 * @param version     1 (text) or 2 (binary)
 * @param source      the client's address and port as the proxy saw them, or null when the header carries none
 *                    (v1 {@code UNKNOWN}, v2 {@code LOCAL} or {@code AF_UNSPEC}: the connection's own peer
 *                    stands, as the spec says)
 * @param destination the address and port the client connected to on the proxy, or null with {@code source}
 * @param ssl         whether the client reached the proxy over TLS: v2's PP2_TYPE_SSL TLV with the
 *                    PP2_CLIENT_SSL flag (section 2.2.5), as haproxy's {@code send-proxy-v2-ssl} sends it
 */
record ProxyHeader(int version, InetSocketAddress source, InetSocketAddress destination, boolean ssl) {
    ProxyHeader(int version, InetSocketAddress source, InetSocketAddress destination) {
        this(version, source, destination, false);
    }
}
