package dev.sluice.connector.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Headers;
import dev.sluice.core.HttpDate;
import dev.sluice.core.Status;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The byte-level head encoder and the commit's head writer produce exactly the bytes of the character-by-character
 * encoder they replaced ({@link LegacyHeadEncoder}, kept here as the reference), for a table of heads including
 * every character class the encoder replaces; what it does to control characters is stated as exact bytes.
 */
class HeadEncoderTest {
    /** Field lines: [name, value]; names and values with CR, LF, NUL, controls, ':', space and non-Latin-1. */
    static final List<String[]> FIELDS = List.of(
            new String[] {"Content-Type", "text/plain; charset=utf-8"},
            new String[] {"X-Empty", ""},
            new String[] {"X-Split", "a\r\nSet-Cookie: evil"},
            new String[] {"X-Lf", "a\nb"},
            new String[] {"X-Cr", "a\rb"},
            new String[] {"X-Tab", "a\tb c"},
            new String[] {"X-Controls", "\u0000\u0001\u000b\u000c\u000e\u001f\u007f"},
            new String[] {"X-Latin", "caf\u00e9 \u00ff \u0080"},
            new String[] {"X-Wide", "\u20ac \u0100 \u010d \u010a \ud83d\ude00"}, // 0x10D, 0x10A: CR/LF low bytes
            new String[] {"Bad Name", "v"},
            new String[] {"Bad:Name", "v"},
            new String[] {"Bad\r\nName", "v"},
            new String[] {"Bad\tName\u0000", "v"},
            new String[] {"N\u00e4me\u20ac", "v"},
            new String[] {"", "empty name"},
            new String[] {"X-Long", "v".repeat(3000)},
            new String[] {"Set-Cookie", "a=b; Path=/; HttpOnly"});

    static Stream<Arguments> fields() {
        return FIELDS.stream().map(f -> Arguments.of(f[0], f[1]));
    }

    @ParameterizedTest(name = "field({0}, ...)")
    @MethodSource("fields")
    void fieldIsEncodedAsBefore(String name, String value) {
        String expected = text(new LegacyHeadEncoder(ByteBuffer.allocate(64)).statusLine(Status.OK)
                .field(name, value).finish());
        assertEquals(expected, text(new HeadEncoder(ByteBuffer.allocate(64)).statusLine(Status.OK)
                .field(name, value).finish()));
        assertEquals(expected, text(new HeadEncoder(ByteBuffer.allocate(64)).statusLine(Status.OK)
                .line(HeadEncoder.encodeLine(name, value)).finish()));
    }

    /**
     * RFC 9110 section 5.5: a field value carries no control character but HTAB. Whatever a handler or the
     * connector puts in a value, the head written carries none: each becomes a space (CR and LF included, so no
     * response splitting), and obs-text (0x80-0xFF) is kept.
     */
    @ParameterizedTest(name = "value {index}")
    @MethodSource("controlValues")
    void controlCharactersInAValueNeverReachTheHead(String value, String written) {
        String expected = "HTTP/1.1 200 OK\r\nX-V: " + written + "\r\n\r\n";
        assertEquals(expected, text(new HeadEncoder(ByteBuffer.allocate(64)).statusLine(Status.OK)
                .field("X-V", value).finish()));
        assertEquals(expected, text(new HeadEncoder(ByteBuffer.allocate(64)).statusLine(Status.OK)
                .line(HeadEncoder.encodeLine("X-V", value)).finish()));
    }

    static Stream<Arguments> controlValues() {
        return Stream.of(
                Arguments.of("a\u0000b", "a b"),
                Arguments.of("\u0000\u0001\u000b\u000c\u000e\u001f\u007f", "       "),
                Arguments.of("a\r\nSet-Cookie: evil", "a  Set-Cookie: evil"),
                Arguments.of("a\tb c", "a\tb c"),
                Arguments.of("caf\u00e9 \u0080\u00ff", "caf\u00e9 \u0080\u00ff"),
                Arguments.of("v".repeat(40) + "\u0008\u001b", "v".repeat(40) + "  "));
    }

    @Test
    void noHeadCarriesAControlCharacterWhateverTheFields() {
        HeadEncoder enc = new HeadEncoder(ByteBuffer.allocate(16)).statusLine(Status.OK);
        for (String[] f : FIELDS) {
            enc.field(f[0], f[1]);
        }
        String head = text(enc.finish());
        String lines = head.substring(0, head.length() - 4).replace("\r\n", "");
        for (int i = 0; i < lines.length(); i++) {
            char c = lines.charAt(i);
            assertTrue(c == '\t' || (c >= ' ' && c != 0x7F), "control 0x" + Integer.toHexString(c) + " at " + i);
        }
        assertEquals(FIELDS.size() + 2, head.split("\r\n", -1).length - 1, "one line per field: " + head);
    }

    @Test
    void decimalFieldsMatchLongToString() {
        for (long v : new long[] {0, 1, 9, 10, 13, 99, 100, 999_999, 1_000_000, Integer.MAX_VALUE,
                Long.MAX_VALUE, -1, -10, Long.MIN_VALUE}) {
            assertEquals(text(new LegacyHeadEncoder(ByteBuffer.allocate(16)).field("Content-Length", v).finish()),
                    text(new HeadEncoder(ByteBuffer.allocate(16)).field("Content-Length", v).finish()), "" + v);
        }
    }

    @Test
    void wholeHeadsMatchWhateverTheBufferSize() {
        for (int capacity : new int[] {1, 16, 100, 1024, 16 * 1024}) {
            LegacyHeadEncoder legacy = new LegacyHeadEncoder(ByteBuffer.allocate(capacity))
                    .statusLine(Status.NOT_FOUND);
            HeadEncoder enc = new HeadEncoder(ByteBuffer.allocate(capacity)).statusLine(Status.NOT_FOUND);
            Headers all = new Headers();
            for (String[] f : FIELDS) {
                legacy.field(f[0], f[1]);
                enc.field(f[0], f[1]);
                if (Headers.isValidName(f[0]) && Headers.isValidValue(f[1])) {
                    all.add(f[0], f[1]);
                }
            }
            legacy.field("Content-Length", 12345).fields(all, "Set-Cookie", null);
            enc.field("Content-Length", 12345).fields(all, "Set-Cookie", null);
            assertEquals(text(legacy.finish()), text(enc.finish()), "capacity " + capacity);
        }
    }

    @Test
    void bytesAlreadyInTheBufferAreKept() { // the last chunk is put before the trailer fields
        ByteBuffer a = ByteBuffer.allocate(8).put(new byte[] {'0', '\r', '\n'});
        ByteBuffer b = ByteBuffer.allocate(8).put(new byte[] {'0', '\r', '\n'});
        Headers trailers = new Headers().add("X-Checksum", "42").add("X-More", "yes");
        assertEquals(text(new LegacyHeadEncoder(a).fields(trailers, "Content-Length").finish()),
                text(new HeadEncoder(b).fields(trailers, "Content-Length").finish()));
        assertEquals("0\r\nX-Checksum: 42\r\nX-More: yes\r\n\r\n",
                text(new HeadEncoder(ByteBuffer.allocateDirect(8).put(new byte[] {'0', '\r', '\n'}))
                        .fields(trailers).finish()));
    }

    @Test
    void statusLinesOfRegisteredAndUnregisteredCodes() {
        for (int code : new int[] {100, 200, 204, 299, 404, 451, 503, 599}) {
            Status status = Status.of(code);
            for (int round = 0; round < 2; round++) { // the second round comes from the cache
                assertEquals(text(new LegacyHeadEncoder(ByteBuffer.allocate(64)).statusLine(status).finish()),
                        text(new HeadEncoder(ByteBuffer.allocate(64)).statusLine(status).finish()), "" + code);
            }
        }
    }

    /** Response header sets for the commit writer, as handlers set them. */
    static Stream<Arguments> responseHeads() {
        return Stream.of(
                new Headers(),
                new Headers().add("Content-Type", "text/plain").add("Content-Length", "13"),
                new Headers().add("date", "Mon, 01 Jan 2024 00:00:00 GMT").add("SERVER", "Mine"),
                new Headers().add("Connection", "close").add("keep-alive", "timeout=5")
                        .add("Transfer-Encoding", "gzip").add("X-A", "1"),
                new Headers().add("content-length", "5").add("Content-Length", "5").add("X-Dates", "d"),
                new Headers().add("Datum", "x").add("Servers", "y").add("Connections", "z")
                        .add("Content-Lengths", "1").add("Transfer-Encodings", "t").add("Keep-Alive2", "k"),
                new Headers().add("X-Split", "a\tb").add("Set-Cookie", "a=1").add("Set-Cookie", "b=2")
                        .add("DATE", "Mon, 01 Jan 2024 00:00:00 GMT").add("TRANSFER-encoding", "chunked"))
                .flatMap(h -> Stream.of(
                        Arguments.of(h, false, -1L, false, null),
                        Arguments.of(h, true, 13L, false, null),
                        Arguments.of(h, true, -1L, true, "close"),
                        Arguments.of(h, false, 0L, false, "keep-alive"),
                        Arguments.of(h, false, 2L, false, "keep-alive")));
    }

    @ParameterizedTest
    @MethodSource("responseHeads")
    void commitHeadsMatchTheFieldByFieldComposition(Headers headers, boolean skipLength, long length,
                                                    boolean chunked, String connection) {
        String keepAlive = length == 2 ? "timeout=20" : null;
        Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
        for (String server : new String[] {"Sluice", null, "Bad\r\nServer\u20ac"}) {
            HttpDate date = new HttpDate(clock);
            LegacyHeadEncoder enc = new LegacyHeadEncoder(ByteBuffer.allocate(64)).statusLine(Status.OK);
            if (!headers.contains("Date")) {
                enc.field("Date", date.now());
            }
            if (server != null && !headers.contains("Server")) {
                enc.field("Server", server);
            }
            enc.fields(headers, "Connection", "Transfer-Encoding", "Keep-Alive", skipLength ? "Content-Length" : null);
            if (length >= 0) {
                enc.field("Content-Length", length);
            }
            if (chunked) {
                enc.field("Transfer-Encoding", "chunked");
            }
            if (connection != null) {
                enc.field("Connection", connection);
            }
            if (keepAlive != null) {
                enc.field("Keep-Alive", keepAlive);
            }
            assertEquals(text(enc.finish()), text(ResponseHeadWriter.write(ByteBuffer.allocate(64),
                    new ServerFieldLines(date, server), Status.OK, headers, skipLength, length, chunked, connection,
                    keepAlive)),
                    headers + " server " + server);
        }
    }

    @Test
    void dateLineFollowsTheClock() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-02T03:04:05.100Z"));
        ServerFieldLines lines = new ServerFieldLines(new HttpDate(clock), null);
        byte[] first = lines.date();
        assertEquals("Date: Fri, 02 Jan 2026 03:04:05 GMT\r\n", new String(first, StandardCharsets.ISO_8859_1));
        clock.now = Instant.parse("2026-01-02T03:04:05.900Z");
        assertArrayEquals(first, lines.date());
        clock.now = Instant.parse("2026-01-02T03:04:06.000Z");
        assertEquals("Date: Fri, 02 Jan 2026 03:04:06 GMT\r\n", new String(lines.date(), StandardCharsets.ISO_8859_1));
        assertNull(lines.server());
    }

    private static String text(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The encoder as it was before the byte-level rewrite (one ByteBuffer.put per character): the reference. */
    static final class LegacyHeadEncoder {
        private ByteBuffer out;

        LegacyHeadEncoder(ByteBuffer out) {
            this.out = out;
        }

        ByteBuffer finish() {
            out.put((byte) '\r').put((byte) '\n');
            return out.flip();
        }

        LegacyHeadEncoder statusLine(Status status) {
            byte[] line = ("HTTP/1.1 " + status.code() + " " + status.reason() + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1);
            ensure(line.length);
            out.put(line);
            return this;
        }

        LegacyHeadEncoder field(String name, String value) {
            ensure(name.length() + value.length() + 4);
            put(name, false);
            out.put((byte) ':').put((byte) ' ');
            put(value, true);
            out.put((byte) '\r').put((byte) '\n');
            return this;
        }

        LegacyHeadEncoder field(String name, long value) {
            return field(name, Long.toString(value));
        }

        LegacyHeadEncoder fields(Headers headers, String... skip) {
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
                } else if (value && ((c < ' ' && c != '\t') || c == 0x7F)) {
                    c = ' '; // issue 14: no control character in a value (RFC 9110 section 5.5)
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
}
