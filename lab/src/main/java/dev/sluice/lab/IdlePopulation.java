package dev.sluice.lab;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A population of browser-like clients that mostly sit idle: each holds a couple of keep-alive connections,
 * makes a request on each, then "reads the page" for a random think time (exponential, so some come back
 * soon and some late) before the next visit. Whether the connections are still open when the client comes
 * back depends on the server's keepAliveTimeout; a connection the server closed meanwhile fails on reuse
 * (counted as {@link Count#CLOSED}) and is reopened and retried once, as browsers do.
 *
 * <p>Each client is a thread that sleeps most of the time; a few hundred of them cost little. Also measures,
 * when asked, what the server's heap holds per open connection (GET {@code /lab/heap} before the clients come
 * and when their connections are up).
 */
final class IdlePopulation implements Workload {
    /** The server's heap at the two points, and its open connections then. */
    record Memory(long baseHeap, long loadedHeap, double baseConnections, double loadedConnections) {
        double bytesPerConnection() {
            double c = loadedConnections - baseConnections;
            return c <= 0 ? 0 : (loadedHeap - baseHeap) / c;
        }
    }

    private final int clients;
    private final int connectionsPerClient;
    private final Duration meanThink;
    private final boolean measureMemory;
    private volatile Memory memory;

    IdlePopulation(int clients, int connectionsPerClient, Duration meanThink, boolean measureMemory) {
        this.clients = clients;
        this.connectionsPerClient = connectionsPerClient;
        this.meanThink = meanThink;
        this.measureMemory = measureMemory;
    }

    /** The memory measured by the last run, or null. */
    Memory memory() {
        return memory;
    }

    @Override
    public RunResult run(RunConfig config) throws InterruptedException {
        if (measureMemory) {
            // Serve some requests first, so lazily built server state is not charged to the idle connections.
            LoadGenerator.run(config.toBuilder().connections(4).duration(Duration.ofSeconds(1)).warmup(Duration.ZERO)
                    .maxRequests(0).build());
        }
        long baseHeap = measureMemory ? heap(config) : -1;
        double baseOpen = measureMemory ? openConnections(config) : 0;
        RunContext ctx = new RunContext(config, System.nanoTime());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = LoadGenerator.thread("lab-idle-" + i, () -> client(ctx));
            threads.add(t);
            t.start();
        }
        if (measureMemory) {
            // Clients arrive over the first mean think time; well after it, every one has its connections up.
            Thread probe = LoadGenerator.thread("lab-heap-probe", () -> {
                ctx.pause((ctx.deadlineNanos - ctx.startNanos) * 3 / 5);
                if (!ctx.stopped()) {
                    double open = openConnections(config);
                    long heap = heap(config);
                    memory = new Memory(baseHeap, heap, baseOpen, open);
                }
            });
            threads.add(probe);
            probe.start();
        }
        String what = clients + " browser-like clients, " + connectionsPerClient + " connections each, think time "
                + "exponential with mean " + meanThink.toMillis() / 1000.0 + " s, " + config.duration().toMillis() / 1000.0
                + " s";
        return LoadGenerator.measure(ctx, what, () -> false, () -> LoadGenerator.joinAll(threads), null);
    }

    private void client(RunContext ctx) {
        ConnectionDriver[] drivers = new ConnectionDriver[connectionsPerClient];
        for (int i = 0; i < drivers.length; i++) {
            drivers[i] = new ConnectionDriver(ctx);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // Arrivals spread over the first think time, so the population does not move in lockstep.
        ctx.pause((long) (random.nextDouble() * meanThink.toNanos()));
        try {
            while (!ctx.stopped()) {
                for (ConnectionDriver d : drivers) {
                    if (d.exchangeRetryingStale() == ConnectionDriver.Result.NO_CONNECTION) {
                        break;
                    }
                }
                ctx.pause((long) (-Math.log(1 - random.nextDouble()) * meanThink.toNanos()));
            }
        } finally {
            for (ConnectionDriver d : drivers) {
                d.close();
            }
        }
    }

    private static long heap(RunConfig config) {
        try {
            return Long.parseLong(get(config, "/lab/heap").trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static double openConnections(RunConfig config) {
        try {
            Double v = PrometheusText.parse(get(config, "/sluice/metrics")).get("sluice_connections_open");
            return v == null ? 0 : v;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String get(RunConfig config, String path) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create("http://" + config.target().getAddress().getHostAddress() + ":"
                + config.target().getPort() + path);
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
    }
}
