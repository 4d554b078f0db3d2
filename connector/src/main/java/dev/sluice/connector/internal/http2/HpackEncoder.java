package dev.sluice.connector.internal.http2;

import java.io.ByteArrayOutputStream;

/**
 * Encodes response header blocks (RFC 7541). Deliberately simple: fields found whole in the static table are
 * indexed, everything else is a literal without indexing (section 6.2.2), its name indexed when the static table
 * has it, strings Huffman-coded when that is shorter. It never adds to the dynamic table, so the peer's
 * SETTINGS_HEADER_TABLE_SIZE never matters and no state is shared between streams: thread-safe.
 */
public final class HpackEncoder {
    /** Starts a block. */
    public Block block() {
        return new Block();
    }

    /** One header block being built. */
    public static final class Block {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(128);

        private Block() {
        }

        /** Adds a field; {@code name} must already be lower case (RFC 9113 section 8.2.1). */
        public Block add(String name, String value) {
            int full = HpackStaticTable.indexOf(name, value);
            if (full > 0) {
                integer(0x80, 7, full);
                return this;
            }
            int nameIndex = HpackStaticTable.indexOf(name);
            integer(0x00, 4, nameIndex);
            if (nameIndex == 0) {
                string(name);
            }
            string(value);
            return this;
        }

        public byte[] toByteArray() {
            return out.toByteArray();
        }

        private void integer(int firstByteBits, int prefixBits, int value) {
            int max = (1 << prefixBits) - 1;
            if (value < max) {
                out.write(firstByteBits | value);
                return;
            }
            out.write(firstByteBits | max);
            value -= max;
            while (value >= 0x80) {
                out.write((value & 0x7f) | 0x80);
                value >>>= 7;
            }
            out.write(value);
        }

        private void string(String s) {
            int huffmanLength = Huffman.encodedLength(s);
            if (huffmanLength < s.length()) {
                integer(0x80, 7, huffmanLength);
                Huffman.encode(s, out);
            } else {
                integer(0x00, 7, s.length());
                for (int i = 0; i < s.length(); i++) {
                    out.write(s.charAt(i));
                }
            }
        }
    }
}
