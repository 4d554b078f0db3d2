package dev.sluice.connector.http2;

import dev.sluice.connector.internal.http2.Frame;
import dev.sluice.connector.internal.http2.FrameReader;
import dev.sluice.connector.internal.http2.FrameWriter;
import dev.sluice.connector.internal.http2.HpackDecoder;
import dev.sluice.connector.internal.http2.HpackEncoder;
import dev.sluice.connector.internal.http2.Http2Exception;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A frame-level HTTP/2 test client over a real socket: it sends exactly the frames a test builds (valid or not)
 * and reads the server's frames one by one, using the connector's own codec only to encode and decode.
 */
final class H2Client implements AutoCloseable {
    static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final FrameReader reader = new FrameReader(1 << 24);
    private final HpackDecoder decoder = new HpackDecoder(4096, 1 << 24);
    private final HpackEncoder encoder = new HpackEncoder();
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).flip();
    private final Map<Integer, ArrayDeque<Frame>> stash = new HashMap<>();
    /** The server's first SETTINGS frame. */
    Frame serverSettings;
    /** Whether DATA read by {@link #response} is answered with WINDOW_UPDATE at once. */
    boolean autoWindow = true;

    private H2Client(InetSocketAddress address) throws IOException {
        socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout(10_000);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Connects by prior knowledge, sends {@code settings} (id, value pairs) and reads the server's SETTINGS. */
    static H2Client connect(InetSocketAddress address, int... settings) throws IOException {
        H2Client c = new H2Client(address);
        c.out.write(PREFACE);
        c.send(FrameWriter.settings(settings));
        c.serverSettings = c.next();
        if (c.serverSettings == null || c.serverSettings.type() != Frame.SETTINGS) {
            throw new IOException("Expected SETTINGS first, got " + c.serverSettings);
        }
        c.send(FrameWriter.settingsAck());
        return c;
    }

    /** Connects and sends raw bytes only (for preface tests). */
    static H2Client raw(InetSocketAddress address) throws IOException {
        return new H2Client(address);
    }

    void send(ByteBuffer... frames) throws IOException {
        for (ByteBuffer f : frames) {
            byte[] b = new byte[f.remaining()];
            f.duplicate().get(b);
            out.write(b);
        }
        out.flush();
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** A raw frame with any type, flags, stream and payload. */
    static ByteBuffer frame(int type, int flags, int stream, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(9 + payload.length);
        b.put((byte) (payload.length >>> 16)).put((byte) (payload.length >>> 8)).put((byte) payload.length);
        b.put((byte) type).put((byte) flags).putInt(stream).put(payload);
        return b.flip();
    }

    /** A request header block: pseudo-headers, then {@code fields} as name, value pairs. */
    byte[] block(String method, String path, String... fields) {
        HpackEncoder.Block b = encoder.block().add(":method", method).add(":scheme", "http")
                .add(":authority", "localhost").add(":path", path);
        for (int i = 0; i + 1 < fields.length; i += 2) {
            b.add(fields[i], fields[i + 1]);
        }
        return b.toByteArray();
    }

    /** HEADERS (END_HEADERS, and END_STREAM when {@code endStream}) for a request. */
    ByteBuffer request(int stream, String method, String path, boolean endStream, String... fields) {
        return FrameWriter.headers(stream, block(method, path, fields), endStream, 16_384);
    }

    ByteBuffer data(int stream, String text, boolean endStream) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return FrameWriter.data(stream, b, 0, b.length, endStream);
    }

    /** The next frame from the server, or null at end of stream. */
    Frame next() throws IOException {
        while (true) {
            try {
                Frame f = reader.next(buffer);
                if (f != null) {
                    return f;
                }
            } catch (Http2Exception e) {
                throw new IOException(e);
            }
            buffer.compact();
            int n;
            try {
                n = in.read(buffer.array(), buffer.position(), buffer.remaining());
            } finally {
                buffer.flip();
            }
            if (n < 0) {
                return null;
            }
            buffer.limit(buffer.limit() + n);
        }
    }

    /** The next frame of {@code stream}; frames of other streams are kept for later, stream 0 is answered. */
    Frame nextFor(int stream) throws IOException {
        ArrayDeque<Frame> kept = stash.get(stream);
        if (kept != null && !kept.isEmpty()) {
            return kept.poll();
        }
        while (true) {
            Frame f = next();
            if (f == null) {
                return null;
            }
            if (autoWindow && f.type() == Frame.DATA && f.length() > 0) {
                // as a reader that keeps up: every byte read is granted again, stashed or not
                send(FrameWriter.windowUpdate(0, f.length()), FrameWriter.windowUpdate(f.streamId(), f.length()));
            }
            if (f.streamId() == stream) {
                return f;
            }
            if (f.streamId() == 0) {
                if (f.type() == Frame.GOAWAY) {
                    return f;
                }
                if (f.type() == Frame.SETTINGS && !f.has(Frame.FLAG_ACK)) {
                    send(FrameWriter.settingsAck());
                }
                continue;
            }
            stash.computeIfAbsent(f.streamId(), k -> new ArrayDeque<>()).add(f);
        }
    }

    /** How many frames of {@code stream} were read and kept while waiting for others. */
    int stashedFor(int stream) {
        ArrayDeque<Frame> kept = stash.get(stream);
        return kept == null ? 0 : kept.size();
    }

    /** The next frame of a type, skipping control frames the server sends on its own (SETTINGS, WINDOW_UPDATE). */
    Frame nextOfType(int type) throws IOException {
        while (true) {
            Frame f = next();
            if (f == null || f.type() == type) {
                return f;
            }
        }
    }

    /** A response as read: headers, content, trailers, or the RST_STREAM / GOAWAY code that ended it. */
    record Response(List<String[]> headers, byte[] body, List<String[]> trailers, int resetCode, int goAwayCode) {
        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equals(name)) {
                    return h[1];
                }
            }
            return null;
        }

        String status() {
            return header(":status");
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Reads {@code stream}'s response to its end (END_STREAM, RST_STREAM, GOAWAY or EOF). */
    Response response(int stream) throws IOException {
        List<String[]> headers = new ArrayList<>();
        List<String[]> trailers = new ArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean headersDone = false;
        while (true) {
            Frame f = nextFor(stream);
            if (f == null) {
                return new Response(headers, body.toByteArray(), trailers, -1, -2);
            }
            switch (f.type()) {
                case Frame.GOAWAY -> {
                    return new Response(headers, body.toByteArray(), trailers, -1, f.int32(4));
                }
                case Frame.RST_STREAM -> {
                    return new Response(headers, body.toByteArray(), trailers, f.int32(0), -1);
                }
                case Frame.HEADERS, Frame.CONTINUATION -> {
                    List<String[]> target = headersDone ? trailers : headers;
                    try {
                        decoder.decode(f.payload(), (n, v) -> target.add(new String[] {n, v}));
                    } catch (Http2Exception e) {
                        throw new IOException(e);
                    }
                    if (f.has(Frame.FLAG_END_HEADERS)) {
                        headersDone = true;
                    }
                }
                case Frame.DATA -> {
                    body.write(f.payload(), 0, f.length());
                }
                default -> { }
            }
            if (f.has(Frame.FLAG_END_STREAM) && (f.type() == Frame.DATA || f.type() == Frame.HEADERS)) {
                return new Response(headers, body.toByteArray(), trailers, -1, -1);
            }
        }
    }

    /** Reads until GOAWAY and returns its error code; -1 when the connection ended without one. */
    int goAwayCode() throws IOException {
        Frame f = nextOfType(Frame.GOAWAY);
        return f == null ? -1 : f.int32(4);
    }

    /** Whether the server closed the connection (reads past any frames still coming). */
    boolean closedByServer() throws IOException {
        try {
            while (next() != null) {
                // drain
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
