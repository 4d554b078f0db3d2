package dev.sluice.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.core.Limits;
import java.time.Duration;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** The goals' limit parameters mean what the same names mean in conf/sluice.properties. */
class LimitParametersTest {
    private final StartMojo mojo = new StartMojo();

    @Test
    void unsetParametersKeepTheDefaults() throws Exception {
        Limits limits = mojo.limits();
        assertEquals(Limits.DEFAULTS.maxThreads(), limits.maxThreads());
        assertEquals(Limits.DEFAULTS.acceptQueue(), limits.acceptQueue());
    }

    @Test
    void namedParametersAndTheLimitsMap() throws Exception {
        mojo.maxThreads = "4";
        mojo.acceptQueue = " 16 ";
        mojo.queueTimeout = "5s";
        mojo.maxConnections = "100";
        mojo.limits = Map.of("keepAliveTimeout", "3s", "maxHeaderCount", "50");
        Limits limits = mojo.limits();
        assertEquals(4, limits.maxThreads());
        assertEquals(16, limits.acceptQueue());
        assertEquals(100, limits.maxConnections());
        assertEquals(Duration.ofSeconds(5), limits.queueTimeout());
        assertEquals(Duration.ofSeconds(3), limits.keepAliveTimeout());
        assertEquals(50, limits.maxHeaderCount());
    }

    @Test
    void aNamedParameterWinsOverTheMap() throws Exception {
        mojo.limits = Map.of("maxThreads", "9");
        mojo.maxThreads = "3";
        assertEquals(3, mojo.limits().maxThreads());
    }

    @Test
    void aMisspeltLimitIsNamed() {
        mojo.limits = Map.of("maxThread", "9");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::limits);
        assertTrue(e.getMessage().startsWith("Unknown limit maxThread; known: "), e.getMessage());
        assertTrue(e.getMessage().contains("maxThreads"), e.getMessage());
    }

    @Test
    void aBadValueNamesItsLimit() {
        mojo.acceptQueue = "lots";
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::limits);
        assertTrue(e.getMessage().startsWith("Bad limit: ") && e.getMessage().contains("acceptQueue"),
                e.getMessage());
    }
}
