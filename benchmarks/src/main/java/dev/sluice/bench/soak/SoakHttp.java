package dev.sluice.bench.soak;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The soak clients' HTTP/1.1: a response head read from a blocking stream and its content, by Content-Length,
 * chunked coding (RFC 9112 section 7.1) or end of stream. Strict where the soak checks for corruption: a malformed
 * head or chunk size is an {@link IOException} naming what was wrong.
 */
final class SoakHttp {
    static final String HOST = "127.0.0.1";

    /** A response head: status, the framing of its content, and whether the connection ends after it. */
    record Head(int status, long contentLength, boolean chunked, boolean close) {
        boolean hasContent(boolean head) {
            return !head && status >= 200 && status != 204 && status != 304;
        }
    }

    private SoakHttp() {
    }

    static Socket connect(int port, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer); // before connect, so the window is small from the start
        }
        socket.connect(new InetSocketAddress(HOST, port), 10_000);
        socket.setSoTimeout(60_000); // a well-formed request answered later than this is a failure
        socket.setTcpNoDelay(true);
        return socket;
    }

    /** @return the final head (a 100 Continue before it is skipped), or null when the stream ended first */
    static Head readHead(InputStream in) throws IOException {
        Head head = readHeadOrContinue(in);
        return head != null && head.status() == 100 ? readHeadOrContinue(in) : head;
    }

    /**
     * As {@link #readHead} but a {@code 100 Continue} (RFC 9110 section 15.2.1) is returned as a head of status 100,
     * so that a client that sent {@code Expect: 100-continue} knows to send its content now.
     */
    static Head readHeadOrContinue(InputStream in) throws IOException {
        String status = line(in, true);
        if (status == null) {
            return null;
        }
        if (status.equals("HTTP/1.1 100 Continue")) {
            if (!line(in, false).isEmpty()) {
                throw new IOException("100 Continue with header fields");
            }
            return new Head(100, 0, false, false);
        }
        if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
            throw new IOException("malformed status line: " + printable(status));
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String field = line(in, false); !field.isEmpty(); field = line(in, false)) {
            int colon = field.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header field: " + printable(field));
            }
            String name = field.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = field.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.endsWith("chunked");
                case "connection" -> close |= value.contains("close");
                default -> { }
            }
        }
        return new Head(code, length, chunked, close);
    }

    /** Reads the content the head announces; with neither length nor chunked coding, up to the end of stream. */
    static byte[] content(InputStream in, Head head) throws IOException {
        if (head.chunked()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                String size = line(in, false);
                int semicolon = size.indexOf(';');
                long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
                if (n == 0) {
                    while (!line(in, false).isEmpty()) {
                        // trailer fields
                    }
                    return out.toByteArray();
                }
                out.write(exactly(in, n));
                if (!line(in, false).isEmpty()) {
                    throw new IOException("chunk not followed by CRLF");
                }
            }
        }
        if (head.contentLength() >= 0) {
            return exactly(in, head.contentLength());
        }
        return in.readAllBytes();
    }

    static byte[] exactly(InputStream in, long n) throws IOException {
        byte[] bytes = in.readNBytes(Math.toIntExact(n));
        if (bytes.length < n) {
            throw new EOFException("content ended after " + bytes.length + " of " + n + " bytes");
        }
        return bytes;
    }

    /** A CRLF-terminated line; null at end of stream before any byte only when {@code nullAtEnd}. */
    private static String line(InputStream in, boolean nullAtEnd) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        for (int b; (b = in.read()) != '\n'; ) {
            if (b < 0) {
                if (nullAtEnd && bytes.size() == 0) {
                    return null;
                }
                throw new EOFException("stream ended inside a response head");
            }
            if (bytes.size() > 16 * 1024) {
                throw new IOException("response head line longer than 16 KiB");
            }
            bytes.write(b);
        }
        byte[] a = bytes.toByteArray();
        if (a.length == 0 || a[a.length - 1] != '\r') {
            throw new IOException("line not ended by CRLF");
        }
        return new String(a, 0, a.length - 1, StandardCharsets.ISO_8859_1);
    }

    static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
