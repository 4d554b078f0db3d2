package dev.sluice.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sluice.servlet.MemoryRealm;
import dev.sluice.servlet.RealmFile;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/sluice passwd} as a person runs it (the password on standard input, never on the command line), and
 * the server's realm: the shipped demo users log in to the secure samples, and a user added while the server
 * runs can log in seconds later.
 */
// Longer than the build's 60 s default: starts a server JVM and waits up to 60 s each for the command and the server.
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PasswdIT {
    private static final Path SLUICE = Paths.get("target/sluice/bin/sluice").toAbsolutePath();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;

    /** Runs {@code bin/sluice passwd ...} with {@code input} on stdin; returns exit code and output. */
    private static String[] passwd(String input, String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = SLUICE.toString();
        command[1] = "passwd";
        System.arraycopy(args, 0, command, 2, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(input.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "passwd did not end");
        return new String[] {Integer.toString(p.exitValue()), output};
    }

    @Test
    void addsAndChangesAUserWithoutEchoingThePassword() throws Exception {
        Path realm = dir.resolve("realm.properties");
        String[] added = passwd("Tr0ub4dor&3\n", "carol", "--roles", "staff,manager", "--realm", realm.toString(),
                "--iterations", "1000");
        assertEquals("0", added[0], added[1]);
        assertEquals("Added user carol (roles: staff, manager) in " + realm + "\n", added[1]);
        MemoryRealm loaded = RealmFile.load(realm);
        assertEquals(Set.of("staff", "manager"), loaded.authenticate("carol", "Tr0ub4dor&3").roles());
        assertFalse(Files.readString(realm).contains("Tr0ub4dor"), "only the hash is stored");

        String[] changed = passwd("correct horse\n", "carol", "--realm", realm.toString(), "--iterations", "1000");
        assertEquals("0", changed[0], changed[1]);
        assertEquals("Changed user carol (roles: staff, manager) in " + realm + "\n", changed[1]);
        assertFalse(changed[1].contains("correct horse"));
        loaded = RealmFile.load(realm);
        assertNull(loaded.authenticate("carol", "Tr0ub4dor&3"));
        assertEquals(Set.of("staff", "manager"), loaded.authenticate("carol", "correct horse").roles());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path realm = dir.resolve("realm.properties");
        String[] empty = passwd("\n", "carol", "--realm", realm.toString());
        assertEquals("2", empty[0]);
        assertEquals("sluice: empty password: nothing changed\n", empty[1]);
        assertFalse(Files.exists(realm));

        String[] colon = passwd("pw\n", "ca:rol", "--realm", realm.toString());
        assertEquals("2", colon[0]);
        assertTrue(colon[1].startsWith("sluice: a user name must not contain ':'"), colon[1]);

        Files.writeString(realm, "# users\nalice = plain-text-password, staff\n");
        String[] broken = passwd("pw\n", "carol", "--realm", realm.toString());
        assertEquals("2", broken[0]);
        assertEquals("sluice: cannot read realm file " + realm + ": realm.properties line 2: not a password hash"
                + " of the form pbkdf2-sha256:<iterations>:<salt>:<hash> (make one with 'sluice passwd')\n",
                broken[1]);
    }

    @Test
    void theServerUsesItsRealmAndSeesUsersAddedWhileRunning() throws Exception {
        // The shipped conf/realm.properties with the demo users the secure sample documents.
        Process server = new ProcessBuilder(SLUICE.toString(), "run", "--port", "0", "--host", "127.0.0.1",
                "--hotDeploy", "false").redirectErrorStream(true).start();
        try {
            String base = LauncherIT.awaitReady(server);
            assertEquals(200, get(base + "/secure-basic/whoami", "alice", "wonderland").statusCode());
            assertEquals(401, get(base + "/secure-basic/whoami", "alice", "guess").statusCode());
        } finally {
            stop(server);
        }

        Path realm = dir.resolve("live.properties");
        assertEquals("0", passwd("first\n", "dave", "--roles", "staff", "--realm", realm.toString(),
                "--iterations", "1000")[0]);
        server = new ProcessBuilder(SLUICE.toString(), "run", "--port", "0", "--host", "127.0.0.1",
                "--hotDeploy", "false", "--realm", realm.toString()).redirectErrorStream(true).start();
        try {
            String base = LauncherIT.awaitReady(server);
            HttpResponse<String> dave = get(base + "/secure-basic/whoami", "dave", "first");
            assertEquals(200, dave.statusCode());
            assertEquals("user: dave\nauth type: BASIC\nstaff: true\nmanager: false\n", dave.body());
            assertEquals(401, get(base + "/secure-basic/whoami", "alice", "wonderland").statusCode());

            assertEquals("0", passwd("second\n", "erin", "--roles", "staff", "--realm", realm.toString(),
                    "--iterations", "1000")[0]);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int status = 0;
            while (System.nanoTime() < deadline
                    && (status = get(base + "/secure-basic/whoami", "erin", "second").statusCode()) != 200) {
                Thread.sleep(200); // the server checks the file's time at most every 2 s
            }
            assertEquals(200, status, "a user added while the server runs can log in");
        } finally {
            stop(server);
        }
    }

    private static HttpResponse<String> get(String url, String user, String password)
            throws IOException, InterruptedException {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
    }
}
