package dev.sluice.connector.internal.http2;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The encoder's output, checked against RFC 7541 examples and by decoding it again. */
class HpackEncoderTest {
    /** Builds blocks byte by byte, for tests that need representations the encoder never makes. */
    static final class Raw {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Raw literalIncremental(String name, String value) {
            out.write(0x40);
            string(name);
            string(value);
            return this;
        }

        Raw literal(String name, String value) {
            out.write(0x00);
            string(name);
            string(value);
            return this;
        }

        Raw indexed(int index) {
            out.write(0x80 | index);
            return this;
        }

        private void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
            if (b.length < 127) {
                out.write(b.length);
            } else {
                out.write(127);
                int v = b.length - 127;
                while (v >= 0x80) {
                    out.write((v & 0x7f) | 0x80);
                    v >>>= 7;
                }
                out.write(v);
            }
            out.write(b, 0, b.length);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    @Test
    void staticPairIsOneByte() {
        assertArrayEquals(new byte[] {(byte) 0x88}, new HpackEncoder().block().add(":status", "200").toByteArray());
    }

    /** RFC 7541 C.4.1: "www.example.com" Huffman-codes to f1e3 c2e5 f23a 6ba0 ab90 f4ff. */
    @Test
    void huffmanMatchesTheRfcExample() {
        byte[] b = new HpackEncoder().block().add(":authority", "www.example.com").toByteArray();
        assertArrayEquals(HpackDecoderTest.hex("01 8c f1e3 c2e5 f23a 6ba0 ab90 f4ff"), b);
    }

    @Test
    void roundTripsEveryByteValueAndLongValues() throws Exception {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 256; i++) {
            all.append((char) i);
        }
        String[][] fields = {
            {":status", "404"}, {"content-type", "text/plain; charset=utf-8"}, {"x-custom", all.toString()},
            {"x-long", "z".repeat(5000)}, {"set-cookie", "a=b"}, {"set-cookie", "c=d"},
        };
        HpackEncoder.Block block = new HpackEncoder().block();
        for (String[] f : fields) {
            block.add(f[0], f[1]);
        }
        List<String[]> back = new ArrayList<>();
        new HpackDecoder(4096, 1 << 20).decode(block.toByteArray(), (n, v) -> back.add(new String[] {n, v}));
        assertEquals(fields.length, back.size());
        for (int i = 0; i < fields.length; i++) {
            assertArrayEquals(fields[i], back.get(i));
        }
    }
}
