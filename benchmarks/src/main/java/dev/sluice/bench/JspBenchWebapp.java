package dev.sluice.bench;

import dev.sluice.bench.jsp.SquareTag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The same exploded webapp for both servers, written to a fresh temp dir: src/main/jsp (page.jsp with EL, JSTL
 * c:forEach over 20 items and the custom tag; its TLD), SquareTag's class, and JSTL (target/jsp-lib, copied there
 * by the pom) in WEB-INF/lib, as a webapp brings it on Tomcat.
 */
final class JspBenchWebapp {
    private JspBenchWebapp() {
    }

    /** Flags the JSP mains take besides {@link dev.sluice.bench.ServerOptions}': --dev=true|false. */
    static boolean development(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--dev=")) {
                return Boolean.parseBoolean(arg.substring("--dev=".length()));
            }
        }
        return false;
    }

    static String[] withoutDev(String[] args) {
        return Stream.of(args).filter(a -> !a.startsWith("--dev=")).toArray(String[]::new);
    }

    static Path create(String name) throws IOException {
        Path bench = Path.of(System.getProperty("bench.dir", "benchmarks"));
        Path app = TempDirs.create("bench-" + name).resolve("jsp");
        copyTree(bench.resolve("src/main/jsp"), app);
        copyTree(bench.resolve("target/jsp-lib"), app.resolve("WEB-INF/lib"));
        Path classes = Files.createDirectories(app.resolve("WEB-INF/classes/dev/sluice/bench/jsp"));
        try (InputStream tag = SquareTag.class.getResourceAsStream("SquareTag.class")) {
            Files.copy(tag, classes.resolve("SquareTag.class"));
        }
        return app;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            throw new IOException(from.toAbsolutePath() + " is missing: run from the repository root after"
                    + " mvn -Pbenchmarks -pl benchmarks -am package");
        }
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(p -> {
                try {
                    Path dest = to.resolve(from.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(dest);
                    } else {
                        Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
