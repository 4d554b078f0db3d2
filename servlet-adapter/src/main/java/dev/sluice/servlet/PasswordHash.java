package dev.sluice.servlet;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 password hash (RFC 8018 section 5.2) in the text form
 * {@code pbkdf2-sha256:<iterations>:<salt, base64>:<hash, base64>}. The iteration count and salt travel inside
 * the value, so hashes made with different counts live side by side in one realm file. Checking a password
 * compares the derived bytes in constant time ({@link MessageDigest#isEqual}).
 *
 * <p>Immutable and thread-safe. Neither this class nor its exceptions ever reveal a password.
 */
public final class PasswordHash {
    /** The scheme name at the start of the text form. */
    public static final String SCHEME = "pbkdf2-sha256";
    /** Iterations of a new hash unless told otherwise (OWASP's 2023 advice for PBKDF2-HMAC-SHA256 is 600,000). */
    public static final int DEFAULT_ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private final byte[] salt;
    private final byte[] hash;

    private PasswordHash(int iterations, byte[] salt, byte[] hash) {
        this.iterations = iterations;
        this.salt = salt;
        this.hash = hash;
    }

    /** Hashes {@code password} with a new random salt and {@link #DEFAULT_ITERATIONS}. */
    public static PasswordHash of(String password) {
        return of(password, DEFAULT_ITERATIONS);
    }

    /** Hashes {@code password} with a new random salt and {@code iterations} rounds (at least 1). */
    public static PasswordHash of(String password, int iterations) {
        Objects.requireNonNull(password, "password");
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between 1 and " + MAX_ITERATIONS);
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations, HASH_BYTES));
    }

    /**
     * Reads the text form.
     *
     * @throws IllegalArgumentException naming what is wrong (never echoing the value, which is a secret)
     */
    public static PasswordHash parse(String encoded) {
        String[] parts = encoded.trim().split(":", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("not a password hash of the form " + SCHEME
                    + ":<iterations>:<salt>:<hash> (make one with 'sluice passwd')");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the iteration count of the password hash is not a number");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("the iteration count of the password hash is out of range");
        }
        byte[] salt;
        byte[] hash;
        try {
            salt = Base64.getDecoder().decode(parts[2]);
            hash = Base64.getDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the salt or hash of the password hash is not base64");
        }
        if (salt.length < 4 || hash.length < 16) {
            throw new IllegalArgumentException("the salt or hash of the password hash is too short");
        }
        return new PasswordHash(iterations, salt, hash);
    }

    /** Whether {@code password} is the one hashed; compares in constant time. */
    public boolean matches(String password) {
        if (password == null) {
            return false;
        }
        return MessageDigest.isEqual(hash, derive(password, salt, iterations, hash.length));
    }

    public int iterations() {
        return iterations;
    }

    /** The text form, as stored in a realm file. */
    public String encoded() {
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + ":" + iterations + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash);
    }

    /** The text form; it holds no password, only its salted hash. */
    @Override
    public String toString() {
        return encoded();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordHash p && p.iterations == iterations && Arrays.equals(p.salt, salt)
                && MessageDigest.isEqual(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(salt);
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int length) {
        char[] chars = password.toCharArray();
        // PBEKeySpec hands the chars to HMAC as UTF-8 (the SunJCE PBKDF2 implementation), so any character works.
        KeySpec spec = new PBEKeySpec(chars, salt, iterations, length * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JVM", e);
        } finally {
            Arrays.fill(chars, '\0');
            ((PBEKeySpec) spec).clearPassword();
        }
    }
}
