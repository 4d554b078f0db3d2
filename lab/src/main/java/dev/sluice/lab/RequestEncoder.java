package dev.sluice.lab;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Encodes the GET request for each path of a mix once, so the hot loop only copies bytes. */
final class RequestEncoder {
    private final byte[][] encoded;

    RequestEncoder(RequestMix mix, String authority, boolean http10, boolean keepAlive) {
        List<RequestMix.Entry> entries = mix.entries();
        encoded = new byte[entries.size()][];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = encode("GET", entries.get(i).path(), authority, http10, keepAlive);
        }
    }

    byte[] request(int mixIndex) {
        return encoded[mixIndex];
    }

    /**
     * Persistence is asked for as RFC 9112 section 9.3 reads it: HTTP/1.1 persists unless {@code Connection:
     * close}; HTTP/1.0 persists only with {@code Connection: keep-alive} (RFC 9112 appendix C.2.2).
     */
    static byte[] encode(String method, String path, String authority, boolean http10, boolean keepAlive) {
        StringBuilder sb = new StringBuilder(128);
        sb.append(method).append(' ').append(path).append(http10 ? " HTTP/1.0\r\n" : " HTTP/1.1\r\n");
        sb.append("Host: ").append(authority).append("\r\n");
        sb.append("User-Agent: sluice-lab\r\n");
        if (http10 && keepAlive) {
            sb.append("Connection: keep-alive\r\n");
        } else if (!http10 && !keepAlive) {
            sb.append("Connection: close\r\n");
        }
        sb.append("\r\n");
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
