package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code bin/sluice start} and {@code stop}: a background server with a PID file, stopped gracefully. */
// Longer than the build's 60 s default: each step waits up to 90 s for bin/sluice to return.
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StartStopIT {
    private static final Path HOME = Paths.get("target/sluice").toAbsolutePath();
    private static final Path PID_FILE = HOME.resolve("logs/sluice.pid");

    @Test
    void startServesInTheBackgroundAndStopWaitsForIt() throws Exception {
        Result start = sluice("start", "--port", "0", "--host", "127.0.0.1", "--hotDeploy", "false");
        long pid = -1;
        try {
            assertEquals(0, start.exit, start.output);
            Matcher m = Pattern.compile("^Sluice listening on (http://\\S+) \\(PID (\\d+)\\)$", Pattern.MULTILINE)
                    .matcher(start.output);
            assertTrue(m.find(), start.output);
            pid = Long.parseLong(m.group(2));
            assertEquals(Long.toString(pid), Files.readString(PID_FILE).trim());
            HttpResponse<String> hello = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(m.group(1) + "/hello/")).timeout(Duration.ofSeconds(10))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, hello.statusCode());

            Result again = sluice("start", "--port", "0");
            assertEquals(1, again.exit);
            assertEquals("sluice: already running with PID " + pid + "\n", again.output);

            Result stop = sluice("stop");
            assertEquals(0, stop.exit, stop.output);
            assertEquals("Sluice stopped (PID " + pid + ")\n", stop.output);
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "still running");
            assertFalse(Files.exists(PID_FILE), "PID file left behind");

            Result notRunning = sluice("stop");
            assertEquals(1, notRunning.exit);
            assertEquals("sluice: not running\n", notRunning.output);
        } finally {
            if (pid > 0) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static Result sluice(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = HOME.resolve("bin/sluice").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "bin/sluice " + String.join(" ", args) + " did not return");
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static final class Result {
        final int exit;
        final String output;

        Result(int exit, String output) {
            this.exit = exit;
            this.output = output;
        }
    }
}
