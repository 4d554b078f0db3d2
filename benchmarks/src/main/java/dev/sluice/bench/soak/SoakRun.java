package dev.sluice.bench.soak;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One soak: the distribution with a small pool ({@link #MAX_THREADS} workers, {@link #ACCEPT_QUEUE} queue places)
 * under every client of {@link WellFormedClients} and {@link HostileClients} at once for a given time, sampled
 * every few seconds; then the clients stop and the server must go back to idle: no connection but the one asking,
 * no busy worker but the one answering, an empty queue, no session, and file descriptors and threads back to
 * what they were before the load. Nothing here measures speed; {@link SoakReport} says what passed.
 */
final class SoakRun {
    static final int MAX_THREADS = 8;
    static final int ACCEPT_QUEUE = 16;
    /** Server timeouts kept short so the hostile clients are cut often. */
    static final Duration HEADER_TIMEOUT = Duration.ofSeconds(5);
    static final Duration WRITE_TIMEOUT = Duration.ofSeconds(5);
    /** How long the end waits for the server to be idle again: workers idle 60 s before they end. */
    static final Duration IDLE_WAIT = Duration.ofSeconds(150);
    /** Slack for threads the JVM starts and ends on its own (JIT compiler threads), and fds it may open lazily. */
    static final int THREAD_SLACK = 4;
    /**
     * A fixed heap, touched at start: RSS then holds the whole heap from the first sample, so its growth is what
     * the heap cannot show (threads, buffers, native memory); the heap's own live set is sampled after a full GC.
     */
    static final String HEAP_OPTIONS = "-Xms256m -Xmx256m -XX:+AlwaysPreTouch";
    static final int FD_SLACK = 2;

    private final Path distribution;
    private final Path out;
    private final Duration duration;
    private final Duration sampleEvery;
    private final PrintStream log;
    private final SoakTally tally = new SoakTally();
    private final List<SoakSample> samples = new CopyOnWriteArrayList<>();

    SoakRun(Path distribution, Path out, Duration duration, Duration sampleEvery, PrintStream log) {
        this.distribution = distribution;
        this.out = out;
        this.duration = duration;
        this.sampleEvery = sampleEvery;
        this.log = log;
    }

    SoakReport run() throws IOException, InterruptedException {
        Files.createDirectories(out);
        Path webapps = SoakWebapp.write(Files.createTempDirectory(out, "webapps"));
        List<String> flags = List.of("--maxThreads", Integer.toString(MAX_THREADS), "--acceptQueue",
                Integer.toString(ACCEPT_QUEUE), "--headerTimeout", HEADER_TIMEOUT.toSeconds() + "s",
                "--writeTimeout", WRITE_TIMEOUT.toSeconds() + "s", "--keepAliveTimeout", "10s",
                "--hotDeploy", "false", "--accessLog", "off");
        try (ServerProcess server = ServerProcess.start(distribution, webapps, out.resolve("server.log"), flags,
                HEAP_OPTIONS)) {
            log.println("server PID " + server.pid() + " on port " + server.port() + ", flags " + flags);
            warmUp(server.port());
            SoakReport.Idle baseline = waitForIdle(server, null);
            log.println("baseline: " + baseline);
            SoakControl control = new SoakControl();
            List<Thread> clients = startClients(server.port(), control);
            long started = System.nanoTime();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleWithFixedDelay(() -> sample(server, started), 0, sampleEvery.toMillis(),
                    TimeUnit.MILLISECONDS);
            long end = started + duration.toNanos();
            while (System.nanoTime() < end && server.alive()) {
                Thread.sleep(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            }
            control.stop();
            for (Thread t : clients) {
                t.join(120_000);
            }
            sampler.shutdown();
            sampler.awaitTermination(120, TimeUnit.SECONDS);
            sample(server, started); // the last figures under load, or just after it
            boolean clientsEnded = clients.stream().noneMatch(Thread::isAlive);
            SoakReport.Idle after = server.alive() ? waitForIdle(server, baseline) : null;
            log.println("after: " + after);
            writeSamples();
            return new SoakReport(duration, tally, List.copyOf(samples), baseline, after, clientsEnded,
                    server.alive());
        }
    }

    /** One request of each kind, so that classes are loaded and files opened before the baseline. */
    private void warmUp(int port) throws InterruptedException {
        SoakControl once = new SoakControl();
        SoakTally ignored = new SoakTally();
        List<Runnable> firsts = List.of(
                WellFormedClients.getter("warm", port, ignored, once, n -> "/soak/hello?session=1",
                        SoakServlet.HELLO, true, false),
                WellFormedClients.uploader("warm", port, ignored, once, 1),
                WellFormedClients.getter("warm", port, ignored, once, n -> "/soak/sleep?ms=1", SoakServlet.SLEPT,
                        false, false));
        List<Thread> threads = new ArrayList<>();
        for (Runnable r : firsts) {
            threads.add(startDaemon(r));
        }
        Thread.sleep(2000);
        once.stop();
        for (Thread t : threads) {
            t.join(60_000);
        }
    }

    private List<Thread> startClients(int port, SoakControl control) {
        List<Runnable> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            // Steady keep-alive load; one request in 10 creates a session that expires 2 s later.
            all.add(WellFormedClients.getter("keepalive", port, tally, control,
                    n -> n % 10 == 0 ? "/soak/hello?session=1" : "/soak/hello", SoakServlet.HELLO, false, false));
        }
        for (int i = 0; i < 32; i++) {
            // In bursts of 5 s every 10 s, 32 requests of 300 ms at once against 8 workers and 16 queue places:
            // some must get 503 then; between bursts the steady load has the pool to itself.
            all.add(WellFormedClients.getter("slow", port, tally, control, n -> "/soak/sleep?ms=300",
                    SoakServlet.SLEPT, i % 2 == 0, true));
        }
        for (int i = 0; i < 2; i++) {
            all.add(WellFormedClients.uploader("upload", port, tally, control, 42 + i));
            all.add(WellFormedClients.slowReader("slowreader", port, tally, control));
            all.add(HostileClients.resetter("reset", port, tally, control));
            all.add(HostileClients.halfHead("halfhead", port, tally, control));
        }
        all.add(HostileClients.slowloris("slowloris", port, 16, tally, control));
        all.add(HostileClients.stalledReader("stalled", port, WRITE_TIMEOUT.toMillis() + 3000, tally, control));
        List<Thread> threads = new ArrayList<>();
        for (Runnable r : all) {
            threads.add(startDaemon(r));
        }
        return threads;
    }

    private void sample(ServerProcess server, long started) {
        try {
            long second = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            Map<String, Long> metrics;
            try {
                metrics = server.metrics();
            } catch (IOException busy) {
                metrics = Map.of(); // /sluice/metrics shares the pool: under overload it gets 503 like the rest
            }
            SoakSample s = new SoakSample(second, server.rssKib(), server.heapAfterGcKib(out), server.fds().size(),
                    server.threads(), metrics);
            samples.add(s);
            log.println(s + " " + tally.snapshot().entrySet().stream().filter(e -> e.getKey().endsWith(".failed"))
                    .toList());
        } catch (IOException | RuntimeException e) {
            log.println("sample failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Polls once a second until the server is idle (against {@code baseline}, or with no baseline yet: connections,
     * workers, queue and sessions only) or {@link #IDLE_WAIT} passed; returns the last figures.
     */
    private SoakReport.Idle waitForIdle(ServerProcess server, SoakReport.Idle baseline)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + IDLE_WAIT.toNanos();
        SoakReport.Idle now;
        do {
            Map<String, Long> m = server.metrics();
            now = new SoakReport.Idle(m, server.fds(), server.threads(), server.rssKib());
            if (now.isIdle(baseline)) {
                return now;
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        return now;
    }

    private void writeSamples() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(SoakSample.CSV_HEADER);
        samples.forEach(s -> lines.add(s.csv()));
        Files.write(out.resolve("samples.csv"), lines);
    }

    private static Thread startDaemon(Runnable r) {
        Thread t = new Thread(r, "soak-client");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
