package dev.sluice.connector.internal;

import dev.sluice.core.Headers;
import dev.sluice.core.Status;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a response head as ISO-8859-1 bytes straight into a buffer, with no intermediate strings. Characters a
 * field cannot carry are replaced, so no head ever carries them whoever built the fields: in a value every control
 * character but HTAB becomes a space (CR and LF would split the response, NUL cuts it short in some clients, and
 * RFC 9110 section 5.5 allows none of them in a field value; {@link Headers} only refuses CR, LF and NUL because it
 * also holds received fields, whose other controls a recipient may keep), characters beyond Latin-1 '?'; in a
 * name, space, controls and ':' also become '?'.
 *
 * <p>Bytes go into the buffer's backing array through a local index, not one {@code ByteBuffer.put} per
 * character: this runs for every field of every response, and each put re-checks bounds and moves the position.
 * Fields the server writes on every response (Date, Server) are encoded once and copied as a whole line
 * ({@link #line}). Not thread-safe: one encoder per head.
 */
final class HeadEncoder {
    private static final byte[][] STATUS_LINES = new byte[600][];

    private ByteBuffer out;
    /** {@code out}'s backing array; bytes are written at {@code pos}, an index into it. */
    private byte[] a;
    private int pos;

    HeadEncoder(ByteBuffer out) {
        if (!out.hasArray()) {
            ByteBuffer heap = ByteBuffer.allocate(out.capacity());
            heap.put(out.flip());
            out = heap;
        }
        attach(out);
    }

    private void attach(ByteBuffer buffer) {
        out = buffer;
        a = buffer.array();
        pos = buffer.arrayOffset() + buffer.position();
    }

    /** The encoded head, in read mode. */
    ByteBuffer finish() {
        ensure(0);
        a[pos++] = '\r';
        a[pos++] = '\n';
        out.position(pos - out.arrayOffset());
        return out.flip();
    }

    HeadEncoder statusLine(Status status) {
        byte[] line = STATUS_LINES[status.code()];
        if (line == null || !Status.of(status.code()).reason().equals(status.reason())) {
            line = ("HTTP/1.1 " + status.code() + " " + status.reason() + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            if (Status.of(status.code()).reason().equals(status.reason())) {
                STATUS_LINES[status.code()] = line; // benign race: every thread computes the same bytes
            }
        }
        return line(line);
    }

    /** Appends bytes already encoded by an encoder, e.g. a whole field line ending in CRLF. */
    HeadEncoder line(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, a, pos, bytes.length);
        pos += bytes.length;
        return this;
    }

    HeadEncoder field(String name, String value) {
        ensure(name.length() + value.length() + 4);
        putName(name);
        a[pos++] = ':';
        a[pos++] = ' ';
        putValue(value);
        a[pos++] = '\r';
        a[pos++] = '\n';
        return this;
    }

    HeadEncoder field(String name, long value) {
        if (value < 0) {
            return field(name, Long.toString(value));
        }
        ensure(name.length() + 19 + 4);
        putName(name);
        a[pos++] = ':';
        a[pos++] = ' ';
        putDecimal(value);
        a[pos++] = '\r';
        a[pos++] = '\n';
        return this;
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

    /** {@code name: value} CRLF as this encoder writes it, for a line written on many heads. */
    static byte[] encodeLine(String name, String value) {
        HeadEncoder enc = new HeadEncoder(ByteBuffer.allocate(name.length() + value.length() + 8)).field(name, value);
        return Arrays.copyOfRange(enc.a, enc.out.arrayOffset(), enc.pos);
    }

    private void putName(String s) {
        byte[] a = this.a;
        int p = pos;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == ':' || c > 0xFF) {
                c = c == '\r' || c == '\n' ? ' ' : '?';
            }
            a[p++] = (byte) c;
        }
        pos = p;
    }

    private void putValue(String s) {
        byte[] a = this.a;
        int p = pos;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < ' ' || c >= 0x7F) {
                if (c > 0xFF) {
                    c = '?';
                } else if (c < ' ' ? c != '\t' : c == 0x7F) {
                    c = ' '; // a control character, CR, LF and NUL included (RFC 9110 section 5.5)
                }
            }
            a[p++] = (byte) c;
        }
        pos = p;
    }

    /** {@code value >= 0} in decimal, as {@link Long#toString} writes it. */
    private void putDecimal(long value) {
        int digits = 1;
        for (long v = value / 10; v != 0; v /= 10) {
            digits++;
        }
        int p = pos + digits;
        pos = p;
        long v = value;
        do {
            a[--p] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        } while (v != 0);
    }

    /** Room for {@code more} bytes plus the final CRLF; a larger buffer replaces the current one if needed. */
    private void ensure(int more) {
        int used = pos - out.arrayOffset();
        if (out.limit() - used < more + 2) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, used + more + 64));
            bigger.put(a, out.arrayOffset(), used);
            attach(bigger);
        }
    }
}
