package dev.sluice.distribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSettingsTest {
    @TempDir
    Path home;

    private String savedHome;

    @BeforeEach
    void setHome() throws IOException {
        savedHome = System.getProperty("sluice.home");
        System.setProperty("sluice.home", home.toString());
        Files.createDirectories(home.resolve("webapps"));
        Files.createDirectories(home.resolve("conf"));
    }

    @AfterEach
    void restoreHome() {
        if (savedHome == null) {
            System.clearProperty("sluice.home");
        } else {
            System.setProperty("sluice.home", savedHome);
        }
    }

    @Test
    void defaultsWithoutConfigFile() {
        ServerSettings s = ServerSettings.resolve(null, new Properties());
        assertEquals("0.0.0.0", s.host());
        assertEquals(8080, s.port());
        assertEquals(home.resolve("webapps"), s.webapps());
        assertEquals(200, s.limits().maxThreads());
    }

    @Test
    void flagsWinOverTheConfigFile() throws IOException {
        Files.writeString(home.resolve("conf/sluice.properties"),
                "port=9000\nmaxThreads=16\nacceptQueue=32\nkeepAliveTimeout=5s\n");
        Properties flags = new Properties();
        flags.setProperty("maxThreads", "8");
        ServerSettings s = ServerSettings.resolve(null, flags);
        assertEquals(9000, s.port());
        assertEquals(8, s.limits().maxThreads());
        assertEquals(32, s.limits().acceptQueue());
        assertEquals(Duration.ofSeconds(5), s.limits().keepAliveTimeout());
    }

    @Test
    void eachWebappMayHaveItsOwnMaxConcurrentRequests() throws IOException {
        Files.writeString(home.resolve("conf/sluice.properties"), "maxConcurrentRequests=100\n"
                + "webapp.guestbook.maxConcurrentRequests=5\n"
                + "webapp.ROOT.maxConcurrentRequests = off\n"
                + "webapp.shop#admin.maxConcurrentRequests=2\n");
        ServerSettings s = ServerSettings.resolve(null, new Properties());
        assertEquals(100, s.limits().maxConcurrentRequests());
        assertEquals(java.util.Map.of("/guestbook", 5, "", 0, "/shop/admin", 2), s.webappMaxConcurrentRequests());
        Files.writeString(home.resolve("conf/sluice.properties"), "maxConcurrentRequests=100\n");
        assertEquals(java.util.Map.of(), ServerSettings.resolve(null, new Properties()).webappMaxConcurrentRequests());
    }

    @Test
    void aBadPerWebappLimitStopsTheStartWithItsKey() throws IOException {
        Files.writeString(home.resolve("conf/sluice.properties"), "webapp.guestbook.maxConcurrentRequests=-1\n");
        StartupException e = assertThrows(StartupException.class, () -> ServerSettings.resolve(null, new Properties()));
        assertEquals("Invalid value for webapp.guestbook.maxConcurrentRequests: '-1' (a count, 0 or off)",
                e.getMessage());
        Files.writeString(home.resolve("conf/sluice.properties"), "webapp.guestbook.maxThreads=4\n");
        e = assertThrows(StartupException.class, () -> ServerSettings.resolve(null, new Properties()));
        assertEquals("Unknown setting webapp.guestbook.maxThreads (per webapp: webapp.<name>.maxConcurrentRequests)",
                e.getMessage());
    }

    @Test
    void badValueNamesItsKey() {
        Properties flags = new Properties();
        flags.setProperty("acceptQueue", "lots");
        StartupException e = assertThrows(StartupException.class, () -> ServerSettings.resolve(null, flags));
        assertEquals("Invalid value for acceptQueue: 'lots'", e.getMessage());
    }

    @Test
    void portOutOfRangeIsRefused() {
        Properties flags = new Properties();
        flags.setProperty("port", "70000");
        StartupException e = assertThrows(StartupException.class, () -> ServerSettings.resolve(null, flags));
        assertEquals("Invalid value for port: '70000' (0-65535)", e.getMessage());
    }

    @Test
    void missingWebappsFolderIsRefused() {
        Properties flags = new Properties();
        flags.setProperty("webapps", home.resolve("nope").toString());
        StartupException e = assertThrows(StartupException.class, () -> ServerSettings.resolve(null, flags));
        assertEquals("webapps folder not found: " + home.resolve("nope"), e.getMessage());
    }

    @Test
    void explicitConfigFileMustBeReadable() {
        Path missing = home.resolve("missing.properties");
        StartupException e = assertThrows(StartupException.class,
                () -> ServerSettings.resolve(missing.toString(), new Properties()));
        assertEquals(true, e.getMessage().startsWith("cannot read config file " + missing));
    }
}
