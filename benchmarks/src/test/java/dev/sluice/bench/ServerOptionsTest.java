package dev.sluice.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServerOptionsTest {
    @Test
    void defaultsGiveEveryServerTheSamePoolAndLeaveTheRestToTheServer() {
        ServerOptions options = ServerOptions.parse(new String[] {"--port=18181"});
        assertEquals("127.0.0.1", options.host());
        assertEquals(18181, options.port());
        assertEquals(200, options.threads());
        assertFalse(options.boundedQueue());
        assertEquals(-1, options.idleTimeoutMs());
        assertEquals(200, options.slowMs());
    }

    @Test
    void saturationFlags() {
        ServerOptions options = ServerOptions.parse(
                new String[] {"--port=1", "--threads=4", "--queue=4", "--slow-ms=200", "--jetty-header-cache=0"});
        assertEquals(4, options.threads());
        assertTrue(options.boundedQueue());
        assertEquals(4, options.queue());
        assertEquals(0, options.jettyHeaderCache());
    }

    @Test
    void rejectsUnknownMissingAndMalformedFlags() {
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(new String[] {"--port=1", "--treads=4"}));
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(new String[] {"--threads=4"}));
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(new String[] {"--port=1", "-x"}));
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.parse(new String[] {"--port=1", "--threads=0"}));
    }
}
