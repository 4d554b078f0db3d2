package dev.sluice.session.redis;

import dev.sluice.servlet.SessionPersistence;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sessions of one webapp in Redis. Each session is a hash, {@code <prefix>session:<app>:<id>}, with one field
 * per attribute (written and deleted one by one, so concurrent requests that change different attributes keep
 * each other's writes) and a field {@code #meta} with its times. A sorted set, {@code <prefix>expiry:<app>},
 * scores each session id with the time it expires; the instance whose sweep removes an id from it (ZREM answers 1
 * to one caller only) tells the listeners. The hash itself expires that long plus {@link #GRACE_MILLIS} later,
 * which lets the sweeping instance still read the attributes, and removes the session even if no instance is
 * left to sweep.
 *
 * <p>Each write is one Lua script, so a session is never seen half written. Thread safe.
 */
final class RedisSessionPersistence implements SessionPersistence {
    static final long GRACE_MILLIS = 5 * 60_000;
    private static final String META = "#meta";

    /** KEYS: hash, index. ARGV: create, ttl ms (0: none), expiresAt, id, n, n field-value pairs, removed fields. */
    private static final String SAVE = """
            if ARGV[1] == '0' and redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            local n = tonumber(ARGV[5])
            local i = 6
            local set = {}
            for j = 1, n do
              set[#set + 1] = ARGV[i]
              set[#set + 1] = ARGV[i + 1]
              i = i + 2
            end
            redis.call('HSET', KEYS[1], unpack(set))
            local del = {}
            while i <= #ARGV do
              del[#del + 1] = ARGV[i]
              i = i + 1
            end
            if #del > 0 then redis.call('HDEL', KEYS[1], unpack(del)) end
            if ARGV[2] == '0' then
              redis.call('PERSIST', KEYS[1])
              redis.call('ZREM', KEYS[2], ARGV[4])
            else
              redis.call('PEXPIRE', KEYS[1], ARGV[2])
              redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4])
            end
            return 1
            """;
    /** KEYS: hash, index. ARGV: id. */
    private static final String REMOVE = """
            redis.call('ZREM', KEYS[2], ARGV[1])
            return redis.call('DEL', KEYS[1])
            """;
    /** KEYS: old hash, new hash, index. ARGV: old id. */
    private static final String RENAME = """
            if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
            redis.call('RENAME', KEYS[1], KEYS[2])
            redis.call('ZREM', KEYS[3], ARGV[1])
            return 1
            """;

    private final RedisConnection redis;
    private final String hashPrefix;
    private final String index;

    /** @param app the webapp's name in keys: its context path without the slash, ROOT for the root */
    RedisSessionPersistence(RedisConnection redis, String keyPrefix, String app) {
        this.redis = redis;
        this.hashPrefix = keyPrefix + "session:" + app + ":";
        this.index = keyPrefix + "expiry:" + app;
        redis.open();
    }

    private String key(String id) {
        return hashPrefix + id;
    }

    @Override
    public Stored load(String id) {
        Map<String, byte[]> hash = redis.call(c -> c.hgetall(key(id)));
        byte[] meta = hash.remove(META);
        if (meta == null) {
            return null; // absent (an empty hash), or a stray key without our fields
        }
        return new Stored(meta(id, meta), hash);
    }

    @Override
    public void save(Meta meta, Map<String, byte[]> changed, Collection<String> removed, boolean create) {
        List<byte[]> args = new ArrayList<>();
        long ttl = meta.maxInactiveInterval() <= 0 ? 0 : meta.maxInactiveInterval() * 1000L + GRACE_MILLIS;
        args.add(ascii(create ? "1" : "0"));
        args.add(ascii(Long.toString(ttl)));
        args.add(ascii(Long.toString(meta.expiresAt())));
        args.add(ascii(meta.id()));
        Map<String, byte[]> set = new HashMap<>(changed);
        set.put(META, ascii(meta.creationTime() + "," + meta.lastAccessedTime() + "," + meta.thisAccessedTime()
                + "," + meta.idleSince() + "," + meta.maxInactiveInterval()));
        args.add(ascii(Integer.toString(set.size())));
        set.forEach((field, value) -> {
            args.add(field.getBytes(StandardCharsets.UTF_8));
            args.add(value);
        });
        removed.forEach(field -> args.add(field.getBytes(StandardCharsets.UTF_8)));
        redis.call(c -> c.eval(SAVE, ScriptOutputType.INTEGER, new String[] {key(meta.id()), index},
                args.toArray(new byte[0][])));
    }

    @Override
    public boolean remove(String id) {
        Long removed = redis.call(c -> c.eval(REMOVE, ScriptOutputType.INTEGER, new String[] {key(id), index},
                ascii(id)));
        return removed != null && removed > 0;
    }

    @Override
    public void rename(String oldId, Meta meta) {
        Long moved = redis.call(c -> c.eval(RENAME, ScriptOutputType.INTEGER,
                new String[] {key(oldId), key(meta.id()), index}, ascii(oldId)));
        if (moved != null && moved > 0) {
            save(meta, Map.of(), List.of(), false);
        }
    }

    @Override
    public List<String> claimExpired(long now, int max) {
        return redis.call(c -> {
            List<String> claimed = new ArrayList<>();
            for (byte[] id : c.zrangebyscore(index, Range.create(0L, (Long) now),
                    io.lettuce.core.Limit.create(0, max))) {
                String s = new String(id, StandardCharsets.UTF_8);
                if (c.zrem(index, id) == 1) {
                    claimed.add(s);
                }
            }
            return claimed;
        });
    }

    @Override
    public void close() {
        redis.close();
    }

    private static Meta meta(String id, byte[] text) {
        String[] p = new String(text, StandardCharsets.US_ASCII).split(",");
        return new Meta(id, Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]), Long.parseLong(p[3]),
                Integer.parseInt(p[4]));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
