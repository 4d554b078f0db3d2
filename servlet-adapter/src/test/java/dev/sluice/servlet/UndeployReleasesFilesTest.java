package dev.sluice.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** After undeploy no file of the webapp stays open: its class loader closed its jars (Linux /proc). */
class UndeployReleasesFilesTest {
    @TempDir
    Path dir;

    static List<String> openFilesUnder(Path root) throws IOException {
        List<String> open = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    Path target = Files.readSymbolicLink(fd);
                    if (target.startsWith(root)) {
                        open.add(target.toString());
                    }
                } catch (IOException gone) {
                    // The descriptor closed while listing.
                }
            }
        }
        return open;
    }

    @Test
    void springWebappLeavesNoJarOpen() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs /proc");
        Path root = dir.toRealPath().resolve("spring");
        Webapp app = SpringMvcTest.build(root);
        try (ServletContainer container = ServletContainer.builder().workDir(dir.resolve("work")).build()) {
            container.deploy(app.path());
            assertEquals("Hello, world", new Http(container).get("/spring/hello").text());
            container.undeploy("/spring");
            assertEquals(List.of(), openFilesUnder(root));
        }
    }
}
