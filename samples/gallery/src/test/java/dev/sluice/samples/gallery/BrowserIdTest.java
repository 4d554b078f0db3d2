package dev.sluice.samples.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

class BrowserIdTest {
    private static final String GOOD = "0123456789abcdef0123456789abcdef";

    @Test
    void generatedIdsAreWellFormedAndDistinct() {
        String a = BrowserId.generate();
        String b = BrowserId.generate();
        assertTrue(BrowserId.isWellFormed(a), a);
        assertTrue(BrowserId.isWellFormed(b), b);
        assertNotEquals(a, b);
    }

    @Test
    void findsTheGalleryCookieAmongOthers() {
        Cookie[] cookies = {new Cookie("JSESSIONID", "x"), new Cookie(BrowserId.COOKIE, GOOD)};
        assertEquals(GOOD, BrowserId.from(cookies));
    }

    @Test
    void ignoresMissingAndMalformedValues() {
        assertNull(BrowserId.from(null));
        assertNull(BrowserId.from(new Cookie[0]));
        assertNull(BrowserId.from(new Cookie[] {new Cookie(BrowserId.COOKIE, "not-hex")}));
        assertFalse(BrowserId.isWellFormed(GOOD.toUpperCase()));
        assertFalse(BrowserId.isWellFormed(GOOD + "0"));
        assertFalse(BrowserId.isWellFormed(null));
    }
}
