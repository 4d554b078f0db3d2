package dev.sluice.connector;

import dev.sluice.core.Handler;
import dev.sluice.core.Limits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * Serves a {@link Handler} over HTTP/1.1 on one TCP port. Placeholder for the API shape; the connector issue
 * supplies the implementation.
 */
public final class HttpConnector implements AutoCloseable {
    private final String host;
    private final int port;
    private final Limits limits;
    private final Handler handler;

    private HttpConnector(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.limits = b.limits;
        this.handler = Objects.requireNonNull(b.handler, "handler");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds and starts serving. @throws IOException when the address cannot be bound */
    public void start() throws IOException {
        throw new UnsupportedOperationException("connector not implemented yet");
    }

    /** The bound address, after {@link #start()}. */
    public InetSocketAddress localAddress() {
        throw new UnsupportedOperationException("connector not implemented yet");
    }

    /** Graceful stop: stop accepting, let requests in flight finish within the drain timeout, close all. */
    @Override
    public void close() {
    }

    /** Configuration of a connector. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 8080;
        private Limits limits = Limits.DEFAULTS;
        private Handler handler;

        private Builder() {
        }

        public Builder host(String host) { this.host = host; return this; }
        public Builder port(int port) { this.port = port; return this; }
        public Builder limits(Limits limits) { this.limits = limits; return this; }
        public Builder handler(Handler handler) { this.handler = handler; return this; }

        public HttpConnector build() {
            return new HttpConnector(this);
        }
    }
}
