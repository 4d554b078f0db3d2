package dev.sluice.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.sluice.connector.TlsConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TlsOptionsTest {
    @Test
    void peersGetSluicesDefaultProtocolsAndSuitesInTheSameOrder() {
        assertEquals(TlsConfig.DEFAULT_PROTOCOLS, TlsOptions.PROTOCOLS);
        assertEquals(TlsConfig.DEFAULT_CIPHER_SUITES, TlsOptions.CIPHER_SUITES);
    }

    @Test
    void tlsFlagsAreTakenOutBeforeTheServerOptionsAreRead() {
        TlsOptions tls = TlsOptions.parse(new String[] {"--port=1", "--keystore=/k.p12", "--threads=4",
            "--keystore-password=pw"});
        assertEquals(Path.of("/k.p12"), tls.keyStore());
        assertEquals("pw", tls.password());
        assertArrayEquals(new String[] {"--port=1", "--threads=4"}, tls.rest());
        assertEquals(4, ServerOptions.parse(tls.rest()).threads());
        assertThrows(IllegalArgumentException.class, () -> TlsOptions.parse(new String[] {"--port=1"}));
    }
}
