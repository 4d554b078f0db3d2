package dev.sluice.distribution;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The topology of docs/scale-out.md on loopback ports, for ScaleOutIT: a redis-server, several instances of the
 * built distribution (target/sluice) with {@code sessionStore=redis}, each with a home of its own for work/ and
 * logs/, and HAProxy in front (round robin, health checks on /sluice/health/ready, retries) with its statistics
 * as CSV. The same configuration as bin/sluice-cluster. Without redis-server or haproxy the test is skipped,
 * except under {@code CI=true}, where that is a failure.
 */
final class LocalCluster implements AutoCloseable {
    static final Path DIST = Paths.get("target/sluice").toAbsolutePath();

    private final Path dir;
    private final int redisPort = freePort();
    private final int balancerPort = freePort();
    private final int statsPort = freePort();
    private final List<Integer> instancePorts = new ArrayList<>();
    private final List<Process> instances = new ArrayList<>();
    private Process redis;
    private Process haproxy;
    private final HttpClient http = HttpClient.newHttpClient();

    LocalCluster(Path dir, int size) {
        this.dir = dir;
        for (int i = 0; i < size; i++) {
            instancePorts.add(freePort());
            instances.add(null);
        }
    }

    static String program(String name, String debianPackage) {
        for (String p : List.of("/usr/bin/" + name, "/usr/sbin/" + name, "/usr/local/bin/" + name)) {
            if (Files.isExecutable(Path.of(p))) {
                return p;
            }
        }
        String message = name + " is not installed (apt-get install " + debianPackage + ")";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(message + "; CI=true needs it");
        }
        Assumptions.abort(message);
        return null;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts Redis, every instance (in parallel) and HAProxy; returns once HAProxy sees every instance UP. */
    LocalCluster start() throws Exception {
        String redisServer = program("redis-server", "redis-server");
        String haproxyProgram = program("haproxy", "haproxy");
        redis = new ProcessBuilder(redisServer, "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile()).start();
        for (int i = 0; i < instances.size(); i++) {
            instances.set(i, launch(i));
        }
        for (Process p : instances) {
            LauncherIT.awaitReady(p);
        }
        Files.writeString(dir.resolve("haproxy.cfg"), haproxyConfig());
        haproxy = new ProcessBuilder(haproxyProgram, "-db", "-f", dir.resolve("haproxy.cfg").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("haproxy.log").toFile()).start();
        awaitUp(instances.size());
        return this;
    }

    private Process launch(int i) throws IOException {
        Path home = dir.resolve("node" + (i + 1));
        Files.createDirectories(home);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Dsluice.home=" + home, "-cp", DIST.resolve("lib") + "/*",
                "dev.sluice.distribution.Main", "run",
                "--config", DIST.resolve("conf/sluice.properties").toString(),
                "--webapps", DIST.resolve("webapps").toString(),
                "--realm", DIST.resolve("conf/realm.properties").toString(), "--hotDeploy", "false",
                "--host", "127.0.0.1", "--port", Integer.toString(instancePorts.get(i)),
                "--trustedProxies", "127.0.0.1", "--drainDelay", "3s",
                "--sessionStore", "redis", "--redisUri", "redis://127.0.0.1:" + redisPort)
                .redirectErrorStream(true).start();
    }

    /** The balancer's configuration, as docs/scale-out.md and bin/sluice-cluster write it. */
    String haproxyConfig() {
        StringBuilder cfg = new StringBuilder("""
                global
                    maxconn 4096

                defaults
                    mode http
                    timeout connect 2s
                    timeout client 30s
                    timeout server 30s
                    retries 3
                    option redispatch 1
                    retry-on conn-failure empty-response response-timeout
                    option forwardfor

                frontend www
                    bind 127.0.0.1:%d
                    default_backend sluice

                backend sluice
                    balance roundrobin
                    option httpchk GET /sluice/health/ready
                    http-check expect status 200
                    default-server inter 1s fall 2 rise 2
                """.formatted(balancerPort));
        for (int i = 0; i < instancePorts.size(); i++) {
            cfg.append("    server s").append(i + 1).append(" 127.0.0.1:").append(instancePorts.get(i))
                    .append(" check\n");
        }
        cfg.append("""

                frontend stats
                    bind 127.0.0.1:%d
                    stats enable
                    stats uri /
                """.formatted(statsPort));
        return cfg.toString();
    }

    /** Instance {@code i} (0-based) directly, not through the balancer. */
    String instanceUrl(int i) {
        return "http://127.0.0.1:" + instancePorts.get(i);
    }

    String url() {
        return "http://127.0.0.1:" + balancerPort;
    }

    /** HAProxy's statistics of the backend's servers, one CSV line each (pxname,svname,...,status,...). */
    List<String> serverStats() throws IOException, InterruptedException {
        String csv = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/;csv"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return csv.lines().filter(l -> l.startsWith("sluice,s")).toList();
    }

    /** A column of HAProxy's CSV by its header name, for one server line. */
    String statsColumn(String line, String column) throws IOException, InterruptedException {
        String header = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/;csv"))
                .build(), HttpResponse.BodyHandlers.ofString()).body().lines().findFirst().orElseThrow();
        List<String> names = List.of(header.replaceFirst("^# ", "").split(",", -1));
        return line.split(",", -1)[names.indexOf(column)];
    }

    private void awaitUp(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (serverStats().stream().filter(l -> l.contains(",UP,")).count() == count) {
                    return;
                }
            } catch (IOException e) {
                // HAProxy is not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("HAProxy did not see " + count + " instances UP: " + serverStats()
                + "\n" + Files.readString(dir.resolve("haproxy.log")));
    }

    Process instance(int i) {
        return instances.get(i);
    }

    @Override
    public void close() {
        try {
            stopAll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopAll() throws InterruptedException {
        if (haproxy != null) {
            haproxy.destroy();
        }
        for (Process p : instances) {
            if (p != null) {
                p.destroy();
            }
        }
        for (Process p : instances) {
            if (p != null && !p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (redis != null) {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
        if (haproxy != null && !haproxy.waitFor(10, TimeUnit.SECONDS)) {
            haproxy.destroyForcibly();
        }
    }
}
