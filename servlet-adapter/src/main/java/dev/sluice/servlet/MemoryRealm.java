package dev.sluice.servlet;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link Realm} of users held in memory, each with a {@link PasswordHash} and roles. Build it in code:
 * <pre>{@code
 * Realm realm = MemoryRealm.builder()
 *         .user("alice", "secret", "manager", "staff")
 *         .build();
 * }</pre>
 *
 * <p>A PBKDF2 check is deliberately slow (tens to hundreds of milliseconds), and BASIC sends the password with
 * every request. So after a successful check the realm remembers a keyed HMAC-SHA256 of that password (the key
 * is random, made when the realm is built, and never leaves memory); the next request with the same password is
 * checked against it, again in constant time. An unknown user costs as much as a known one (a dummy hash is
 * checked), so timing does not reveal which names exist.
 */
public final class MemoryRealm implements Realm {
    private record Entry(PasswordHash hash, Set<String> roles) {
    }

    private final Map<String, Entry> users;
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    private final SecretKeySpec cacheKey;
    private final PasswordHash dummy;

    private MemoryRealm(Map<String, Entry> users) {
        this.users = Map.copyOf(users);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.cacheKey = new SecretKeySpec(key, "HmacSHA256");
        int iterations = users.values().stream().mapToInt(e -> e.hash().iterations()).max().orElse(1);
        this.dummy = PasswordHash.of("unknown user " + System.nanoTime(), iterations);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The user names, for tools and status pages (no secrets). */
    public Set<String> userNames() {
        return users.keySet();
    }

    @Override
    public RealmUser authenticate(String username, String password) {
        if (username == null || password == null) {
            return null;
        }
        Entry entry = users.get(username);
        if (entry == null) {
            dummy.matches(password);
            return null;
        }
        byte[] mac = mac(username, password);
        byte[] remembered = verified.get(username);
        boolean ok = remembered != null && MessageDigest.isEqual(remembered, mac);
        if (!ok && entry.hash().matches(password)) {
            verified.put(username, mac);
            ok = true;
        }
        return ok ? new RealmUser(username, entry.roles()) : null;
    }

    @Override
    public RealmUser authenticate(java.security.cert.X509Certificate clientCertificate) {
        for (String name : Realm.certificateNames(clientCertificate)) {
            Entry entry = users.get(name);
            if (entry != null) {
                return new RealmUser(name, entry.roles());
            }
        }
        return null;
    }

    private byte[] mac(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(cacheKey);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Collects users; a later entry for the same name replaces the earlier one. */
    public static final class Builder {
        private final Map<String, Entry> users = new LinkedHashMap<>();
        private int iterations = PasswordHash.DEFAULT_ITERATIONS;

        private Builder() {
        }

        /** PBKDF2 iterations used for passwords given in clear to {@link #user(String, String, String...)}. */
        public Builder iterations(int iterations) {
            this.iterations = iterations;
            return this;
        }

        /** A user with a clear-text password, hashed here with a fresh salt. */
        public Builder user(String name, String password, String... roles) {
            return user(name, PasswordHash.of(password, iterations), List.of(roles));
        }

        /** A user whose password is already hashed (as read from a realm file). */
        public Builder user(String name, PasswordHash hash, List<String> roles) {
            checkName(name);
            users.put(name, new Entry(Objects.requireNonNull(hash, "hash"), Set.copyOf(roles)));
            return this;
        }

        public MemoryRealm build() {
            return new MemoryRealm(users);
        }
    }

    /**
     * RFC 7617 section 2: a user-id containing a colon cannot be sent in BASIC credentials; control characters,
     * spaces and '=' could not be written to a realm file line either.
     */
    static void checkName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a user name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == ':' || c == '=' || c == '#' || c == ',' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("a user name must not contain ':', '=', '#', ',', spaces or"
                        + " control characters: '" + name + "'");
            }
        }
    }
}
