package dev.sluice.bench.soak;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built distribution run as its own process ({@code bin/sluice run}, which execs the JVM, so the process is
 * the server's JVM), and what the soak reads of it: {@code /proc} figures, heap after a full GC through
 * {@code jcmd}, and {@code /sluice/metrics?format=json}. Stopped by its own PID only.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Sluice listening on http://[^:]+:(\\d+)");

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the distribution on a free loopback port with {@code flags}; returns once it listens. */
    static ServerProcess start(Path distribution, Path webapps, Path log, List<String> flags, String javaOpts)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(distribution.resolve("bin/sluice").toString(), "run",
                "--port", "0", "--host", "127.0.0.1", "--webapps", webapps.toString()));
        command.addAll(flags);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_OPTS", javaOpts);
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
            if (m.find()) {
                return new ServerProcess(process, Integer.parseInt(m.group(1)), log);
            }
            if (!process.isAlive()) {
                throw new IOException("the server exited with " + process.exitValue() + ": "
                        + Files.readString(log, StandardCharsets.ISO_8859_1));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IOException("the server did not report its port within 120 s; see " + log);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    Path log() {
        return log;
    }

    /** Resident set size in KiB ({@code VmRSS}). */
    long rssKib() throws IOException {
        return statusField("VmRSS");
    }

    long threads() throws IOException {
        return statusField("Threads");
    }

    private long statusField(String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.substring(name.length() + 1).trim().split("\\s+")[0]);
            }
        }
        throw new IOException(name + " not in /proc/" + pid() + "/status");
    }

    /** The open file descriptors, each as what it points to (for a diff when they did not go back). */
    List<String> fds() throws IOException {
        List<String> targets = new ArrayList<>();
        try (var dir = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid()), "fd"))) {
            for (Path fd : dir) {
                try {
                    targets.add(Files.readSymbolicLink(fd).toString());
                } catch (IOException gone) {
                    // closed between listing and reading
                }
            }
        }
        return targets;
    }

    /** A full GC, then the heap in use, in KiB: the live set (jcmd GC.run and GC.heap_info in one call). */
    long heapAfterGcKib(Path scratch) throws IOException, InterruptedException {
        Path commands = scratch.resolve("jcmd-commands.txt");
        Files.writeString(commands, "GC.run\nGC.heap_info\n");
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid()), "-f", commands.toString())
                .redirectErrorStream(true).start();
        String out;
        try (InputStream in = jcmd.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        jcmd.waitFor(60, TimeUnit.SECONDS);
        Matcher heap = Pattern.compile("(garbage-first heap|heap)\\s+total \\d+K, used (\\d+)K").matcher(out);
        if (heap.find()) {
            return Long.parseLong(heap.group(2));
        }
        long sum = 0; // Serial and Parallel GC: one line per generation
        Matcher gen = Pattern.compile("(generation|PSYoungGen|ParOldGen)\\s+total \\d+K, used (\\d+)K").matcher(out);
        boolean any = false;
        while (gen.find()) {
            sum += Long.parseLong(gen.group(2));
            any = true;
        }
        return any ? sum : -1;
    }

    /** The figures of /sluice/metrics?format=json that must go back to idle, by name; -1 for one not reported. */
    Map<String, Long> metrics() throws IOException {
        String json;
        try (Socket socket = SoakHttp.connect(port, 0)) {
            socket.getOutputStream().write("GET /sluice/metrics?format=json HTTP/1.1\r\nHost: soak\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
            SoakHttp.Head head = SoakHttp.readHead(in);
            if (head == null || head.status() != 200) {
                throw new IOException("metrics answered " + (head == null ? "nothing" : head.status()));
            }
            json = new String(SoakHttp.content(in, head), StandardCharsets.UTF_8);
        }
        return Map.of("connections_open", number(json, "\"connections\":\\{\"open\":(\\d+)"),
                "workers_busy", number(json, "\"workers\":\\{\"busy\":(\\d+)"),
                "queue_depth", number(json, "\"queue\":\\{\"depth\":(\\d+)"),
                "sessions_active", number(json, "\"sessions_active\":(\\d+)"));
    }

    private static long number(String json, String regex) {
        Matcher m = Pattern.compile(regex).matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** SIGTERM (the graceful stop), then SIGKILL after 60 s; returns the exit status. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Targets in {@code now} beyond those in {@code before} (multiset difference, sorted). */
    static List<String> extra(List<String> before, List<String> now) {
        List<String> left = new ArrayList<>(now);
        before.forEach(left::remove);
        return new ArrayList<>(new TreeSet<>(left));
    }
}
