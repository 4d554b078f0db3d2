package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityTagTest {

    /** The comparison table of RFC 9110 section 8.8.3.2, both directions. */
    @ParameterizedTest(name = "RFC 9110 8.8.3.2: {0} vs {1}: strong={2} weak={3}")
    @CsvSource(delimiter = '|', quoteCharacter = '\u0000', value = {
            "W/\"1\"|W/\"1\"|false|true",
            "W/\"1\"|W/\"2\"|false|false",
            "W/\"1\"|\"1\"|false|true",
            "\"1\"|\"1\"|true|true",
            "\"1\"|\"2\"|false|false",
            "\"\"|\"\"|true|true",
    })
    void comparison(String a, String b, boolean strong, boolean weak) {
        EntityTag x = EntityTag.parse(a);
        EntityTag y = EntityTag.parse(b);
        assertEquals(strong, x.strongMatch(y));
        assertEquals(strong, y.strongMatch(x));
        assertEquals(weak, x.weakMatch(y));
        assertEquals(weak, y.weakMatch(x));
        assertEquals(a, x.toString());
    }

    /** RFC 9110 section 8.8.3 grammar; expected "null" when malformed. */
    @ParameterizedTest(name = "RFC 9110 8.8.3: parse [{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\u0000', value = {
            "\"xyzzy\"|\"xyzzy\"",
            " W/\"xyzzy\" |W/\"xyzzy\"",
            "\"a,b\"|\"a,b\"",
            "\"caf\u00e9\"|\"caf\u00e9\"",
            "xyzzy|null",
            "w/\"xyzzy\"|null",
            "W/xyzzy|null",
            "\"xyz|null",
            "\"x\"y\"|null",
            "\"x y\"|null",
            "\"x\" \"y\"|null",
            "*|null",
    })
    void parse(String value, String expected) {
        EntityTag tag = EntityTag.parse(value);
        assertEquals(expected, tag == null ? "null" : tag.toString());
    }

    /** RFC 9110 sections 13.1.1/13.1.2 lists (5.6.1: empty elements allowed); "null" when malformed. */
    @ParameterizedTest(name = "RFC 9110 13.1.1: list [{0}] -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\u0000', value = {
            "\"a\"|\"a\"",
            "\"a\", W/\"b\",\"c\"|\"a\" W/\"b\" \"c\"",
            "\"a,b\", \"c\"|\"a,b\" \"c\"",
            " , \"a\" ,, |\"a\"",
            "\"a\" \"b\"|null",
            "\"a\", b|null",
            "\"a|null",
    })
    void parseList(String value, String expected) {
        List<EntityTag> tags = EntityTag.parseList(value);
        String actual = tags == null ? "null" : String.join(" ", tags.stream().map(EntityTag::toString).toList());
        assertEquals(expected, actual);
    }

    @Test
    void factoriesAndAny() {
        assertEquals("\"abc\"", EntityTag.strong("abc").toString());
        assertEquals("W/\"abc\"", EntityTag.weak("abc").toString());
        assertEquals(EntityTag.strong("abc"), EntityTag.parse("\"abc\""));
        assertEquals(EntityTag.weak("abc").hashCode(), EntityTag.parse("W/\"abc\"").hashCode());
        assertEquals(true, EntityTag.weak("abc").isWeak());
        assertEquals("abc", EntityTag.weak("abc").opaque());
        assertThrows(IllegalArgumentException.class, () -> EntityTag.strong("a\"b"));
        assertThrows(IllegalArgumentException.class, () -> EntityTag.strong("a b"));
        assertEquals(true, EntityTag.isAny(" * "));
        assertEquals(false, EntityTag.isAny("\"*\""));
        assertNull(EntityTag.parseList(null));
        assertNull(EntityTag.parse(null));
    }
}
