package dev.sluice.connector.internal;

import dev.sluice.connector.TlsCertificate;
import dev.sluice.connector.TlsConfig;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS side of an HTTPS listener: one {@link SSLContext} (so the JDK's session cache serves resumption across
 * connections), the engine settings from {@link TlsConfig}, the certificates with their reload, and the buffer
 * pool of the record layer. Thread-safe.
 */
final class TlsContext {
    private static final System.Logger LOG = System.getLogger(TlsContext.class.getName());

    static {
        // Client-initiated renegotiation (TLS 1.2) lets a client make the server redo its most expensive work at
        // will (CVE-2011-1473). The JDK refuses it with a fatal handshake_failure alert when this documented JSSE
        // property is set, read once when its first server handshake starts; a value set by the user is kept.
        if (System.getProperty("jdk.tls.rejectClientInitiatedRenegotiation") == null) {
            System.setProperty("jdk.tls.rejectClientInitiatedRenegotiation", "true");
        }
    }

    private final TlsConfig config;
    private final Clock clock;
    private final SSLContext context;
    private final SniKeyManager keys;
    /** The CAs of client certificates, or null when clients are not asked for one. */
    private final ClientCaTrust clientCas;
    private final String[] protocols;
    private final String[] cipherSuites;
    private final BufferPool buffers;
    /** Runs handshakes' delegated tasks (signatures, key agreement) off the selector threads, one per core. */
    private final java.util.concurrent.ExecutorService tasks;
    /** Size and modification time of every certificate file when last read; guarded by this. */
    private Map<Path, String> stamps;
    private long lastCheck;
    private int generation;

    TlsContext(TlsConfig config, Clock clock) throws IOException, GeneralSecurityException {
        this.config = config;
        this.clock = clock;
        this.stamps = stamps();
        this.keys = new SniKeyManager(loadCertificates());
        this.lastCheck = clock.millis();
        this.context = SSLContext.getInstance("TLS");
        this.clientCas = config.trustedCertificates() == null ? null : new ClientCaTrust(loadClientCas(config));
        context.init(new javax.net.ssl.KeyManager[] {keys},
                clientCas == null ? null : new TrustManager[] {clientCas}, null);
        SSLEngine probe = context.createSSLEngine();
        this.protocols = supported(config.protocols(), probe.getSupportedProtocols(), "protocol");
        this.cipherSuites = supported(config.cipherSuites(), probe.getSupportedCipherSuites(), "cipher suite");
        int size = Math.max(probe.getSession().getPacketBufferSize(), probe.getSession().getApplicationBufferSize());
        this.buffers = new BufferPool(size, 1024);
        java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
        this.tasks = java.util.concurrent.Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
                r -> {
                    Thread t = new Thread(r, "sluice-tls-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Runs {@code wire}'s delegated tasks on the TLS threads, then {@code then}. At most maxHandshakes
     * connections are in their handshake, which bounds what waits here.
     */
    void runTasks(TlsWire wire, Runnable then) {
        try {
            tasks.execute(() -> {
                wire.runTasks();
                then.run();
            });
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // the connector is stopping: its loops close the connection
        }
    }

    /** Stops the TLS threads (at connector stop). */
    void close() {
        tasks.shutdownNow();
    }

    TlsConfig config() {
        return config;
    }

    /** A server-side wire over a newly accepted socket, its handshake not begun. */
    TlsWire newWire(SocketChannel channel) throws SSLException {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters p = engine.getSSLParameters();
        p.setProtocols(protocols);
        p.setCipherSuites(cipherSuites);
        p.setUseCipherSuitesOrder(true);
        switch (config.clientAuth()) {
            case NEED -> p.setNeedClientAuth(true);
            case WANT -> p.setWantClientAuth(true);
            default -> { }
        }
        engine.setSSLParameters(p);
        // RFC 7301 section 3.2: the server's preference among what the client offers; none in common is fatal
        engine.setHandshakeApplicationProtocolSelector((e, offered) -> {
            for (String mine : config.applicationProtocols()) {
                if (offered.contains(mine)) {
                    return mine;
                }
            }
            return null;
        });
        return new TlsWire(channel, engine, buffers);
    }

    /**
     * Reads the certificate files again if one changed since they were last read (checked at most every reload
     * interval). A file that cannot be read keeps the certificates in use; the next change is tried again.
     *
     * @return whether new certificates are in use
     */
    synchronized boolean reloadIfChanged() {
        long now = clock.millis();
        if (now - lastCheck < config.reloadInterval().toMillis()) {
            return false;
        }
        lastCheck = now;
        Map<Path, String> seen;
        try {
            seen = stamps();
        } catch (IOException e) {
            return false; // a file is missing for a moment (being replaced): try again later
        }
        if (seen.equals(stamps)) {
            return false;
        }
        stamps = seen;
        try {
            SniKeyManager.Certificates certificates = loadCertificates();
            javax.net.ssl.X509ExtendedTrustManager cas = clientCas == null ? null : loadClientCas(config);
            keys.replace(certificates); // both read before either is replaced: a bad file changes nothing
            if (cas != null) {
                clientCas.replace(cas);
            }
            LOG.log(System.Logger.Level.INFO, "TLS certificates reloaded");
            return true;
        } catch (IOException | GeneralSecurityException e) {
            LOG.log(System.Logger.Level.WARNING, "TLS certificates not reloaded, the previous ones stay in use: " + e);
            return false;
        }
    }

    private SniKeyManager.Certificates loadCertificates() throws IOException, GeneralSecurityException {
        int gen = ++generation;
        Map<String, KeyFiles.Identity> byAlias = new HashMap<>();
        Map<String, String> aliasByHost = new HashMap<>();
        String defaultAlias = "default@" + gen;
        byAlias.put(defaultAlias, load(config.defaultCertificate()));
        for (Map.Entry<String, TlsCertificate> e : config.hostCertificates().entrySet()) {
            String alias = e.getKey() + "@" + gen;
            byAlias.put(alias, load(e.getValue()));
            aliasByHost.put(e.getKey(), alias);
        }
        return new SniKeyManager.Certificates(byAlias, aliasByHost, defaultAlias);
    }

    private static KeyFiles.Identity load(TlsCertificate source) throws IOException, GeneralSecurityException {
        try {
            return KeyFiles.load(source);
        } catch (GeneralSecurityException | IOException e) {
            throw new GeneralSecurityException("Cannot read the TLS certificate " + source + ": " + e.getMessage(), e);
        }
    }

    private Map<Path, String> stamps() throws IOException {
        Set<Path> files = new LinkedHashSet<>(config.defaultCertificate().files());
        config.hostCertificates().values().forEach(c -> files.addAll(c.files()));
        if (config.trustedCertificates() != null) {
            files.add(config.trustedCertificates());
        }
        Map<Path, String> out = new HashMap<>();
        for (Path f : files) {
            out.put(f, Files.size(f) + "@" + Files.getLastModifiedTime(f).toMillis());
        }
        return out;
    }

    /** The JDK's PKIX trust manager for the CA file of client certificates. */
    private static javax.net.ssl.X509ExtendedTrustManager loadClientCas(TlsConfig config)
            throws IOException, GeneralSecurityException {
        List<X509Certificate> cas = KeyFiles.certificates(config.trustedCertificates());
        if (cas.isEmpty()) {
            throw new GeneralSecurityException(config.trustedCertificates() + " holds no CA certificate");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca" + i, cas.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager tm : factory.getTrustManagers()) {
            if (tm instanceof javax.net.ssl.X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("No X.509 trust manager in this JDK");
    }

    /** The configured names the JDK supports, in the configured order; fails when none is. */
    private static String[] supported(List<String> wanted, String[] available, String what) {
        List<String> have = Arrays.asList(available);
        List<String> out = new ArrayList<>();
        for (String w : wanted) {
            if (have.contains(w)) {
                out.add(w);
            } else {
                LOG.log(System.Logger.Level.WARNING, "TLS " + what + " not supported by this JDK, left out: " + w);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("No configured TLS " + what + " is supported: " + wanted);
        }
        return out.toArray(new String[0]);
    }
}
