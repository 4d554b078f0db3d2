package dev.sluice.lab;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.x response from a blocking stream and discards its content, keeping only what the lab
 * counts. Framing follows RFC 9112 section 6.3: no content for HEAD, 1xx, 204 and 304; chunked when
 * Transfer-Encoding ends in chunked; else Content-Length; else until the server closes.
 */
final class ResponseReader {
    /** The server closed the connection before sending any byte of the response. */
    static final class UnansweredException extends IOException {
        UnansweredException() {
            super("connection closed before the response");
        }
    }

    /** The bytes were not an HTTP/1.x response, or it was cut short. */
    static final class BadResponseException extends IOException {
        BadResponseException(String message) {
            super(message);
        }
    }

    /** What the lab keeps of a response. {@code firstByteNanos} is when its first byte arrived. */
    record Response(int status, boolean retryAfter, boolean persistent, long contentBytes, long firstByteNanos) {
    }

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;

    private final InputStream in;
    private final byte[] skipBuffer = new byte[8192];
    private final StringBuilder line = new StringBuilder(128);

    ResponseReader(InputStream in) {
        this.in = in;
    }

    /** Reads the next final response; interim 1xx responses other than 101 are skipped (RFC 9110 section 15.2). */
    Response read(boolean headRequest) throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new UnansweredException();
        }
        long firstByte = System.nanoTime();
        while (true) {
            Response r = readAfterFirstByte(first, headRequest, firstByte);
            if (r.status() >= 200 || r.status() == 101) {
                return r;
            }
            first = in.read();
            if (first < 0) {
                throw new BadResponseException("connection closed after an interim response");
            }
        }
    }

    private Response readAfterFirstByte(int first, boolean headRequest, long firstByte) throws IOException {
        String statusLine = readLine(first);
        // status-line = HTTP-version SP status-code SP [ reason-phrase ]   (RFC 9112 section 4)
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.") || statusLine.charAt(8) != ' ') {
            throw new BadResponseException("not an HTTP/1.x status line: " + abbreviate(statusLine));
        }
        boolean http11 = statusLine.charAt(7) != '0';
        int status;
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new BadResponseException("bad status code: " + abbreviate(statusLine));
        }
        long contentLength = -1;
        boolean chunked = false;
        boolean close = false;
        boolean keepAlive = false;
        boolean retryAfter = false;
        for (int n = 0; ; n++) {
            if (n > MAX_HEADERS) {
                throw new BadResponseException("more than " + MAX_HEADERS + " header fields");
            }
            String field = readLine(readByte());
            if (field.isEmpty()) {
                break;
            }
            int colon = field.indexOf(':');
            if (colon <= 0) {
                throw new BadResponseException("bad header field: " + abbreviate(field));
            }
            String name = field.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = field.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> contentLength = parseLength(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
                case "connection" -> {
                    for (String token : value.toLowerCase(Locale.ROOT).split(",")) {
                        close |= token.trim().equals("close");
                        keepAlive |= token.trim().equals("keep-alive");
                    }
                }
                case "retry-after" -> retryAfter = true;
                default -> { }
            }
        }
        // Persistence, RFC 9112 section 9.3: 1.1 persists unless close; 1.0 only with keep-alive.
        boolean persistent = !close && (http11 || keepAlive);
        long content;
        if (headRequest || (status >= 100 && status < 200) || status == 204 || status == 304) {
            content = 0;
        } else if (chunked) {
            content = skipChunked();
        } else if (contentLength >= 0) {
            skipExactly(contentLength);
            content = contentLength;
        } else {
            content = skipToEnd();
            persistent = false;
        }
        return new Response(status, retryAfter, persistent, content, firstByte);
    }

    private long skipChunked() throws IOException {
        long total = 0;
        while (true) {
            String sizeLine = readLine(readByte());
            int semi = sizeLine.indexOf(';');
            String hex = (semi >= 0 ? sizeLine.substring(0, semi) : sizeLine).trim();
            long size;
            try {
                size = Long.parseLong(hex, 16);
            } catch (NumberFormatException e) {
                throw new BadResponseException("bad chunk size: " + abbreviate(sizeLine));
            }
            if (size < 0) {
                throw new BadResponseException("bad chunk size: " + abbreviate(sizeLine));
            }
            if (size == 0) {
                while (!readLine(readByte()).isEmpty()) {
                    // trailer fields are read and dropped
                }
                return total;
            }
            skipExactly(size);
            total += size;
            if (!readLine(readByte()).isEmpty()) {
                throw new BadResponseException("chunk not followed by CRLF");
            }
        }
    }

    private void skipExactly(long n) throws IOException {
        long left = n;
        while (left > 0) {
            int r = in.read(skipBuffer, 0, (int) Math.min(skipBuffer.length, left));
            if (r < 0) {
                throw new BadResponseException("content cut short: " + left + " of " + n + " bytes missing");
            }
            left -= r;
        }
    }

    private long skipToEnd() throws IOException {
        long total = 0;
        int r;
        while ((r = in.read(skipBuffer)) >= 0) {
            total += r;
        }
        return total;
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new BadResponseException("response cut short");
        }
        return b;
    }

    /** A line ending in CRLF (a bare LF is accepted, RFC 9112 section 2.2), starting with {@code first}. */
    private String readLine(int first) throws IOException {
        line.setLength(0);
        int b = first;
        while (b != '\n') {
            if (line.length() >= MAX_LINE) {
                throw new BadResponseException("line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) b);
            b = readByte();
        }
        int len = line.length();
        if (len > 0 && line.charAt(len - 1) == '\r') {
            line.setLength(len - 1);
        }
        return line.toString();
    }

    private static long parseLength(String value) throws BadResponseException {
        try {
            long v = Long.parseLong(value);
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadResponseException("bad Content-Length: " + abbreviate(value));
        }
    }

    private static String abbreviate(String s) {
        String t = s.length() > 60 ? s.substring(0, 60) + "..." : s;
        return new String(t.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.US_ASCII);
    }
}
