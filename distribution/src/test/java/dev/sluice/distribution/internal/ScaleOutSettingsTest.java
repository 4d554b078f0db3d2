package dev.sluice.distribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScaleOutSettingsTest {
    @Test
    void defaultsTrustNobodyAndStopAtOnce() {
        ScaleOutSettings s = ScaleOutSettings.from(new Properties());
        assertTrue(s.trustedProxies().isEmpty());
        assertFalse(s.proxyProtocol());
        assertEquals(Duration.ZERO, s.drainDelay());
        assertEquals(0.8, s.readyQueueFraction());
    }

    @Test
    void readsEveryKey() throws Exception {
        Properties p = new Properties();
        p.setProperty("trustedProxies", "10.0.0.0/8, ::1");
        p.setProperty("proxyProtocol", "true");
        p.setProperty("drainDelay", "15s");
        p.setProperty("readyQueueFraction", "0.5");
        ScaleOutSettings s = ScaleOutSettings.from(p);
        assertTrue(s.trustedProxies().contains(InetAddress.getByName("10.9.8.7")));
        assertTrue(s.trustedProxies().contains(InetAddress.getByName("::1")));
        assertTrue(s.proxyProtocol());
        assertEquals(Duration.ofSeconds(15), s.drainDelay());
        assertEquals(0.5, s.readyQueueFraction());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "trustedProxies|proxy.example|Invalid value for trustedProxies: Invalid trusted proxy 'proxy.example'"
                    + " (an IPv4 or IPv6 address with an optional /prefix)",
            "proxyProtocol|maybe|Invalid value for proxyProtocol: 'maybe' (true or false)",
            "drainDelay|soon|Invalid value for drainDelay: 'soon' (a duration such as 10s)",
            "drainDelay|-5s|Invalid value for drainDelay: '-5s' (a duration such as 10s)",
            "readyQueueFraction|0|Invalid value for readyQueueFraction: '0' (more than 0, at most 1)",
            "readyQueueFraction|1.5|Invalid value for readyQueueFraction: '1.5' (more than 0, at most 1)",
            "readyQueueFraction|half|Invalid value for readyQueueFraction: 'half' (more than 0, at most 1)",
    })
    void aBadValueStopsTheStartWithItsName(String key, String value, String message) {
        Properties p = new Properties();
        p.setProperty(key, value);
        assertEquals(message, assertThrows(StartupException.class, () -> ScaleOutSettings.from(p)).getMessage());
    }

    @Test
    void configFileListsEverySettingWithItsDefault() throws IOException {
        Properties file = new Properties();
        try (Reader r = Files.newBufferedReader(Paths.get("src/main/dist/conf/sluice.properties"))) {
            file.load(r);
        }
        for (FileSetting s : ScaleOutSettings.ALL) {
            assertEquals(s.defaultValue(), file.getProperty(s.key()), "conf/sluice.properties: " + s.key());
        }
    }
}
