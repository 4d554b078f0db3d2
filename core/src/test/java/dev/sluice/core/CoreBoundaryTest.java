package dev.sluice.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The design's seam: core knows nothing of sockets or servlets (design.md, issue 3 "Done when"). */
class CoreBoundaryTest {

    @Test
    void coreImportsNeitherChannelsNorServlets() throws IOException {
        Path sources = Path.of("src/main/java/dev/sluice/core");
        assertTrue(Files.isDirectory(sources), "run from the core module: " + sources.toAbsolutePath());
        List<String> offenders;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
        assertTrue(files.size() > 10, "found " + files.size() + " sources");
        offenders = files.stream().filter(CoreBoundaryTest::mentionsForbidden)
                .map(p -> p.getFileName().toString()).collect(Collectors.toList());
        assertEquals(List.of(), offenders);
    }

    private static boolean mentionsForbidden(Path file) {
        try {
            String text = Files.readString(file);
            return text.contains("java.nio.channels") || text.contains("jakarta.servlet")
                    || text.contains("javax.servlet");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
