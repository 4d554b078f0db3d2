package dev.sluice.connector.internal;

import dev.sluice.core.Headers;
import dev.sluice.core.Status;
import java.nio.ByteBuffer;

/**
 * Writes a response head as ISO-8859-1 bytes straight into a buffer, with no intermediate strings. Characters a
 * field cannot carry are replaced: CR and LF become spaces (no response splitting), others beyond Latin-1 '?'.
 */
final class HeadEncoder {
    private static final byte[][] STATUS_LINES = new byte[600][];

    private ByteBuffer out;

    HeadEncoder(ByteBuffer out) {
        this.out = out;
    }

    /** The encoded head, in read mode. */
    ByteBuffer finish() {
        out.put((byte) '\r').put((byte) '\n');
        return out.flip();
    }

    HeadEncoder statusLine(Status status) {
        byte[] line = STATUS_LINES[status.code()];
        if (line == null || !Status.of(status.code()).reason().equals(status.reason())) {
            line = ("HTTP/1.1 " + status.code() + " " + status.reason() + "\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            if (Status.of(status.code()).reason().equals(status.reason())) {
                STATUS_LINES[status.code()] = line; // benign race: every thread computes the same bytes
            }
        }
        ensure(line.length);
        out.put(line);
        return this;
    }

    HeadEncoder field(String name, String value) {
        ensure(name.length() + value.length() + 4);
        put(name, false);
        out.put((byte) ':').put((byte) ' ');
        put(value, true);
        out.put((byte) '\r').put((byte) '\n');
        return this;
    }

    HeadEncoder field(String name, long value) {
        return field(name, Long.toString(value));
    }

    /** Every field of {@code headers} except those named in {@code skip} (compared case-insensitively). */
    HeadEncoder fields(Headers headers, String... skip) {
        outer:
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            for (String s : skip) {
                if (s != null && s.equalsIgnoreCase(name)) {
                    continue outer;
                }
            }
            field(name, headers.value(i));
        }
        return this;
    }

    private void put(String s, boolean value) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n') {
                c = ' ';
            } else if (c > 0xFF || (!value && (c <= ' ' || c == ':'))) {
                c = '?';
            }
            out.put((byte) c);
        }
    }

    private void ensure(int more) {
        if (out.remaining() < more + 2) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + more + 64));
            out.flip();
            bigger.put(out);
            out = bigger;
        }
    }
}
