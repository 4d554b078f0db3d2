package dev.sluice.samples.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ServerFiguresTest {

    @Test
    void readsTheTypesSluiceSets() {
        assertEquals(new ServerFigures(42L, 3), ServerFigures.of(Long.valueOf(42), Integer.valueOf(3)));
    }

    @Test
    void acceptsOtherNumberTypes() {
        assertEquals(new ServerFigures(42L, 3), ServerFigures.of(Integer.valueOf(42), Long.valueOf(3)));
    }

    @Test
    void needsBothAttributes() {
        assertNull(ServerFigures.of(null, null));
        assertNull(ServerFigures.of(42L, null));
        assertNull(ServerFigures.of(null, 3));
        assertNull(ServerFigures.of("42", 3));
    }
}
