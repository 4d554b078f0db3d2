package dev.sluice.lab;

import dev.sluice.core.Limits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sluice in a JVM of its own ({@code lab serve} in a child process), so its heap holds only the server: what
 * the idle-connection experiment needs to say what a connection costs. Figures come over HTTP from its
 * {@code /sluice/metrics}. The child is ended by this object only, by its own process handle.
 */
final class ForkedSluice implements ServerFactory {
    private static final Pattern PORT = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

    @Override
    public Running start(Limits limits) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), LabCommand.class.getName(), "serve", "--port", "0",
                "--maxThreads", Integer.toString(limits.maxThreads()),
                "--acceptQueue", Integer.toString(limits.acceptQueue()),
                "--maxConnections", Integer.toString(limits.maxConnections()),
                "--queueTimeout", limits.queueTimeout().toMillis() + "ms",
                "--keepAliveTimeout", limits.keepAliveTimeout().toMillis() + "ms",
                "--for", "10m"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        Matcher m = line == null ? null : PORT.matcher(line);
        if (m == null || !m.find()) {
            stop(p);
            throw new IOException("forked lab server did not start: " + line);
        }
        Thread drain = LoadGenerator.thread("lab-fork-out", () -> {
            try {
                while (out.readLine() != null) {
                    // keep the child's pipe from filling
                }
            } catch (IOException ignored) {
                // child gone
            }
        });
        drain.start();
        InetSocketAddress address = new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1)));
        MetricsSource metrics = MetricsSource.http(address);
        return new Running() {
            private Map<String, Long> last = Map.of();

            @Override
            public InetSocketAddress address() {
                return address;
            }

            @Override
            public MetricsSource metrics() {
                return metrics;
            }

            @Override
            public Map<String, Long> counters() {
                if (!p.isAlive()) {
                    return last;
                }
                Map<String, Long> c = new LinkedHashMap<>();
                try {
                    metrics.sample().forEach((k, v) -> {
                        if (k.endsWith("_total") || k.contains("_total{")) {
                            c.put(k.replace("sluice_", ""), v.longValue());
                        }
                    });
                } catch (IOException e) {
                    return last;
                }
                last = c;
                return c;
            }

            @Override
            public void close() {
                counters();
                stop(p);
            }
        };
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
