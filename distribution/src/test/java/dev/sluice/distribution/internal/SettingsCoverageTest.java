package dev.sluice.distribution.internal;

import dev.sluice.core.Limits;
import dev.sluice.servlet.ServletContainer;
import dev.sluice.servlet.internal.http.LocaleEncodings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every limit has a flag, and conf/sluice.properties shows every setting with its default. */
class SettingsCoverageTest {
    @Test
    void everyLimitHasAFlag() {
        Set<String> flags = LimitFlags.ALL.stream().map(f -> f.key).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Limits.propertyKeys()), flags);
    }

    @Test
    void configFileListsEveryLimitWithItsDefault() throws IOException {
        Properties file = new Properties();
        try (Reader r = Files.newBufferedReader(Paths.get("src/main/dist/conf/sluice.properties"))) {
            file.load(r);
        }
        for (String key : Limits.propertyKeys()) {
            assertEquals(true, file.containsKey(key), "conf/sluice.properties lacks " + key);
        }
        Limits fromFile = Limits.fromProperties(file, Limits.DEFAULTS);
        for (LimitFlags.Flag flag : LimitFlags.ALL) {
            assertEquals(String.valueOf(flag.current.apply(Limits.DEFAULTS)),
                    String.valueOf(flag.current.apply(fromFile)), "the file's " + flag.key + " is not the default");
        }
    }

    @Test
    void everyContainerSettingHasAFlag() {
        Set<String> flags = ContainerFlags.ALL.stream().map(ContainerFlags.Flag::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(ServletContainer.Builder.settingKeys()), flags);
    }

    @Test
    void configFileListsEveryContainerSettingWithItsDefault() throws IOException {
        Properties file = new Properties();
        try (Reader r = Files.newBufferedReader(Paths.get("src/main/dist/conf/sluice.properties"))) {
            file.load(r);
        }
        for (ContainerFlags.Flag flag : ContainerFlags.ALL) {
            String value = file.getProperty(flag.key());
            assertNotNull(value, "conf/sluice.properties lacks " + flag.key());
            if (flag.key().equals("localeEncodings")) {
                assertEquals(LocaleEncodings.DEFAULTS, LocaleEncodings.parse(value));
            } else {
                assertTrue(flag.description().endsWith("(default: " + value + ")"),
                        flag.key() + "=" + value + " is not the default its flag states: " + flag.description());
            }
        }
        assertEquals(Map.of("crossContext", "false", "allowedTrailers", "*"),
                ContainerFlags.from(file).entrySet().stream()
                        .filter(e -> e.getKey().equals("crossContext") || e.getKey().equals("allowedTrailers"))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Test
    void configFileListsEveryTlsSettingWithItsDefault() throws IOException {
        Properties file = new Properties();
        try (Reader r = Files.newBufferedReader(Paths.get("src/main/dist/conf/sluice.properties"))) {
            file.load(r);
        }
        for (FileSetting setting : TlsSettings.ALL) {
            assertEquals(setting.defaultValue(), file.getProperty(setting.key()),
                    "conf/sluice.properties lacks " + setting.key() + " or shows another default");
        }
    }

    @Test
    void aBadContainerSettingStopsTheStartWithItsName() {
        Properties p = new Properties();
        p.setProperty("crossContext", "maybe");
        StartupException e = assertThrows(StartupException.class, () -> ContainerFlags.from(p));
        assertEquals("Invalid value for crossContext: 'maybe' (true or false)", e.getMessage());
    }

    @Test
    void theJspModulesSettingsAreTakenWhenItsJarsAreOnTheClassPath() {
        Properties p = new Properties();
        p.setProperty("jspDevelopment", "false");
        p.setProperty("jspPrecompile", "true");
        assertEquals(Map.of("jspDevelopment", "false", "jspPrecompile", "true"), ContainerFlags.from(p));
        p.setProperty("jspPrecompile", "maybe");
        StartupException e = assertThrows(StartupException.class, () -> ContainerFlags.from(p));
        assertEquals("Invalid value for jspPrecompile: 'maybe' (true or false)", e.getMessage());
    }
}
