package dev.sluice.session.redis;

import dev.sluice.servlet.ContainerModule;
import dev.sluice.servlet.SessionPersistence;
import io.lettuce.core.RedisURI;
import jakarta.servlet.ServletContainerInitializer;
import java.time.Duration;
import java.util.List;

/**
 * The optional module behind {@code sessionStore=redis}: found on the server's class path by ServiceLoader, it
 * provides a Redis store for every webapp, configured by {@code redisUri} (Lettuce's syntax, such as
 * {@code redis://127.0.0.1:6379/0} or {@code redis://:password@host:6379}), {@code redisTimeout} (the longest a
 * request waits for Redis before it gets 503; milliseconds, or with a unit {@code ms}/{@code s}) and
 * {@code redisKeyPrefix}. Several instances that share a Redis and a prefix share their sessions.
 *
 * <p>Settings are applied by the deploying thread before any store is made, as {@link ContainerModule} says.
 */
public final class RedisSessionModule implements ContainerModule {
    private volatile String uri = "redis://127.0.0.1:6379";
    private volatile Duration timeout = Duration.ofSeconds(2);
    private volatile String keyPrefix = "sluice:";
    private RedisConnection connection; // guarded by this; made for the settings in force at first use

    @Override
    public String name() {
        return "session-redis";
    }

    @Override
    public List<ServletContainerInitializer> initializers() {
        return List.of();
    }

    @Override
    public List<String> settingKeys() {
        return List.of("redisUri", "redisTimeout", "redisKeyPrefix");
    }

    @Override
    public void setting(String key, String value) {
        String v = value.trim();
        switch (key) {
            case "redisUri" -> {
                RedisURI.create(v); // throws IllegalArgumentException for a malformed URI
                uri = v;
            }
            case "redisTimeout" -> timeout = duration(v);
            case "redisKeyPrefix" -> keyPrefix = v;
            default -> throw new IllegalArgumentException("Module session-redis takes no setting " + key);
        }
    }

    private static Duration duration(String v) {
        Duration d;
        if (v.endsWith("ms")) {
            d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2).trim()));
        } else if (v.endsWith("s")) {
            d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1).trim()));
        } else {
            d = Duration.ofMillis(Long.parseLong(v));
        }
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("a positive time, such as 2s or 500ms");
        }
        return d;
    }

    @Override
    public List<String> sessionStores() {
        return List.of("redis");
    }

    @Override
    public SessionPersistence sessionStore(String kind, String contextPath) {
        if (!kind.equals("redis")) {
            return ContainerModule.super.sessionStore(kind, contextPath);
        }
        return new RedisSessionPersistence(connection(), keyPrefix,
                contextPath.isEmpty() ? "ROOT" : contextPath.substring(1));
    }

    private synchronized RedisConnection connection() {
        if (connection == null) {
            RedisURI redisUri = RedisURI.create(uri);
            redisUri.setTimeout(timeout);
            connection = new RedisConnection(redisUri, timeout);
        }
        return connection;
    }
}
