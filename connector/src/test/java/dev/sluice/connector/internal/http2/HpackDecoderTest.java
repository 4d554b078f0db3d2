package dev.sluice.connector.internal.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HPACK decoding against the examples of RFC 7541 Appendix C, and the bounds a peer cannot pass. */
class HpackDecoderTest {
    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replaceAll("\\s", ""));
    }

    static List<String> decode(HpackDecoder d, String hex) throws Http2Exception {
        List<String> fields = new ArrayList<>();
        d.decode(hex(hex), (n, v) -> fields.add(n + ": " + v));
        return fields;
    }

    @Test
    void c21LiteralWithIndexing() throws Exception {
        HpackDecoder d = new HpackDecoder(4096, 16384);
        assertEquals(List.of("custom-key: custom-header"),
                decode(d, "400a 6375 7374 6f6d 2d6b 6579 0d63 7573 746f 6d2d 6865 6164 6572"));
        assertEquals(55, d.tableSize());
    }

    @Test
    void c22LiteralWithoutIndexing() throws Exception {
        HpackDecoder d = new HpackDecoder(4096, 16384);
        assertEquals(List.of(":path: /sample/path"), decode(d, "040c 2f73 616d 706c 652f 7061 7468"));
        assertEquals(0, d.tableLength());
    }

    @Test
    void c23NeverIndexed() throws Exception {
        HpackDecoder d = new HpackDecoder(4096, 16384);
        assertEquals(List.of("password: secret"), decode(d, "1008 7061 7373 776f 7264 0673 6563 7265 74"));
        assertEquals(0, d.tableLength());
    }

    @Test
    void c24Indexed() throws Exception {
        assertEquals(List.of(":method: GET"), decode(new HpackDecoder(4096, 16384), "82"));
    }

    @Test
    void c3RequestsWithoutHuffman() throws Exception {
        HpackDecoder d = new HpackDecoder(4096, 16384);
        assertEquals(List.of(":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com"),
                decode(d, "8286 8441 0f77 7777 2e65 7861 6d70 6c65 2e63 6f6d"));
        assertEquals(57, d.tableSize());
        assertEquals(List.of(":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com",
                "cache-control: no-cache"), decode(d, "8286 84be 5808 6e6f 2d63 6163 6865"));
        assertEquals(110, d.tableSize());
        assertEquals(List.of(":method: GET", ":scheme: https", ":path: /index.html",
                ":authority: www.example.com", "custom-key: custom-value"),
                decode(d, "8287 85bf 400a 6375 7374 6f6d 2d6b 6579 0c63 7573 746f 6d2d 7661 6c75 65"));
        assertEquals(164, d.tableSize());
    }

    @Test
    void c4RequestsWithHuffman() throws Exception {
        HpackDecoder d = new HpackDecoder(4096, 16384);
        assertEquals(List.of(":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com"),
                decode(d, "8286 8441 8cf1 e3c2 e5f2 3a6b a0ab 90f4 ff"));
        assertEquals(List.of(":method: GET", ":scheme: http", ":path: /", ":authority: www.example.com",
                "cache-control: no-cache"), decode(d, "8286 84be 5886 a8eb 1064 9cbf"));
        assertEquals(List.of(":method: GET", ":scheme: https", ":path: /index.html",
                ":authority: www.example.com", "custom-key: custom-value"),
                decode(d, "8287 85bf 4088 25a8 49e9 5ba9 7d7f 8925 a849 e95b b8e8 b4bf"));
        assertEquals(164, d.tableSize());
    }

    static final List<String> C5_FIRST = List.of(":status: 302", "cache-control: private",
            "date: Mon, 21 Oct 2013 20:13:21 GMT", "location: https://www.example.com");
    static final List<String> C5_SECOND = List.of(":status: 307", "cache-control: private",
            "date: Mon, 21 Oct 2013 20:13:21 GMT", "location: https://www.example.com");
    static final List<String> C5_THIRD = List.of(":status: 200", "cache-control: private",
            "date: Mon, 21 Oct 2013 20:13:22 GMT", "location: https://www.example.com", "content-encoding: gzip",
            "set-cookie: foo=ASDJKHQKBZXOQWEOPIUAXQWEOIU; max-age=3600; version=1");

    /** C.5: a 256-byte table, so entries are evicted. */
    @Test
    void c5ResponsesWithoutHuffmanEvict() throws Exception {
        HpackDecoder d = new HpackDecoder(256, 16384);
        assertEquals(C5_FIRST, decode(d, """
                4803 3330 3258 0770 7269 7661 7465 611d 4d6f 6e2c 2032 3120 4f63 7420 3230 3133
                2032 303a 3133 3a32 3120 474d 546e 1768 7474 7073 3a2f 2f77 7777 2e65 7861 6d70 6c65 2e63 6f6d"""));
        assertEquals(222, d.tableSize());
        assertEquals(C5_SECOND, decode(d, "4803 3330 37c1 c0bf"));
        assertEquals(222, d.tableSize());
        assertEquals(C5_THIRD, decode(d, """
                88c1 611d 4d6f 6e2c 2032 3120 4f63 7420 3230 3133 2032 303a 3133 3a32 3220 474d
                54c0 5a04 677a 6970 7738 666f 6f3d 4153 444a 4b48 514b 425a 584f 5157 454f 5049
                5541 5851 5745 4f49 553b 206d 6178 2d61 6765 3d33 3630 303b 2076 6572 7369 6f6e 3d31"""));
        assertEquals(215, d.tableSize());
        assertEquals(3, d.tableLength());
    }

    @Test
    void c6ResponsesWithHuffmanEvict() throws Exception {
        HpackDecoder d = new HpackDecoder(256, 16384);
        assertEquals(C5_FIRST, decode(d, """
                4882 6402 5885 aec3 771a 4b61 96d0 7abe 9410 54d4 44a8 2005 9504 0b81 66e0 82a6
                2d1b ff6e 919d 29ad 1718 63c7 8f0b 97c8 e9ae 82ae 43d3"""));
        assertEquals(C5_SECOND, decode(d, "4883 640e ffc1 c0bf"));
        assertEquals(C5_THIRD, decode(d, """
                88c1 6196 d07a be94 1054 d444 a820 0595 040b 8166 e084 a62d 1bff c05a 839b d9ab
                77ad 94e7 821d d7f2 e6c7 b335 dfdf cd5b 3960 d5af 2708 7f36 72c1 ab27 0fb5 291f
                9587 3160 65c0 03ed 4ee5 b106 3d50 07"""));
        assertEquals(215, d.tableSize());
    }

    /** An "HPACK bomb": one large entry, then a block repeating it; no field past the limit is handed out. */
    @Test
    void repeatedLargeEntryStopsAtTheListLimit() throws Exception {
        HpackDecoder d = new HpackDecoder(4096, 8192);
        String big = "x".repeat(4000);
        HpackEncoderTest.Raw first = new HpackEncoderTest.Raw().literalIncremental("a", big);
        assertFalse(d.decode(first.bytes(), (n, v) -> { }).oversized());
        byte[] bomb = new byte[2000];
        java.util.Arrays.fill(bomb, (byte) 0xbe); // indexed 62: the newest dynamic entry, 2000 times
        List<String> handed = new ArrayList<>();
        HpackDecoder.Result r = d.decode(bomb, (n, v) -> handed.add(n));
        assertTrue(r.oversized());
        assertEquals(2000L * (1 + 4000 + 32), r.listSize());
        assertEquals(2, handed.size()); // two fit in 8192, the rest were only counted
    }

    @Test
    void tableSizeUpdateAboveAnnouncedIsCompressionError() {
        HpackDecoder d = new HpackDecoder(4096, 16384);
        Http2Exception e = assertThrows(Http2Exception.class, () -> d.decode(hex("3fe2 1f"), (n, v) -> { }));
        assertEquals(Http2Error.COMPRESSION_ERROR, e.error()); // 4097 > 4096
        assertTrue(e.isConnectionError());
    }

    @Test
    void tableSizeUpdateAfterAFieldIsCompressionError() {
        HpackDecoder d = new HpackDecoder(4096, 16384);
        Http2Exception e = assertThrows(Http2Exception.class, () -> d.decode(hex("82 20"), (n, v) -> { }));
        assertEquals(Http2Error.COMPRESSION_ERROR, e.error());
    }

    @Test
    void malformedRepresentationsAreCompressionErrors() {
        for (String bad : new String[] {
            "ff",                   // integer continues past the end
            "ff ff ff ff ff 0f",    // integer too large
            "be",                   // dynamic index 62 with an empty table
            "c0",                   // index out of range
            "0a 8f",                // string length past the end
            "00 81 ff",             // Huffman: padding of 8 bits
            "00 84 ff ff ff ff",    // Huffman: EOS decoded
            "00 81 00",             // Huffman: padding not all ones ('0' = 00000 then 000)
        }) {
            Http2Exception e = assertThrows(Http2Exception.class,
                    () -> new HpackDecoder(4096, 16384).decode(hex(bad), (n, v) -> { }), bad);
            assertEquals(Http2Error.COMPRESSION_ERROR, e.error(), bad);
        }
    }

    @Test
    void sizeUpdateToZeroEmptiesTheTable() throws Exception {
        HpackDecoder d = new HpackDecoder(4096, 16384);
        decode(d, "400a 6375 7374 6f6d 2d6b 6579 0d63 7573 746f 6d2d 6865 6164 6572");
        assertEquals(1, d.tableLength());
        decode(d, "20");
        assertEquals(0, d.tableLength());
    }
}
