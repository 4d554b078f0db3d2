package dev.sluice.distribution.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Exit codes and messages of the command line, without starting a server. */
class SluiceCommandTest {

    @Test
    void badLimitValueIsOneLineAndExitTwo() {
        Result r = run(() -> SluiceCommand.execute("run", "--maxThreads", "many"));
        assertEquals(2, r.exit);
        assertEquals("sluice: Invalid value for maxThreads: 'many'\n", r.err);
    }

    @Test
    void unknownFlagIsOneLineAndExitTwo() {
        Result r = run(() -> SluiceCommand.execute("run", "--colour", "blue"));
        assertEquals(2, r.exit);
        assertEquals(1, r.err.lines().count(), r.err);
        assertTrue(r.err.startsWith("sluice: Unknown option"), r.err);
    }

    @Test
    void helpListsEveryLimitWithItsDefault() {
        Result r = run(() -> SluiceCommand.execute("run", "--help"));
        assertEquals(0, r.exit);
        for (LimitFlags.Flag flag : LimitFlags.ALL) {
            assertTrue(r.out.contains("--" + flag.key), "help lacks --" + flag.key);
        }
        assertTrue(r.out.contains("(default: 200)"), r.out);
        assertTrue(r.out.contains("(default: 20s)"), r.out);
    }

    @Test
    void topLevelHelpListsEveryCommandOnOneLineEach() {
        Result r = run(() -> SluiceCommand.execute("--help"));
        assertEquals(0, r.exit);
        String commands = r.out.substring(r.out.indexOf("Commands:"));
        List<String> listed = commands.lines().skip(1).map(l -> l.trim().split(" +")[0]).toList();
        assertEquals(List.of("run", "start", "stop", "deploy", "passwd", "cert", "version", "lab"), listed, r.out);
        assertTrue(commands.lines().skip(1).allMatch(l -> l.matches("  [a-z]+ +\\S.*")), "one line each: " + r.out);
    }

    @Test
    void startAndStopRunFromTheJvmPointToTheScript() {
        Result r = run(() -> SluiceCommand.execute("start"));
        assertEquals(2, r.exit);
        assertEquals("sluice: 'start' runs from bin/sluice (it manages the background process): bin/sluice start\n",
                r.err);
    }

    private static Result run(Supplier<Integer> command) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int exit = command.get();
            return new Result(exit, outBytes.toString(StandardCharsets.UTF_8),
                    errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static final class Result {
        final int exit;
        final String out;
        final String err;

        Result(int exit, String out, String err) {
            this.exit = exit;
            this.out = out;
            this.err = err;
        }
    }
}
