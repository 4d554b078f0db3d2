package dev.sluice.lab;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The load flags shared by {@code lab run} and {@code lab sweep}; picocli mixes them in. */
final class LoadOptions {
    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Target host (loopback unless --allow-remote).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Target port.")
    int port;

    @Option(names = "--allow-remote", description = "Allow a target that is not a loopback address.")
    boolean allowRemote;

    @Option(names = "--open", description = "Open loop at --rate requests/s (default: closed loop).")
    boolean open;

    @Option(names = {"-c", "--connections"}, defaultValue = "8",
            description = "Closed loop: connections. Open loop: most connections to open.")
    int connections;

    @Option(names = {"-R", "--rate"}, defaultValue = "100", description = "Open loop: requests per second.")
    double rate;

    @Option(names = "--http10", description = "Speak HTTP/1.0 (default 1.1).")
    boolean http10;

    @Option(names = "--no-keep-alive", description = "A new connection for every request.")
    boolean noKeepAlive;

    @Option(names = "--pipeline", defaultValue = "1", description = "Requests written back to back per connection.")
    int pipeline;

    @Option(names = "--mix", defaultValue = "/", description = "Paths with weights: /a:3,/b:1")
    String mix;

    @Option(names = "--think", defaultValue = "0ms", converter = DurationConverter.class,
            description = "Closed loop: pause after each answer (e.g. 50ms).")
    Duration think;

    @Option(names = {"-d", "--duration"}, defaultValue = "10s", converter = DurationConverter.class,
            description = "Measured time (e.g. 10s). The run always ends by warm-up + duration.")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "0s", converter = DurationConverter.class,
            description = "Time before measuring.")
    Duration warmup;

    @Option(names = {"-n", "--requests"}, defaultValue = "0", description = "Stop after this many requests (0: none).")
    long requests;

    @Option(names = "--connect-timeout", defaultValue = "2s", converter = DurationConverter.class)
    Duration connectTimeout;

    @Option(names = "--read-timeout", defaultValue = "10s", converter = DurationConverter.class)
    Duration readTimeout;

    RunConfig.Builder toBuilder() {
        return RunConfig.builder().host(host).port(port).allowRemote(allowRemote)
                .model(open ? RunConfig.Model.OPEN : RunConfig.Model.CLOSED).connections(connections).rate(rate)
                .http10(http10).keepAlive(!noKeepAlive).pipeline(pipeline).mix(RequestMix.parse(mix))
                .thinkTime(think).duration(duration).warmup(warmup).maxRequests(requests)
                .connectTimeout(connectTimeout).readTimeout(readTimeout);
    }
}
