package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LimitsTest {

    static Properties props(String key, String value) {
        Properties p = new Properties();
        p.setProperty(key, value);
        return p;
    }

    /** The defaults of the limits table in design.md, in one place. */
    @Test
    void defaultsMatchTheDesignTable() {
        Limits d = Limits.DEFAULTS;
        assertEquals(200, d.maxThreads());
        assertEquals(1000, d.acceptQueue());
        assertEquals(10_000, d.maxConnections());
        assertEquals(511, d.backlog());
        assertEquals(Duration.ofSeconds(20), d.keepAliveTimeout());
        assertEquals(1000, d.maxKeepAliveRequests());
        assertEquals(Duration.ofSeconds(20), d.headerTimeout());
        assertEquals(240, d.minBodyRate());
        assertEquals(Duration.ZERO, d.queueTimeout());
        assertEquals(8 * 1024, d.maxRequestLine());
        assertEquals(16 * 1024, d.maxHeaderBytes());
        assertEquals(100, d.maxHeaderCount());
        assertEquals(64L * 1024 * 1024, d.maxBodyBytes());
        assertEquals(0, d.maxConcurrentRequests());
        assertEquals(100, d.maxConcurrentStreams());
        assertEquals(Limits.ConnectionPolicy.REJECT, d.connectionPolicy());
        assertEquals(d.toString(), d.toBuilder().build().toString());
    }

    /**
     * Each key parsed from properties; the value read back through its accessor. Durations take ms, s, m, h
     * (bare numbers are seconds); sizes take KiB, MiB, GiB (and KB, MB, GB, K, M, G, B as powers of 1024).
     */
    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "maxThreads|8|8",
            "maxThreads| 16 |16",
            "acceptQueue|0|0",
            "maxConnections|20000|20000",
            "connectionPolicy|backlog|BACKLOG",
            "connectionPolicy|REJECT|REJECT",
            "backlog|128|128",
            "keepAliveTimeout|20s|PT20S",
            "keepAliveTimeout|500ms|PT0.5S",
            "keepAliveTimeout|2m|PT2M",
            "keepAliveTimeout|1h|PT1H",
            "keepAliveTimeout|15|PT15S",
            "keepAliveTimeout|20 s|PT20S",
            "keepAliveTimeout|20S|PT20S",
            "maxKeepAliveRequests|1|1",
            "headerTimeout|250ms|PT0.25S",
            "minBodyRate|0|0",
            "minBodyRate|1KiB|1024",
            "queueTimeout|off|PT0S",
            "queueTimeout|2s|PT2S",
            "writeTimeout|1m|PT1M",
            "drainTimeout|0s|PT0S",
            "retryAfter|7|7",
            "retryAfter|2m|120",
            "maxRequestLine|4KiB|4096",
            "maxHeaderBytes|64KiB|65536",
            "maxHeaderBytes|64 KiB|65536",
            "maxHeaderBytes|64kb|65536",
            "maxHeaderCount|50|50",
            "maxBodyBytes|64MiB|67108864",
            "maxBodyBytes|1GiB|1073741824",
            "maxBodyBytes|10G|10737418240",
            "maxBodyBytes|512B|512",
            "maxBodyBytes|512|512",
            "maxDrainBytes|1MiB|1048576",
            "maxConcurrentRequests|off|0",
            "maxConcurrentRequests|40|40",
            "maxHeaderValueBytes|4KiB|4096",
            "maxWriteBacklog|2MiB|2097152",
            "maxConcurrentStreams|250|250",
    })
    void parsesEachKey(String key, String value, String expected) {
        Limits limits = Limits.fromProperties(props(key, value), Limits.DEFAULTS);
        assertEquals(expected, String.valueOf(accessor(key).apply(limits)));
    }

    static Function<Limits, Object> accessor(String key) {
        switch (key) {
            case "maxThreads": return Limits::maxThreads;
            case "acceptQueue": return Limits::acceptQueue;
            case "maxConnections": return Limits::maxConnections;
            case "connectionPolicy": return Limits::connectionPolicy;
            case "backlog": return Limits::backlog;
            case "keepAliveTimeout": return Limits::keepAliveTimeout;
            case "maxKeepAliveRequests": return Limits::maxKeepAliveRequests;
            case "headerTimeout": return Limits::headerTimeout;
            case "minBodyRate": return Limits::minBodyRate;
            case "queueTimeout": return Limits::queueTimeout;
            case "writeTimeout": return Limits::writeTimeout;
            case "drainTimeout": return Limits::drainTimeout;
            case "retryAfter": return Limits::retryAfterSeconds;
            case "maxRequestLine": return Limits::maxRequestLine;
            case "maxHeaderBytes": return Limits::maxHeaderBytes;
            case "maxHeaderCount": return Limits::maxHeaderCount;
            case "maxBodyBytes": return Limits::maxBodyBytes;
            case "maxDrainBytes": return Limits::maxDrainBytes;
            case "maxConcurrentRequests": return Limits::maxConcurrentRequests;
            case "maxHeaderValueBytes": return Limits::maxHeaderValueBytes;
            case "maxWriteBacklog": return Limits::maxWriteBacklog;
            case "maxConcurrentStreams": return Limits::maxConcurrentStreams;
            default: throw new AssertionError("no accessor for " + key);
        }
    }

    @Test
    void everyPropertyKeyHasATestAccessor() {
        assertEquals(22, Limits.propertyKeys().size());
        for (String key : Limits.propertyKeys()) {
            accessor(key);
        }
        assertEquals(List.of("maxThreads", "acceptQueue"), List.copyOf(Limits.propertyKeys()).subList(0, 2));
    }

    /** A bad value, whether unparsable or out of range, is refused with a message naming its key. */
    @ParameterizedTest(name = "{0}=[{1}] refused")
    @CsvSource(delimiter = '|', value = {
            "maxThreads|many",
            "maxThreads|0",
            "maxThreads|-4",
            "maxThreads|1.5",
            "maxThreads|99999999999",
            "acceptQueue|-1",
            "maxConnections|0",
            "connectionPolicy|drop",
            "backlog|0",
            "keepAliveTimeout|0s",
            "keepAliveTimeout|-5s",
            "keepAliveTimeout|20x",
            "keepAliveTimeout|1d",
            "keepAliveTimeout|ms",
            "keepAliveTimeout|''",
            "keepAliveTimeout|1.5s",
            "keepAliveTimeout|off",
            "maxKeepAliveRequests|0",
            "headerTimeout|0ms",
            "minBodyRate|-1",
            "queueTimeout|-1s",
            "writeTimeout|0",
            "drainTimeout|-1s",
            "retryAfter|-1",
            "maxRequestLine|63",
            "maxRequestLine|3GiB",
            "maxHeaderBytes|255",
            "maxHeaderBytes|16TiB",
            "maxHeaderCount|0",
            "maxBodyBytes|-1",
            "maxBodyBytes|64XB",
            "maxBodyBytes|99999999999GiB",
            "maxDrainBytes|-1KiB",
            "maxConcurrentRequests|-1",
            "maxConcurrentStreams|0",
    })
    void badValueNamesItsKey(String key, String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Limits.fromProperties(props(key, value), Limits.DEFAULTS));
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    void builderValidatesAndNamesTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Limits.builder().maxThreads(0).build());
        assertEquals("maxThreads must be at least 1, was 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Limits.builder().keepAliveTimeout(null).build());
        assertTrue(e.getMessage().startsWith("keepAliveTimeout"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Limits.builder().connectionPolicy(null).build());
        assertTrue(e.getMessage().startsWith("connectionPolicy"), e.getMessage());
    }

    @Test
    void unknownKeysAreIgnoredAndOthersKeepTheirBase() {
        Properties p = new Properties();
        p.setProperty("port", "8080");
        p.setProperty("maxThreads", "8");
        Limits base = Limits.builder().acceptQueue(5).build();
        Limits limits = Limits.fromProperties(p, base);
        assertEquals(8, limits.maxThreads());
        assertEquals(5, limits.acceptQueue());
        assertEquals(Limits.DEFAULTS.maxConnections(), limits.maxConnections());
    }

    @Test
    void limitsAreImmutableValues() {
        Limits.Builder b = Limits.builder().maxThreads(3);
        Limits first = b.build();
        b.maxThreads(4);
        assertEquals(3, first.maxThreads());
        assertEquals(4, b.build().maxThreads());
        assertEquals(3, first.toBuilder().build().maxThreads());
    }
}
