package dev.sluice.servlet.internal;

import dev.sluice.servlet.ContainerModule;
import dev.sluice.servlet.Realm;
import dev.sluice.servlet.internal.async.DaemonThreads;
import dev.sluice.servlet.internal.caps.Cap;
import dev.sluice.servlet.internal.caps.ResourceCaps;
import dev.sluice.servlet.internal.deploy.ContainerSettings;
import dev.sluice.servlet.internal.deploy.WorkDirs;
import dev.sluice.servlet.internal.http.LocaleEncodings;
import dev.sluice.servlet.internal.module.ContainerModules;
import dev.sluice.servlet.internal.module.ModuleChoice;
import dev.sluice.servlet.internal.session.SessionStoreKinds;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.IntSupplier;

/**
 * The options the public container builder gathers, with their defaults and checks, and what turns them into
 * the {@link ContainerSettings} every webapp shares. The builder documents each option; this class keeps the
 * state so the builder stays a thin, documented facade. Not thread safe, like the builder.
 */
public final class ContainerOptions {
    private String serverInfo = "Sluice/0.1";
    private Path workDir;
    private boolean allowTrace;
    private final Map<String, Integer> maxConcurrentRequests = new HashMap<>();
    private int retryAfterSeconds = 1;
    private int maxParameterCount = 1000;
    private int maxFormBytes = 2 * 1024 * 1024;
    private int maxActiveSessions = ResourceCaps.DEFAULT_MAX_ACTIVE_SESSIONS;
    private int maxPartCount = ResourceCaps.DEFAULT_MAX_PART_COUNT;
    private int maxPartHeaderBytes = ResourceCaps.DEFAULT_MAX_PART_HEADER_BYTES;
    private int maxCookieCount = ResourceCaps.DEFAULT_MAX_COOKIE_COUNT;
    private int maxUpgradedConnections = ResourceCaps.DEFAULT_MAX_UPGRADED_CONNECTIONS;
    private ExecutorService asyncExecutor;
    private ScheduledExecutorService scheduler;
    private Clock clock = Clock.systemUTC();
    private Duration undeployDrain = Duration.ofSeconds(10);
    private dev.sluice.servlet.internal.deploy.WarLimits warLimits = dev.sluice.servlet.internal.deploy.WarLimits.DEFAULTS;
    private Realm realm;
    private Map<String, String> localeEncodings = LocaleEncodings.DEFAULTS;
    private Set<String> allowedTrailers = Set.of("*");
    private boolean crossContext;
    private final ModuleChoice modules;
    private IntSupplier redirectPort = () -> 0;
    private String sessionStore = SessionStoreKinds.MEMORY;
    private Path sessionDir;

    /** @param serverLoader where container modules are looked for when none are named */
    public ContainerOptions(ClassLoader serverLoader) {
        this.modules = new ModuleChoice(serverLoader);
    }

    public void redirectPort(IntSupplier port) { this.redirectPort = Objects.requireNonNull(port, "port"); }

    /** @throws IllegalArgumentException for a kind nothing provides, naming the missing module */
    public void sessionStore(String kind) {
        SessionStoreKinds.check(kind, modules.build());
        this.sessionStore = kind;
    }

    public void sessionDir(Path dir) { this.sessionDir = dir; }

    public void serverInfo(String serverInfo) { this.serverInfo = serverInfo; }

    public void workDir(Path workDir) { this.workDir = workDir; }

    public void allowTrace(boolean allowTrace) { this.allowTrace = allowTrace; }

    /** @param contextPath a context path, or "*" for the default of every webapp */
    public void maxConcurrentRequests(String contextPath, int limit) { maxConcurrentRequests.put(contextPath, limit); }

    public void retryAfterSeconds(int seconds) { this.retryAfterSeconds = seconds; }

    public void maxParameterCount(int n) { this.maxParameterCount = n; }

    public void maxFormBytes(int n) { this.maxFormBytes = n; }

    public void maxActiveSessions(int n) { this.maxActiveSessions = ResourceCaps.check(Cap.ACTIVE_SESSIONS, n); }

    public void maxPartCount(int n) { this.maxPartCount = ResourceCaps.check(Cap.PARTS, n); }

    public void maxPartHeaderBytes(int n) { this.maxPartHeaderBytes = ResourceCaps.check(Cap.PART_HEADER_BYTES, n); }

    public void maxCookieCount(int n) { this.maxCookieCount = ResourceCaps.check(Cap.COOKIES, n); }

    public void maxUpgradedConnections(int n) {
        this.maxUpgradedConnections = ResourceCaps.check(Cap.UPGRADED_CONNECTIONS, n);
    }

    public void executors(ExecutorService async, ScheduledExecutorService scheduler) {
        this.asyncExecutor = async;
        this.scheduler = scheduler;
    }

    public void clock(Clock clock) { this.clock = clock; }

    public void undeployDrain(Duration drain) { this.undeployDrain = drain; }

    public Duration undeployDrain() { return undeployDrain; }

    public void maxWarBytes(long bytes) { warLimits = warLimits.withMaxBytes(bytes); }

    public void maxWarEntries(int entries) { warLimits = warLimits.withMaxEntries(entries); }

    public void maxWarRatio(int ratio) { warLimits = warLimits.withMaxRatio(ratio); }

    public dev.sluice.servlet.internal.deploy.WarLimits warLimits() { return warLimits; }

    public void realm(Realm realm) { this.realm = realm; }

    public void localeEncodings(Map<String, String> table) { this.localeEncodings = Map.copyOf(table); }

    /** Stores the names in lower case: trailer names are matched ignoring case (RFC 9110 section 5.1). */
    public void allowedTrailers(Collection<String> names) {
        Set<String> lower = new HashSet<>();
        names.forEach(n -> lower.add(n.trim().toLowerCase(Locale.ROOT)));
        this.allowedTrailers = lower;
    }

    public void crossContext(boolean crossContext) { this.crossContext = crossContext; }

    public void modules(List<ContainerModule> named) { this.modules.name(named); }

    /** Gives a module's setting to the module in use that declares it; false when none does. */
    public boolean offerModuleSetting(String key, String value) { return modules.offer(key, value); }

    /** Whether the container makes (and so shuts down) its own async executor and scheduler. */
    public boolean ownsExecutors() { return asyncExecutor == null; }

    /** Whether the container makes (and so removes at close) its own work folder. */
    public boolean ownsWorkDir() { return workDir == null; }

    /**
     * The settings every webapp shares, creating what was not given: the executors (daemon threads) and a
     * private work folder. A session folder defaults to {@code sessions} in a given work folder only, since a
     * private one is removed at close and would lose the sessions it was meant to keep.
     */
    public ContainerSettings settings() {
        ExecutorService async = asyncExecutor;
        ScheduledExecutorService timer = scheduler;
        if (ownsExecutors()) {
            async = Executors.newCachedThreadPool(DaemonThreads.named("sluice-async"));
            timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("sluice-timer"));
        }
        Path work = ownsWorkDir() ? WorkDirs.createPrivate() : workDir;
        ContainerModules inUse = modules.build();
        Path sessions = sessionDir != null ? sessionDir : ownsWorkDir() ? null : work.resolve("sessions");
        return new ContainerSettings(serverInfo, work, allowTrace, Map.copyOf(maxConcurrentRequests),
                retryAfterSeconds, maxParameterCount, maxFormBytes, async, timer, clock, Map.copyOf(localeEncodings),
                Set.copyOf(allowedTrailers), crossContext, realm, inUse, redirectPort,
                new ResourceCaps(maxActiveSessions, maxPartCount, maxPartHeaderBytes, maxCookieCount,
                        maxUpgradedConnections),
                SessionStoreKinds.resolve(sessionStore, sessions, inUse));
    }
}
