package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ByteRangesTest {

    /**
     * RFC 9110 sections 14.1.2 (byte ranges), 14.1.3 (satisfiable), 14.2 (an invalid Range is ignored) and 15.5.17
     * (416). Columns: Range value ("null" absent), representation length, status, resolved ranges as
     * {@code first-last} separated by spaces, Content-Range ("null" when none).
     */
    @ParameterizedTest(name = "RFC 9110 14: Range [{0}] of {1} bytes -> {2} [{3}] {4}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null|100|200|''|null",
            // single ranges
            "bytes=0-9|100|206|0-9|bytes 0-9/100",
            "bytes=0-0|100|206|0-0|bytes 0-0/100",
            "bytes=99-99|100|206|99-99|bytes 99-99/100",
            "bytes=90-|100|206|90-99|bytes 90-99/100",
            "bytes=0-|100|206|0-99|bytes 0-99/100",
            "bytes=50-1000|100|206|50-99|bytes 50-99/100",
            "bytes=50-99999999999999999999999|100|206|50-99|bytes 50-99/100",
            // suffix ranges
            "bytes=-10|100|206|90-99|bytes 90-99/100",
            "bytes=-100|100|206|0-99|bytes 0-99/100",
            "bytes=-500|100|206|0-99|bytes 0-99/100",
            "bytes=-1|1|206|0-0|bytes 0-0/1",
            // multiple ranges: kept in order, not coalesced
            "bytes=0-9,20-29|100|206|0-9 20-29|null",
            "bytes=0-9, 5-14 ,-3|100|206|0-9 5-14 97-99|null",
            "bytes=20-29,0-9|100|206|20-29 0-9|null",
            "bytes=0-9,,20-29|100|206|0-9 20-29|null",
            // unsatisfiable members are dropped; none left is 416 (15.5.17)
            "bytes=0-9,200-300|100|206|0-9|bytes 0-9/100",
            "bytes=100-|100|416|''|bytes */100",
            "bytes=100-200|100|416|''|bytes */100",
            "bytes=100-200,300-|100|416|''|bytes */100",
            "bytes=-0|100|416|''|bytes */100",
            "bytes=0-|0|416|''|bytes */0",
            "bytes=-5|0|416|''|bytes */0",
            "bytes=99999999999999999999999-|100|416|''|bytes */100",
            // the unit is case-insensitive (14.1)
            "Bytes=0-1|100|206|0-1|bytes 0-1/100",
            "BYTES=0-1|100|206|0-1|bytes 0-1/100",
            // invalid or foreign: ignored, the whole representation is sent (14.2)
            "items=0-1|100|200|''|null",
            "bytes 0-1|100|200|''|null",
            "bytes=|100|200|''|null",
            "bytes=,|100|200|''|null",
            "bytes=5|100|200|''|null",
            "bytes=-|100|200|''|null",
            "bytes=9-5|100|200|''|null",
            "bytes=0-9,9-5|100|200|''|null",
            "bytes=a-b|100|200|''|null",
            "bytes=1-2-3|100|200|''|null",
            "bytes=0x1-2|100|200|''|null",
            "bytes=+1-2|100|200|''|null",
            "bytes=1 - 2|100|200|''|null",
            "bytes=--1|100|200|''|null",
            "bytes=\u0001 0-9|100|200|''|null",
            "bytes=0-9,\u0001,1-2|100|200|''|null",
            "''|100|200|''|null",
    })
    void parse(String range, long length, int status, String ranges, String contentRange) {
        ByteRanges r = ByteRanges.parse(range, length);
        assertEquals(status, r.status().code());
        assertEquals(ranges, r.ranges().stream().map(b -> b.first() + "-" + b.last())
                .collect(Collectors.joining(" ")));
        assertEquals(contentRange, r.contentRange());
        assertEquals(r.ranges().size() > 1, r.isMultipart());
    }

    @Test
    void tooManyRangesAreIgnored() { // RFC 9110 section 14.2: a server may ignore a Range it deems abusive
        String three = "bytes=0-0,2-2,4-4";
        assertEquals(206, ByteRanges.parse(three, 10, 3).status().code());
        assertEquals(200, ByteRanges.parse(three, 10, 2).status().code());
        String many = "bytes=" + "0-0,".repeat(ByteRanges.DEFAULT_MAX_RANGES) + "1-1";
        assertEquals(200, ByteRanges.parse(many, 10).status().code());
    }

    @Test
    void multipartBodyPieces() { // RFC 9110 section 14.6
        ByteRanges r = ByteRanges.parse("bytes=0-1,5-", 8);
        List<ByteRange> ranges = r.ranges();
        String part1 = r.partHead("SEP", "text/plain", ranges.get(0));
        String part2 = r.partHead("SEP", null, ranges.get(1));
        assertEquals("\r\n--SEP\r\nContent-Type: text/plain\r\nContent-Range: bytes 0-1/8\r\n\r\n", part1);
        assertEquals("\r\n--SEP\r\nContent-Range: bytes 5-7/8\r\n\r\n", part2);
        assertEquals("\r\n--SEP--\r\n", ByteRanges.closingDelimiter("SEP"));
        // the whole body: heads, the bytes of each range, the closing delimiter
        String body = r.partHead("SEP", "text/plain", ranges.get(0)) + "ab"
                + r.partHead("SEP", "text/plain", ranges.get(1)) + "fgh" + ByteRanges.closingDelimiter("SEP");
        assertEquals(body.getBytes(StandardCharsets.ISO_8859_1).length, r.multipartLength("SEP", "text/plain"));
    }

    @Test
    void byteRange() {
        ByteRange r = new ByteRange(10, 19);
        assertEquals(10, r.length());
        assertEquals("bytes 10-19/20", r.contentRange(20));
        assertThrows(IllegalArgumentException.class, () -> new ByteRange(5, 4));
        assertThrows(IllegalArgumentException.class, () -> new ByteRange(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> ByteRanges.parse("bytes=0-1", -1));
        assertNull(ByteRanges.parse(null, 5).contentRange());
    }
}
