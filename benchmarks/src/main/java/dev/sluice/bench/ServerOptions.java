package dev.sluice.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * The settings every benchmark server main takes, so that all of them run with the same worker pool, queue and
 * timeouts. Flags are {@code --name=value}; anything not given keeps the peer's own default, except the worker
 * pool size, which is always set.
 *
 * <ul>
 *   <li>{@code --port} (required), {@code --host} (127.0.0.1)
 *   <li>{@code --threads}: worker pool size (200, the default of Sluice, Tomcat and Jetty alike)
 *   <li>{@code --queue}: requests that may wait for a worker (-1: the server's default, unbounded for the peers)
 *   <li>{@code --idle-timeout-ms}: keep-alive idle timeout (-1: default)
 *   <li>{@code --max-connections}: open connections (-1: default; Tomcat's default is 8192)
 *   <li>{@code --slow-ms}: delay of the {@code /slow} endpoint (200)
 *   <li>{@code --jetty-header-cache}: Jetty's per-connection header cache size (-1: Jetty's default)
 * </ul>
 */
public record ServerOptions(String host, int port, int threads, int queue, long idleTimeoutMs, int maxConnections,
        long slowMs, int jettyHeaderCache) {

    public static ServerOptions parse(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || arg.indexOf('=') < 0) {
                throw new IllegalArgumentException("expected --name=value, got: " + arg);
            }
            int eq = arg.indexOf('=');
            flags.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        ServerOptions options = new ServerOptions(
                flags.getOrDefault("host", "127.0.0.1"),
                Integer.parseInt(required(flags, "port")),
                Integer.parseInt(flags.getOrDefault("threads", "200")),
                Integer.parseInt(flags.getOrDefault("queue", "-1")),
                Long.parseLong(flags.getOrDefault("idle-timeout-ms", "-1")),
                Integer.parseInt(flags.getOrDefault("max-connections", "-1")),
                Long.parseLong(flags.getOrDefault("slow-ms", "200")),
                Integer.parseInt(flags.getOrDefault("jetty-header-cache", "-1")));
        flags.keySet().removeAll(java.util.List.of("host", "port", "threads", "queue", "idle-timeout-ms",
                "max-connections", "slow-ms", "jetty-header-cache"));
        if (!flags.isEmpty()) {
            throw new IllegalArgumentException("unknown flags: " + flags.keySet());
        }
        if (options.threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1");
        }
        return options;
    }

    private static String required(Map<String, String> flags, String name) {
        String value = flags.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    public boolean boundedQueue() {
        return queue >= 0;
    }

    /** The line every main prints once it accepts connections; run.sh waits for the port instead. */
    public String readyLine(String server) {
        return server + " ready on " + host + ":" + port + " pid " + ProcessHandle.current().pid() + " " + this;
    }
}
