package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentCodingsTest {

    /**
     * RFC 9110 section 12.5.3 (Accept-Encoding), 12.4.2 (qvalues), 8.4.1 (x-gzip). Columns: Accept-Encoding
     * ("null" when absent), codings the server can produce (space-separated, in its preference), chosen coding
     * ("null" when none is acceptable).
     */
    @ParameterizedTest(name = "RFC 9110 12.5.3: Accept-Encoding [{0}] available [{1}] -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "null|gzip br|identity",
            "''|gzip br|identity",
            "gzip|gzip br|gzip",
            "br|gzip br|br",
            "gzip, br|gzip br|gzip",
            "gzip, br|br gzip|br",
            "gzip;q=0.5, br;q=0.8|gzip br|br",
            "gzip;q=1.0, br;Q=0.999|gzip br|gzip",
            "GZIP|gzip|gzip",
            "x-gzip|gzip|gzip",
            "deflate|gzip br|identity",
            "*|gzip br|gzip",
            "*;q=0.1, gzip;q=0|gzip br|br",
            "gzip;q=0|gzip|identity",
            // identity: acceptable unless excluded, last choice when not named
            "gzip;q=0.001|gzip|gzip",
            "identity;q=0.5, gzip;q=0.4|gzip|identity",
            "identity, gzip|gzip|gzip",
            "identity;q=0|gzip|null",
            "identity;q=0, gzip;q=0|gzip|null",
            "*;q=0|gzip|null",
            "*;q=0, identity|gzip|identity",
            "*;q=0, identity;q=0.1|gzip|identity",
            "identity;q=0||null",
            "gzip||identity",
            // invalid qvalues skip their member
            "gzip;q=1.5|gzip|identity",
            "gzip;q=0.1234|gzip|identity",
            "gzip;q=abc|gzip|identity",
            "gzip;q=|gzip|identity",
            "gzip;q=1.001, br|gzip br|br",
            "gzip;level=9|gzip|gzip",
            "gzip, , br;q=0.5|br gzip|gzip",
            "\"gzip\"|gzip|identity",
            ";|gzip|identity",
            "gzip, ;, ;q=1|gzip|gzip",
    })
    void negotiate(String acceptEncoding, String available, String expected) {
        List<String> codings = available == null ? List.of() : List.of(available.split(" "));
        assertEquals(expected, ContentCodings.negotiate(acceptEncoding, codings));
    }

    @Test
    void severalFieldLinesFormOneList() { // RFC 9110 section 5.3
        Headers h = new Headers().add("Accept-Encoding", "gzip;q=0.2").add("accept-encoding", "br;q=0.9");
        assertEquals("br", ContentCodings.negotiate(h, List.of("gzip", "br")));
        assertEquals("identity", ContentCodings.negotiate(new Headers(), List.of("gzip")));
    }

    /** RFC 9110 section 12.4.2 qvalue grammar, in thousandths; -1 invalid. */
    @ParameterizedTest(name = "RFC 9110 12.4.2: q=[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1|1000", "1.|1000", "1.0|1000", "1.000|1000", "0|0", "0.|0", "0.5|500", "0.05|50", "0.001|1",
            "0.999|999", "1.001|-1", "2|-1", "0.0001|-1", ".5|-1", "-0|-1", "''|-1", "0,5|-1", "01|-1",
    })
    void qvalue(String q, int expected) {
        assertEquals(expected, ContentCodings.qvalue(q));
    }

    @Test
    void quality() {
        assertEquals(500, ContentCodings.quality("gzip;q=0.5", "GZIP"));
        assertEquals(0, ContentCodings.quality("gzip;q=0.5", "br"));
        assertEquals(300, ContentCodings.quality("*;q=0.3", "br"));
        assertEquals(1000, ContentCodings.quality(null, "br"));
        assertEquals(true, ContentCodings.quality("gzip", "identity") > 0);
        assertEquals(0, ContentCodings.quality("identity;q=0", "identity"));
    }
}
