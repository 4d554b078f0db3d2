package dev.sluice.connector.internal.http2;

/**
 * Decodes header blocks (RFC 7541 section 6) into fields, keeping the connection's dynamic table. Bounded
 * whatever the peer sends:
 * <ul>
 * <li>the dynamic table never exceeds the size we announced (a larger size update is COMPRESSION_ERROR);</li>
 * <li>a string's length is checked against the bytes left in the block before anything is allocated;</li>
 * <li>once the decoded list passes {@code maxHeaderListSize} (name + value + 32 per field, as
 *     SETTINGS_MAX_HEADER_LIST_SIZE counts, RFC 9113 section 6.5.2) no more fields are handed out, but the block
 *     is still decoded to its end so the dynamic table stays in step; {@link Result#oversized()} then tells the
 *     caller to answer 431. A small block that repeats a large table entry (an "HPACK bomb") thus costs no
 *     memory beyond the limit.</li>
 * </ul>
 * Any malformed representation is a connection error of type COMPRESSION_ERROR (RFC 9113 section 4.3). Strings
 * are taken byte for byte (ISO-8859-1), as the HTTP/1.1 parser does. Not thread-safe: one per connection.
 */
public final class HpackDecoder {
    /** Receives each decoded field in order. */
    @FunctionalInterface
    public interface FieldSink {
        void field(String name, String value) throws Http2Exception;
    }

    /** How a block ended: the decoded list size and whether it passed the limit. */
    public record Result(long listSize, boolean oversized) {
    }

    private final HpackDynamicTable table;
    private final int maxHeaderListSize;

    /**
     * @param tableSize         SETTINGS_HEADER_TABLE_SIZE as we announced it (4096 unless changed)
     * @param maxHeaderListSize the largest field list handed out, in the units of section 6.5.2
     */
    public HpackDecoder(int tableSize, int maxHeaderListSize) {
        this.table = new HpackDynamicTable(tableSize);
        this.maxHeaderListSize = maxHeaderListSize;
    }

    /** Decodes one complete header block (HEADERS plus CONTINUATION payloads, padding removed). */
    public Result decode(byte[] block, FieldSink sink) throws Http2Exception {
        Cursor in = new Cursor(block);
        long listSize = 0;
        boolean sawField = false;
        while (in.pos < block.length) {
            int b = block[in.pos] & 0xff;
            String name;
            String value;
            if ((b & 0x80) != 0) { // indexed field (6.1)
                String[] e = entry(in.integer(7));
                name = e[0];
                value = e[1];
            } else if ((b & 0xc0) == 0x40) { // literal with incremental indexing (6.2.1)
                int index = in.integer(6);
                name = index == 0 ? in.string() : entry(index)[0];
                value = in.string();
                table.add(name, value);
            } else if ((b & 0xe0) == 0x20) { // dynamic table size update (6.3)
                if (sawField) {
                    throw Http2Exception.connection(Http2Error.COMPRESSION_ERROR,
                            "HPACK table size update after a field");
                }
                table.resize(in.integer(5));
                continue;
            } else { // literal without indexing (6.2.2) or never indexed (6.2.3)
                int index = in.integer(4);
                name = index == 0 ? in.string() : entry(index)[0];
                value = in.string();
            }
            sawField = true;
            listSize += HpackDynamicTable.entrySize(name, value);
            if (listSize <= maxHeaderListSize) {
                sink.field(name, value);
            }
        }
        return new Result(listSize, listSize > maxHeaderListSize);
    }

    private String[] entry(int index) throws Http2Exception {
        if (index >= 1 && index <= HpackStaticTable.SIZE) {
            return HpackStaticTable.ENTRIES[index - 1];
        }
        String[] e = table.get(index - HpackStaticTable.SIZE);
        if (e == null) {
            throw Http2Exception.connection(Http2Error.COMPRESSION_ERROR, "HPACK index " + index + " out of range");
        }
        return e;
    }

    /** The dynamic table's current size in bytes (section 4.1), for tests. */
    int tableSize() {
        return table.size();
    }

    /** The dynamic table's number of entries, for tests. */
    int tableLength() {
        return table.length();
    }

    /** Reads the primitives of section 5 from a block. */
    private static final class Cursor {
        private final byte[] b;
        private int pos;

        Cursor(byte[] b) {
            this.b = b;
        }

        /** An integer with an N-bit prefix (5.1); values above 2^28 are refused, they fit nothing sensible. */
        int integer(int prefixBits) throws Http2Exception {
            int max = (1 << prefixBits) - 1;
            int value = b[pos++] & max;
            if (value < max) {
                return value;
            }
            int shift = 0;
            while (true) {
                if (pos >= b.length) {
                    throw truncated();
                }
                int next = b[pos++] & 0xff;
                value += (next & 0x7f) << shift;
                if ((next & 0x80) == 0) {
                    return value;
                }
                shift += 7;
                if (shift > 21) {
                    throw Http2Exception.connection(Http2Error.COMPRESSION_ERROR, "HPACK integer too large");
                }
            }
        }

        /** A string literal (5.2), Huffman-coded or not. */
        String string() throws Http2Exception {
            if (pos >= b.length) {
                throw truncated();
            }
            boolean huffman = (b[pos] & 0x80) != 0;
            int length = integer(7);
            if (length > b.length - pos) {
                throw truncated();
            }
            String s;
            if (huffman) {
                StringBuilder sb = new StringBuilder(length * 8 / 5 + 1);
                Huffman.decode(b, pos, length, sb);
                s = sb.toString();
            } else {
                s = new String(b, pos, length, java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            pos += length;
            return s;
        }

        private static Http2Exception truncated() {
            return Http2Exception.connection(Http2Error.COMPRESSION_ERROR, "Truncated HPACK representation");
        }
    }
}
