package dev.sluice.websocket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A WebSocket client written by hand over a plain socket, for what java.net.http will not send: broken frames,
 * unmasked frames, a handshake with chosen headers (RFC 6455 sections 4 and 5).
 */
final class RawSocket implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    final Socket socket;
    final InputStream in;
    final OutputStream out;
    final String responseHead;

    private RawSocket(int port, String path, String... headers) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        out.write(handshakeRequest(path, headers).getBytes(StandardCharsets.ISO_8859_1));
        responseHead = readHead(in);
    }

    /** Opens a WebSocket; fails unless the answer is 101. */
    static RawSocket open(int port, String path, String... headers) throws IOException {
        RawSocket s = new RawSocket(port, path, headers);
        if (!s.responseHead.startsWith("HTTP/1.1 101 ")) {
            s.close();
            throw new AssertionError("no 101: " + s.responseHead);
        }
        return s;
    }

    /** The response head to a handshake request. */
    static String handshake(int port, String path, String... headers) throws IOException {
        try (RawSocket s = new RawSocket(port, path, headers)) {
            return s.responseHead;
        }
    }

    /** Sends {@code request}, reads until the server closes. */
    static String request(int port, String request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static String handshakeRequest(String path, String... headers) {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        StringBuilder sb = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n")
                .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(key)).append("\r\n");
        for (String h : headers) {
            sb.append(h).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Writes one frame: {@code first} is the FIN/RSV/opcode byte; masked with a random key when asked. */
    void frame(int first, byte[] payload, boolean masked) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(first);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            f.write(maskBit | payload.length);
        } else if (payload.length < 65536) {
            f.write(maskBit | 126);
            f.write(payload.length >>> 8);
            f.write(payload.length);
        } else {
            f.write(maskBit | 127);
            for (int i = 7; i >= 0; i--) {
                f.write((int) ((long) payload.length >>> (8 * i)));
            }
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        if (masked) {
            f.write(mask, 0, 4);
        }
        for (int i = 0; i < payload.length; i++) {
            f.write(masked ? payload[i] ^ mask[i % 4] : payload[i]);
        }
        out.write(f.toByteArray());
        out.flush();
    }

    /** Writes raw bytes as they are. */
    void raw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Reads frames until a close frame and returns its code and reason ({@code "1002 reason"}), after checking
     * that the server then closes the connection; data frames before it are skipped.
     */
    String closeFrame() throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) {
                return "EOF without close frame";
            }
            int second = in.read();
            long len = second & 0x7F;
            if (len == 126) {
                len = (in.read() << 8) | in.read();
            } else if (len == 127) {
                len = 0;
                for (int i = 0; i < 8; i++) {
                    len = (len << 8) | in.read();
                }
            }
            byte[] payload = in.readNBytes((int) len);
            if ((first & 0x0F) == 0x8) {
                int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : -1;
                String reason = payload.length > 2
                        ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
                int after = in.read();
                if (after >= 0) {
                    throw new AssertionError("data after the close frame: " + after);
                }
                return code + " " + reason;
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
