package dev.sluice.connector.internal.http2;

import java.util.HashMap;
import java.util.Map;

/** The HPACK static table, RFC 7541 Appendix A: 61 entries, indexed from 1. */
final class HpackStaticTable {
    static final String[][] ENTRIES = {
        {":authority", ""}, {":method", "GET"}, {":method", "POST"}, {":path", "/"}, {":path", "/index.html"},
        {":scheme", "http"}, {":scheme", "https"}, {":status", "200"}, {":status", "204"}, {":status", "206"},
        {":status", "304"}, {":status", "400"}, {":status", "404"}, {":status", "500"}, {"accept-charset", ""},
        {"accept-encoding", "gzip, deflate"}, {"accept-language", ""}, {"accept-ranges", ""}, {"accept", ""},
        {"access-control-allow-origin", ""}, {"age", ""}, {"allow", ""}, {"authorization", ""},
        {"cache-control", ""}, {"content-disposition", ""}, {"content-encoding", ""}, {"content-language", ""},
        {"content-length", ""}, {"content-location", ""}, {"content-range", ""}, {"content-type", ""},
        {"cookie", ""}, {"date", ""}, {"etag", ""}, {"expect", ""}, {"expires", ""}, {"from", ""}, {"host", ""},
        {"if-match", ""}, {"if-modified-since", ""}, {"if-none-match", ""}, {"if-range", ""},
        {"if-unmodified-since", ""}, {"last-modified", ""}, {"link", ""}, {"location", ""}, {"max-forwards", ""},
        {"proxy-authenticate", ""}, {"proxy-authorization", ""}, {"range", ""}, {"referer", ""}, {"refresh", ""},
        {"retry-after", ""}, {"server", ""}, {"set-cookie", ""}, {"strict-transport-security", ""},
        {"transfer-encoding", ""}, {"user-agent", ""}, {"vary", ""}, {"via", ""}, {"www-authenticate", ""},
    };
    static final int SIZE = ENTRIES.length;

    /** The first index of each name, for the encoder. */
    private static final Map<String, Integer> NAME_INDEX = new HashMap<>();
    /** The index of each name and value pair, for the encoder. */
    private static final Map<String, Integer> PAIR_INDEX = new HashMap<>();

    static {
        for (int i = SIZE - 1; i >= 0; i--) {
            NAME_INDEX.put(ENTRIES[i][0], i + 1);
            PAIR_INDEX.put(ENTRIES[i][0] + '\0' + ENTRIES[i][1], i + 1);
        }
    }

    private HpackStaticTable() {
    }

    /** The index of a name, or 0. */
    static int indexOf(String name) {
        return NAME_INDEX.getOrDefault(name, 0);
    }

    /** The index of a whole field, or 0. */
    static int indexOf(String name, String value) {
        return PAIR_INDEX.getOrDefault(name + '\0' + value, 0);
    }
}
