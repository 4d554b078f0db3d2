package dev.sluice.bench;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 response from a blocking stream, just enough for the load clients: status code, whether the
 * server asked to close, and the content skipped by Content-Length, chunked coding, or end of stream.
 * Not a general client; the servers under test answer small, well-formed responses.
 */
final class ResponseReader {
    /** One response: its status code and whether the connection must be closed after it. */
    record Response(int status, boolean close) {
    }

    private final InputStream in;

    ResponseReader(InputStream in) {
        this.in = in;
    }

    /** @throws EOFException when the stream ends before a complete response */
    Response read() throws IOException {
        String statusLine = line();
        if (!statusLine.startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long contentLength = -1;
        boolean chunked = false;
        boolean close = statusLine.startsWith("HTTP/1.0");
        for (String header = line(); !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.endsWith("chunked");
                case "connection" -> close = value.contains("close") || (close && !value.contains("keep-alive"));
                default -> { }
            }
        }
        if (chunked) {
            skipChunks();
        } else if (contentLength >= 0) {
            skip(contentLength);
        } else if (status >= 200 && status != 204 && status != 304) {
            while (in.read() >= 0) {
                // no length: the content ends with the connection
            }
            close = true;
        }
        return new Response(status, close);
    }

    private void skipChunks() throws IOException {
        while (true) {
            String size = line();
            int semicolon = size.indexOf(';');
            long length = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
            if (length == 0) {
                while (!line().isEmpty()) {
                    // trailer fields
                }
                return;
            }
            skip(length);
            line();
        }
    }

    private void skip(long length) throws IOException {
        for (long left = length; left > 0; left--) {
            if (in.read() < 0) {
                throw new EOFException("content ended early");
            }
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("stream ended in a response head");
            }
            if (b != '\r') {
                bytes.write(b);
            }
        }
        return bytes.toString(StandardCharsets.ISO_8859_1);
    }
}
