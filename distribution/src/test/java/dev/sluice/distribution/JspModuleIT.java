package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSP module in the laid-out distribution: with its jars in lib/ the jsp sample renders; a copy of the server
 * whose lib/ lacks them still starts, serves everything else, and answers a page with the clear 500.
 */
class JspModuleIT {
    private static final Path HOME = Paths.get("target/sluice").toAbsolutePath();
    /** The module's jars: sluice-jsp and what Jasper needs (docs/jsp.md lists them). */
    private static final Pattern MODULE_JARS =
            Pattern.compile("(sluice-jsp|tomcat-(jasper|jasper-el|el-api|jsp-api|api|juli|util|util-scan)|ecj)-.*\\.jar");

    @TempDir
    Path dir;

    @Test
    void withTheModuleTheJspSampleRenders() throws Exception {
        Path home = copy(HOME, dir.resolve("with"), false);
        try (Server server = Server.start(home)) {
            HttpResponse<String> page = server.get("/jsp/?rows=2");
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("6 &times; 7 = 42;"), page.body());
            assertTrue(page.body().contains("<tr><td>2&sup2;</td>"), page.body());
            assertTrue(server.log().contains("Container module jsp from dev.sluice.jsp.JspModule"), server.log());
        }
    }

    @Test
    void withoutTheModuleTheServerStartsAndAPageIsAClear500() throws Exception {
        Path home = copy(HOME, dir.resolve("without"), true);
        try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
            assertTrue(lib.noneMatch(p -> p.getFileName().toString().startsWith("tomcat-")), "module jars left");
        }
        try (Server server = Server.start(home)) {
            HttpResponse<String> page = server.get("/jsp/divide.jsp?by=4");
            assertEquals(500, page.statusCode(), page.body());
            assertTrue(page.body().contains("<p>JSP is not supported</p>"), page.body());
            assertFalse(page.body().contains("<%"), page.body());
            assertEquals(200, server.get("/hello/").statusCode());
            assertFalse(server.log().contains("Container module jsp"), server.log());
        }
    }

    private static Path copy(Path from, Path to, boolean withoutModule) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(p -> {
                Path rel = from.relativize(p);
                boolean skip = rel.startsWith("logs") && !Files.isDirectory(p)
                        || withoutModule && rel.startsWith("lib") && MODULE_JARS.matcher(p.getFileName().toString())
                        .matches();
                try {
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to.resolve(rel.toString()));
                    } else if (!skip) {
                        Files.copy(p, to.resolve(rel.toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }

    /** A server started with bin/sluice start on a free loopback port, stopped with bin/sluice stop. */
    private record Server(Path home, String url, long pid) implements AutoCloseable {
        static Server start(Path home) throws Exception {
            String out = sluice(home, "start", "--port", "0", "--host", "127.0.0.1", "--hotDeploy", "false");
            Matcher m = Pattern.compile("^Sluice listening on (http://\\S+) \\(PID (\\d+)\\)$", Pattern.MULTILINE)
                    .matcher(out);
            assertTrue(m.find(), out);
            return new Server(home, m.group(1), Long.parseLong(m.group(2)));
        }

        HttpResponse<String> get(String path) throws Exception {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String log() throws IOException {
            return Files.readString(home.resolve("logs/console.out"));
        }

        @Override
        public void close() throws Exception {
            try {
                sluice(home, "stop");
            } finally {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }

        private static String sluice(Path home, String... args) throws Exception {
            List<String> command = new java.util.ArrayList<>(List.of(home.resolve("bin/sluice").toString()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "bin/sluice " + String.join(" ", args) + " did not return");
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
