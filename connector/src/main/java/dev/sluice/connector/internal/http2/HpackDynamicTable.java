package dev.sluice.connector.internal.http2;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The HPACK dynamic table (RFC 7541 section 2.3.2 and 4): newest entry first, its size the sum of name length +
 * value length + 32 per entry, entries evicted oldest first to stay within the maximum size. The maximum can never
 * exceed the bound given at construction (what we announced as SETTINGS_HEADER_TABLE_SIZE), so a peer cannot make
 * it grow. Not thread-safe.
 */
final class HpackDynamicTable {
    private final ArrayDeque<String[]> entries = new ArrayDeque<>();
    private final int bound;
    private int maxSize;
    private int size;

    HpackDynamicTable(int bound) {
        this.bound = bound;
        this.maxSize = bound;
    }

    static int entrySize(String name, String value) {
        return name.length() + value.length() + 32;
    }

    /** The entry at dynamic index {@code i} (1 is the newest), or null when there is none. */
    String[] get(int i) {
        if (i < 1 || i > entries.size()) {
            return null;
        }
        Iterator<String[]> it = entries.iterator();
        for (int k = 1; k < i; k++) {
            it.next();
        }
        return it.next();
    }

    int length() {
        return entries.size();
    }

    int size() {
        return size;
    }

    /** Adds an entry, evicting as needed; an entry larger than the maximum empties the table (section 4.4). */
    void add(String name, String value) {
        int s = entrySize(name, value);
        evictTo(maxSize - s);
        if (s <= maxSize) {
            entries.addFirst(new String[] {name, value});
            size += s;
        }
    }

    /**
     * A dynamic table size update (section 6.3).
     *
     * @throws Http2Exception COMPRESSION_ERROR when above the announced bound
     */
    void resize(int newMax) throws Http2Exception {
        if (newMax > bound || newMax < 0) {
            throw Http2Exception.connection(Http2Error.COMPRESSION_ERROR,
                    "HPACK table size update above SETTINGS_HEADER_TABLE_SIZE");
        }
        maxSize = newMax;
        evictTo(newMax);
    }

    private void evictTo(int target) {
        while (size > Math.max(target, 0) && !entries.isEmpty()) {
            String[] e = entries.removeLast();
            size -= entrySize(e[0], e[1]);
        }
    }
}
