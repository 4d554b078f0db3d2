package dev.sluice.connector.internal.http2;

import java.io.ByteArrayOutputStream;

/**
 * The canonical Huffman code of HPACK (RFC 7541 section 5.2 and Appendix B). Decoding walks a binary tree built
 * once from the code table; the padding rules of section 5.2 are enforced (at most 7 bits, all ones; EOS never
 * decoded). Thread-safe (immutable).
 */
final class Huffman {
    /** Tree nodes: children[2n] and children[2n+1] are node n's 0 and 1 branches; a leaf is -(symbol + 1). */
    private static final int[] CHILDREN;

    static {
        int[] children = new int[2 * 512];
        int nodes = 1;
        for (int sym = 0; sym < 257; sym++) {
            int code = HuffmanCode.CODES[sym];
            int len = HuffmanCode.LENGTHS[sym];
            int node = 0;
            for (int bit = len - 1; bit >= 0; bit--) {
                int slot = 2 * node + ((code >>> bit) & 1);
                if (bit == 0) {
                    children[slot] = -(sym + 1);
                } else {
                    if (children[slot] == 0) {
                        children[slot] = nodes++;
                    }
                    node = children[slot];
                }
            }
        }
        CHILDREN = children;
    }

    private Huffman() {
    }

    /** The encoded length in bytes of {@code s}'s characters (each a byte, ISO-8859-1). */
    static int encodedLength(String s) {
        long bits = 0;
        for (int i = 0; i < s.length(); i++) {
            bits += HuffmanCode.LENGTHS[s.charAt(i) & 0xff];
        }
        return (int) ((bits + 7) / 8);
    }

    static void encode(String s, ByteArrayOutputStream out) {
        long acc = 0;
        int bits = 0;
        for (int i = 0; i < s.length(); i++) {
            int sym = s.charAt(i) & 0xff;
            acc = (acc << HuffmanCode.LENGTHS[sym]) | (HuffmanCode.CODES[sym] & 0xffff_ffffL);
            bits += HuffmanCode.LENGTHS[sym];
            while (bits >= 8) {
                bits -= 8;
                out.write((int) (acc >>> bits));
            }
        }
        if (bits > 0) {
            out.write((int) ((acc << (8 - bits)) | (0xff >>> bits))); // pad with the EOS prefix: ones
        }
    }

    /**
     * Decodes {@code length} bytes at {@code offset} into {@code out}.
     *
     * @throws Http2Exception COMPRESSION_ERROR for EOS in the data, or padding longer than 7 bits or not all ones
     */
    static void decode(byte[] src, int offset, int length, StringBuilder out) throws Http2Exception {
        int node = 0;
        int depth = 0; // bits read since the last symbol
        boolean allOnes = true;
        for (int i = offset; i < offset + length; i++) {
            int b = src[i] & 0xff;
            for (int bit = 7; bit >= 0; bit--) {
                int v = (b >>> bit) & 1;
                int next = CHILDREN[2 * node + v];
                depth++;
                allOnes &= v == 1;
                if (next < 0) {
                    int sym = -next - 1;
                    if (sym == 256) {
                        throw Http2Exception.connection(Http2Error.COMPRESSION_ERROR, "EOS in a Huffman string");
                    }
                    out.append((char) sym);
                    node = 0;
                    depth = 0;
                    allOnes = true;
                } else {
                    node = next;
                }
            }
        }
        if (depth > 7 || !allOnes) {
            throw Http2Exception.connection(Http2Error.COMPRESSION_ERROR, "Invalid Huffman padding");
        }
    }
}
