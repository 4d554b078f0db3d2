package dev.sluice.distribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sluice.core.Limits;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

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

}
