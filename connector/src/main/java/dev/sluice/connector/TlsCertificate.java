package dev.sluice.connector;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a server certificate and its private key are read from: a PKCS12 key store, or PEM files (the full chain,
 * server certificate first, and the key). The files are read at start and again whenever they change (see
 * {@link TlsConfig.Builder#reloadInterval}).
 */
public final class TlsCertificate {
    /** The two file formats. */
    public enum Format { PKCS12, PEM }

    private final Format format;
    private final Path file;
    private final Path keyFile;
    private final String password;

    private TlsCertificate(Format format, Path file, Path keyFile, String password) {
        this.format = format;
        this.file = Objects.requireNonNull(file, "file");
        this.keyFile = keyFile;
        this.password = password;
    }

    /**
     * A PKCS12 key store holding one private key entry with its chain.
     *
     * @param password the store's password (also the key's), or null for none
     */
    public static TlsCertificate pkcs12(Path keyStore, String password) {
        return new TlsCertificate(Format.PKCS12, keyStore, null, password);
    }

    /**
     * PEM files: {@code chain} holds the server certificate then its intermediates; {@code key} a PKCS#8 key
     * ({@code BEGIN PRIVATE KEY}, or {@code BEGIN ENCRYPTED PRIVATE KEY} with {@code keyPassword}) or a PKCS#1 RSA
     * key ({@code BEGIN RSA PRIVATE KEY}).
     *
     * @param keyPassword the password of an encrypted key, or null
     */
    public static TlsCertificate pem(Path chain, Path key, String keyPassword) {
        return new TlsCertificate(Format.PEM, chain, Objects.requireNonNull(key, "key"), keyPassword);
    }

    public Format format() {
        return format;
    }

    /** The key store (PKCS12) or the certificate chain (PEM). */
    public Path file() {
        return file;
    }

    /** The PEM key file; null for PKCS12. */
    public Path keyFile() {
        return keyFile;
    }

    /** The password, or null. */
    public String password() {
        return password;
    }

    /** Every file read, for change detection. */
    public List<Path> files() {
        return keyFile == null ? List.of(file) : List.of(file, keyFile);
    }

    @Override
    public String toString() {
        return format == Format.PKCS12 ? "PKCS12 " + file : "PEM " + file + " + " + keyFile;
    }
}
