package dev.sluice.lab;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/** One load run, immutable. {@link Builder#build()} checks every value and the loopback rule. */
public final class RunConfig {
    /** How requests are paced. */
    public enum Model {
        /** N connections, each sends its next request when the previous answer came (wrk). */
        CLOSED,
        /** Requests are due at a constant rate whatever the server does; latency counts from the due time (wrk2). */
        OPEN
    }

    private final InetSocketAddress target;
    private final Model model;
    private final int connections;
    private final double rate;
    private final boolean http10;
    private final boolean keepAlive;
    private final int pipeline;
    private final RequestMix mix;
    private final Duration thinkTime;
    private final Duration duration;
    private final Duration warmup;
    private final long maxRequests;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    private RunConfig(Builder b, InetSocketAddress target) {
        this.target = target;
        this.model = b.model;
        this.connections = b.connections;
        this.rate = b.rate;
        this.http10 = b.http10;
        this.keepAlive = b.keepAlive;
        this.pipeline = b.pipeline;
        this.mix = b.mix;
        this.thinkTime = b.thinkTime;
        this.duration = b.duration;
        this.warmup = b.warmup;
        this.maxRequests = b.maxRequests;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = target.getHostString();
        b.port = target.getPort();
        b.allowRemote = !target.getAddress().isLoopbackAddress();
        b.model = model;
        b.connections = connections;
        b.rate = rate;
        b.http10 = http10;
        b.keepAlive = keepAlive;
        b.pipeline = pipeline;
        b.mix = mix;
        b.thinkTime = thinkTime;
        b.duration = duration;
        b.warmup = warmup;
        b.maxRequests = maxRequests;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        return b;
    }

    public InetSocketAddress target() { return target; }
    public Model model() { return model; }
    /** Closed loop: the connections. Open loop: the most connections it may open. */
    public int connections() { return connections; }
    /** Open loop: requests per second. */
    public double rate() { return rate; }
    public boolean http10() { return http10; }
    public boolean keepAlive() { return keepAlive; }
    /** Requests written back to back on a connection before reading their answers. */
    public int pipeline() { return pipeline; }
    public RequestMix mix() { return mix; }
    /** Closed loop: pause after each answer before the next request. */
    public Duration thinkTime() { return thinkTime; }
    /** Measured time, after the warm-up. */
    public Duration duration() { return duration; }
    public Duration warmup() { return warmup; }
    /** Stop after this many requests were sent; 0 means no count limit (the duration still bounds the run). */
    public long maxRequests() { return maxRequests; }
    public Duration connectTimeout() { return connectTimeout; }
    public Duration readTimeout() { return readTimeout; }

    /** A one-line description for reports. */
    public String describe() {
        return (model == Model.CLOSED ? "closed loop, " + connections + " connections"
                : "open loop, " + rate + " req/s, up to " + connections + " connections")
                + ", HTTP/" + (http10 ? "1.0" : "1.1") + (keepAlive ? ", keep-alive" : ", new connection per request")
                + (pipeline > 1 ? ", pipeline " + pipeline : "") + ", mix " + mix
                + (thinkTime.isZero() ? "" : ", think " + thinkTime.toMillis() + " ms")
                + ", " + duration.toMillis() / 1000.0 + " s after " + warmup.toMillis() / 1000.0 + " s warm-up";
    }

    /** Collects values; {@link #build()} validates. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 8080;
        private boolean allowRemote;
        private Model model = Model.CLOSED;
        private int connections = 8;
        private double rate = 100;
        private boolean http10;
        private boolean keepAlive = true;
        private int pipeline = 1;
        private RequestMix mix = RequestMix.of("/");
        private Duration thinkTime = Duration.ZERO;
        private Duration duration = Duration.ofSeconds(10);
        private Duration warmup = Duration.ZERO;
        private long maxRequests;
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration readTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder target(InetSocketAddress a) { host = a.getHostString(); port = a.getPort(); return this; }
        public Builder allowRemote(boolean v) { allowRemote = v; return this; }
        public Builder model(Model v) { model = v; return this; }
        public Builder connections(int v) { connections = v; return this; }
        public Builder rate(double v) { rate = v; return this; }
        public Builder http10(boolean v) { http10 = v; return this; }
        public Builder keepAlive(boolean v) { keepAlive = v; return this; }
        public Builder pipeline(int v) { pipeline = v; return this; }
        public Builder mix(RequestMix v) { mix = v; return this; }
        public Builder thinkTime(Duration v) { thinkTime = v; return this; }
        public Builder duration(Duration v) { duration = v; return this; }
        public Builder warmup(Duration v) { warmup = v; return this; }
        public Builder maxRequests(long v) { maxRequests = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder readTimeout(Duration v) { readTimeout = v; return this; }

        /** @throws IllegalArgumentException naming the first bad setting, or a non-loopback target */
        public RunConfig build() {
            require(port > 0 && port < 65536, "port must be 1..65535, was " + port);
            require(connections >= 1 && connections <= 5000, "connections must be 1..5000, was " + connections);
            require(pipeline >= 1 && pipeline <= 256, "pipeline must be 1..256, was " + pipeline);
            require(keepAlive || pipeline == 1, "pipelining needs keep-alive");
            require(model == Model.CLOSED || pipeline == 1, "the open loop sends one request at a time per connection");
            require(model == Model.CLOSED || (rate > 0 && rate <= 1_000_000), "rate must be in (0, 1000000], was " + rate);
            require(mix != null, "mix is required");
            require(positive(duration), "duration must be positive");
            require(notNegative(warmup) && notNegative(thinkTime), "warmup and think time must not be negative");
            require(positive(connectTimeout) && positive(readTimeout), "timeouts must be positive");
            require(maxRequests >= 0, "maxRequests must not be negative");
            InetAddress address;
            try {
                address = InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("unknown host: " + host);
            }
            require(allowRemote || address.isLoopbackAddress(),
                    "refusing non-loopback target " + host + " (" + address.getHostAddress()
                            + "); pass --allow-remote to load a machine you own");
            return new RunConfig(this, new InetSocketAddress(address, port));
        }

        private static boolean positive(Duration d) {
            return d != null && !d.isNegative() && !d.isZero();
        }

        private static boolean notNegative(Duration d) {
            return d != null && !d.isNegative();
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
