package dev.sluice.distribution.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebappCountersTest {
    @Test
    void longestContextPathWins() {
        WebappCounters counters = new WebappCounters(() -> List.of("", "/shop", "/shop/admin"));
        for (String path : List.of("/", "/index.html", "/shop", "/shop/", "/shop/cart", "/shopping",
                "/shop/admin/users")) {
            counters.count(path);
        }
        assertEquals(Map.of("/", 3L, "/shop", 3L, "/shop/admin", 1L), counters.snapshot());
    }

    @Test
    void withoutRootUnmatchedPathsAreNotCounted() {
        WebappCounters counters = new WebappCounters(() -> List.of("/hello"));
        counters.count("/favicon.ico");
        counters.count("/hello/");
        assertEquals(Map.of("/hello", 1L), counters.snapshot());
    }
}
