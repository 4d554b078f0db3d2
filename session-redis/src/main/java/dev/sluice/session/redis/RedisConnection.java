package dev.sluice.session.redis;

import dev.sluice.servlet.SessionStoreUnavailableException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.function.Function;

/**
 * One Lettuce connection to Redis, shared by the stores of every webapp (Lettuce multiplexes commands from many
 * threads on one connection), opened at first use and closed when the last store closes.
 *
 * <p>No call waits longer than the timeout: a command gets at most {@code timeout}; while the connection is down,
 * commands fail at once rather than queue (Lettuce's REJECT_COMMANDS) and Lettuce reconnects in the background;
 * a failed first connect is retried at the earliest one second later, so that an outage does not make every
 * request wait for a connect timeout.
 *
 * <p>Thread safe.
 */
final class RedisConnection {
    private static final long RETRY_NANOS = 1_000_000_000L;
    /**
     * Lettuce logs every failed reconnect attempt as a warning; Sluice logs the outage once (and its end) itself,
     * so these go to FINE and below only. Held here: java.util.logging keeps loggers weakly.
     */
    private static final java.util.logging.Logger RECONNECTS = quiet("io.lettuce.core.protocol");
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisURI uri;
    private final Duration timeout;
    private RedisClient client; // guarded by this
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private long nextAttempt; // guarded by this, System.nanoTime
    private int users; // guarded by this

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        if (logger.getLevel() == null) { // unless the server's logging configuration says otherwise
            logger.setLevel(java.util.logging.Level.SEVERE);
        }
        return logger;
    }

    RedisConnection(RedisURI uri, Duration timeout) {
        this.uri = uri;
        this.timeout = timeout;
    }

    synchronized void open() {
        users++;
    }

    /** One store is done with it; the last one closes the connection and the client's threads. */
    synchronized void close() {
        if (--users > 0) {
            return;
        }
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
            client = null;
        }
    }

    /** Runs commands; a connection that cannot be had or a command that fails in time is a 503. */
    <T> T call(Function<RedisCommands<String, byte[]>, T> commands) {
        try {
            return commands.apply(connection().sync());
        } catch (RedisException e) {
            throw new SessionStoreUnavailableException("Redis at " + uri.getHost() + ":" + uri.getPort() + ": " + e);
        }
    }

    private StatefulRedisConnection<String, byte[]> connection() {
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c != null) {
            return c;
        }
        synchronized (this) {
            if (connection == null) {
                if (System.nanoTime() - nextAttempt < 0) {
                    throw new RedisException("not connected (next attempt within a second)");
                }
                try {
                    connection = client().connect(CODEC);
                } catch (RedisException e) {
                    nextAttempt = System.nanoTime() + RETRY_NANOS;
                    throw e;
                }
            }
            return connection;
        }
    }

    private RedisClient client() {
        if (client == null) {
            client = RedisClient.create(uri);
            client.setOptions(ClientOptions.builder()
                    .autoReconnect(true)
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                    .timeoutOptions(TimeoutOptions.enabled(timeout))
                    .build());
        }
        return client;
    }
}
