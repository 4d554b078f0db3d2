package dev.sluice.maven.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WebappFolderNameTest {
    @Test
    void namesAsTheWebappsFolderDoes() {
        assertEquals("ROOT", WebappFolderName.of("/"));
        assertEquals("ROOT", WebappFolderName.of(""));
        assertEquals("ROOT", WebappFolderName.of(null));
        assertEquals("shop", WebappFolderName.of("/shop"));
        assertEquals("shop#admin", WebappFolderName.of("/shop/admin"));
    }

    @Test
    void refusesPathsNoFolderCanHave() {
        for (String bad : new String[] {"shop", "/shop/", "/a//b", "/../etc", "/a/./b", "/a#b", "/ROOT", "/a\\b"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebappFolderName.of(bad),
                    bad);
            assertEquals(true, e.getMessage().startsWith("contextPath "), e.getMessage());
        }
    }
}
