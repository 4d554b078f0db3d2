package dev.sluice.servlet;

import dev.sluice.core.Handler;
import dev.sluice.core.Request;
import dev.sluice.core.RequestHead;
import dev.sluice.core.RequestPath;
import dev.sluice.core.Response;
import dev.sluice.core.Status;
import dev.sluice.core.TargetForm;
import dev.sluice.servlet.internal.ContainerOptions;
import dev.sluice.servlet.internal.Deployments;
import dev.sluice.servlet.internal.WebApp;
import dev.sluice.servlet.internal.deploy.ContainerSettings;
import dev.sluice.servlet.internal.deploy.WebappSources;
import dev.sluice.servlet.internal.deploy.WorkDirs;
import dev.sluice.servlet.internal.http.LocaleEncodings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The servlet container: deploys webapps and is the {@link Handler} that dispatches each request to the
 * webapp whose context path is the longest prefix of the request path (Servlet 6.1 section 12.1). A folder or
 * {@code .war} named {@code ROOT} is the root context; any other name {@code n} becomes {@code /n}, with
 * {@code #} standing for {@code /} as in Tomcat ({@code a#b.war} is {@code /a/b}).
 *
 * <p>Thread-safe: deploy and undeploy may run while requests are served.
 */
public final class ServletContainer implements Handler, AutoCloseable {
    private static final Logger LOG = Logger.getLogger("dev.sluice.servlet");

    private final ContainerSettings settings;
    private final Deployments deployments;
    private final boolean ownExecutors;
    private final boolean ownWorkDir;

    public ServletContainer() {
        this(builder());
    }

    private ServletContainer(Builder b) {
        // A cached jar: URL connection keeps its JarFile open in a JVM-wide cache that closing a class loader does
        // not reach, so an undeployed webapp's jars would stay open (Tomcat makes the same JVM-wide choice).
        java.net.URLConnection.setDefaultUseCaches("jar", false);
        this.ownExecutors = b.options.ownsExecutors();
        this.ownWorkDir = b.options.ownsWorkDir();
        this.settings = b.options.settings();
        this.deployments = new Deployments(settings, ServletContainer.class.getClassLoader(),
                b.options.undeployDrain(), b.options.warLimits());
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Deploys an exploded WAR folder or a .war file (unpacked into the work directory); returns its context
     * path, "" for ROOT.
     *
     * @throws IOException when it cannot be read, unpacked (an entry escaping the folder refuses the archive) or
     *                     started, or the context path is taken
     */
    public String deploy(Path webapp) throws IOException {
        return deployments.deploy(webapp);
    }

    /**
     * Deploys a webapp defined in code (an application embedding the container); returns its context path. Its
     * initializers run now, on this thread.
     *
     * @throws IOException when it fails to start (the cause attached), or the context path is taken
     */
    public String deploy(EmbeddedWebapp embedded) throws IOException {
        return deployments.deploy(embedded);
    }

    /**
     * Deploys every webapp in {@code webappsDir} (folders and .war files, in name order; a folder beside the .war
     * it was unpacked from is skipped). One that fails is logged in one line and skipped. Returns the context
     * paths deployed.
     */
    public List<String> deployAll(Path webappsDir) throws IOException {
        List<String> deployed = new ArrayList<>();
        for (Path p : WebappSources.in(webappsDir)) {
            String n = p.getFileName().toString();
            try {
                deployed.add(deploy(p));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.SEVERE, "Failed to deploy webapp " + n + ": " + e.getMessage());
                LOG.log(Level.FINE, "Deployment failure of " + n, e);
            }
        }
        return deployed;
    }

    /**
     * Undeploys the webapp at {@code contextPath}: new requests no longer reach it, those in service or suspended
     * get up to the undeploy drain time to finish, then it is stopped. Returns whether one was there.
     */
    public boolean undeploy(String contextPath) {
        return deployments.undeploy(contextPath);
    }

    /** The context paths deployed. */
    public List<String> contextPaths() {
        return deployments.all().stream().map(WebApp::contextPath).sorted().toList();
    }

    /** Requests in async mode, holding no worker thread, across all webapps. */
    public int suspendedRequests() {
        int n = 0;
        for (WebApp app : deployments.all()) {
            n += app.suspendedRequests().get();
        }
        return n;
    }

    /**
     * Live figures for the status page: {@code sessions_active} across all webapps, and the refusals of each cap
     * since start ({@code caps_refused_max_active_sessions}, ..., docs/reliability.md "Caps").
     */
    public Map<String, Long> figures() {
        Map<String, Long> figures = new java.util.LinkedHashMap<>();
        long sessions = 0;
        for (WebApp app : deployments.all()) {
            sessions += app.activeSessions();
        }
        figures.put("sessions_active", sessions);
        figures.putAll(settings.caps().figures());
        return figures;
    }

    @Override
    public void handle(Request request, Response response) throws Exception {
        RequestHead head = request.head();
        if (head.form() == TargetForm.ASTERISK || head.form() == TargetForm.AUTHORITY) {
            // OPTIONS * asks about the server (RFC 9110 section 9.3.7); CONNECT is not served.
            boolean options = head.form() == TargetForm.ASTERISK;
            response.setStatus(options ? Status.OK : Status.METHOD_NOT_ALLOWED);
            response.headers().set("Allow", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
            return;
        }
        PathParameters path = PathParameters.strip(head.path());
        String decoded = RequestPath.decode(path.path());
        WebApp app = deployments.find(decoded);
        if (app == null) {
            response.setStatus(Status.NOT_FOUND);
            response.headers().set("Content-Type", "text/plain;charset=UTF-8");
            response.body().write("Not Found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String inContext = decoded.substring(app.contextPath().length());
        if (inContext.isEmpty()) {
            // The context root is "/ctx/": redirect so that relative links resolve inside it (as Tomcat).
            String location = head.path() + "/" + (head.rawQuery() == null ? "" : "?" + head.rawQuery());
            response.setStatus(Status.FOUND);
            response.headers().set("Location", location);
            return;
        }
        app.invoker().handle(request, response, head.path(), inContext, path.sessionId());
    }

    /** Undeploys every webapp, newest context path last, and stops the container's own threads. */
    @Override
    public void close() {
        deployments.undeployAll();
        if (ownExecutors) {
            settings.asyncExecutor().shutdownNow();
            settings.scheduler().shutdownNow();
            try {
                settings.asyncExecutor().awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ownWorkDir) {
            WorkDirs.remove(settings.workDir());
        }
    }

    /** Options of a container; every one has a default. */
    public static final class Builder {
        private final ContainerOptions options = new ContainerOptions(ServletContainer.class.getClassLoader());

        private Builder() {
        }

        /**
         * The HTTPS port a request meeting a CONFIDENTIAL or INTEGRAL constraint over plain HTTP is redirected to
         * (Tomcat's redirectPort), read at each such request (a port may be bound after the container is built);
         * 0, the default, answers 403 instead.
         */
        public Builder redirectPort(java.util.function.IntSupplier port) {
            options.redirectPort(port);
            return this;
        }

        /**
         * Where sessions live: {@code memory} (the default; lost at restart), {@code file} (a file per session under
         * {@link #sessionDir}, kept across restarts of this instance), or a kind an installed module provides
         * ({@code redis}, shared by every instance behind a balancer). See docs/scale-out.md.
         *
         * @throws IllegalArgumentException for a kind nothing provides, naming the missing module
         */
        public Builder sessionStore(String kind) {
            options.sessionStore(kind);
            return this;
        }

        /** The folder of {@code sessionStore=file}, one subfolder per webapp; default {@code sessions} in workDir. */
        public Builder sessionDir(Path dir) { options.sessionDir(dir); return this; }

        /** Most bytes one .war may expand to, all entries together (default 1 GiB); a larger war is refused. */
        public Builder maxWarBytes(long bytes) { options.maxWarBytes(bytes); return this; }

        /** Most entries in one .war (default 65,536); a war with more is refused. */
        public Builder maxWarEntries(int entries) { options.maxWarEntries(entries); return this; }

        /**
         * Most times one .war entry may expand over its compressed size once past 1 MiB (default 100); a war with
         * such an entry (a zip bomb) is refused.
         */
        public Builder maxWarRatio(int ratio) { options.maxWarRatio(ratio); return this; }

        /** ServletContext.getServerInfo. */
        public Builder serverInfo(String serverInfo) { options.serverInfo(serverInfo); return this; }

        /**
         * Where .war files are unpacked and webapps' temporary folders live; kept at close. Default: a new folder of
         * this container's own in java.io.tmpdir, removed at close.
         */
        public Builder workDir(Path workDir) { options.workDir(workDir); return this; }

        /** Let TRACE reach servlets (Tomcat's allowTrace); off answers 405. */
        public Builder allowTrace(boolean allowTrace) { options.allowTrace(allowTrace); return this; }

        /** Default limit of requests in service per webapp; past it that webapp answers 503. 0 is off. */
        public Builder maxConcurrentRequests(int limit) { options.maxConcurrentRequests("*", limit); return this; }

        /** The limit for one context path ("" for ROOT). */
        public Builder maxConcurrentRequests(String contextPath, int limit) {
            options.maxConcurrentRequests(contextPath, limit);
            return this;
        }

        public Builder retryAfterSeconds(int seconds) { options.retryAfterSeconds(seconds); return this; }

        /** Most parameters per request, query and form together (Tomcat's maxParameterCount, 1000). */
        public Builder maxParameterCount(int n) { options.maxParameterCount(n); return this; }

        /** Largest urlencoded form body parsed into parameters (Tomcat's maxPostSize, 2 MiB). */
        public Builder maxFormBytes(int n) { options.maxFormBytes(n); return this; }

        /**
         * Live sessions per webapp (Tomcat's maxActiveSessions; default 100000): past it getSession(true) throws an
         * IllegalStateException that, uncaught, answers 503 with Retry-After.
         */
        public Builder maxActiveSessions(int n) {
            options.maxActiveSessions(n);
            return this;
        }

        /** Multipart parts per request (Tomcat's maxPartCount; default 50); past it getParts fails with 413. */
        public Builder maxPartCount(int n) { options.maxPartCount(n); return this; }

        /** Bytes of one multipart part's header block (default 4096, at least 256); past it 400. */
        public Builder maxPartHeaderBytes(int n) {
            options.maxPartHeaderBytes(n);
            return this;
        }

        /** Cookie pairs per request (default 200); past them the request is a 400. */
        public Builder maxCookieCount(int n) { options.maxCookieCount(n); return this; }

        /** Upgraded connections open per webapp (default 5000); past it HttpServletRequest.upgrade answers 503. */
        public Builder maxUpgradedConnections(int n) {
            options.maxUpgradedConnections(n);
            return this;
        }

        /** Threads for async dispatch and AsyncContext.start, and a scheduler for timeouts and expiry. */
        public Builder executors(ExecutorService async, ScheduledExecutorService scheduler) {
            options.executors(async, scheduler);
            return this;
        }

        /** The clock sessions use for access times and expiry. */
        public Builder clock(Clock clock) { options.clock(clock); return this; }

        /** How long undeploy waits for running requests of the webapp before stopping it (default 10 s). */
        public Builder undeployDrain(java.time.Duration drain) { options.undeployDrain(drain); return this; }

        /**
         * The users and roles of BASIC and FORM login and {@code HttpServletRequest.login}, shared by every
         * webapp (Servlet 6.1 section 13.7). Without one, a request that must authenticate gets 403.
         */
        public Builder realm(Realm realm) { options.realm(realm); return this; }

        /**
         * The container's locale-to-charset table, which ServletResponse.setLocale applies when no charset was
         * set (Servlet 6.1 section 5.6); keys are locales ({@code zh_TW}) or languages ({@code ja}). A webapp's
         * {@code <locale-encoding-mapping-list>} wins. Replaces the default table, {@link LocaleEncodings#DEFAULTS}
         * (ja Shift_JIS, ko EUC-KR, zh GB2312, zh_TW Big5, ru ISO-8859-5, en ISO-8859-1, ...).
         */
        public Builder localeEncodings(Map<String, String> table) {
            options.localeEncodings(table);
            return this;
        }

        /**
         * The request trailer fields HttpServletRequest.getTrailerFields shows, by name (any case); {@code "*"},
         * the default, shows every one, an empty set none (Tomcat's allowedTrailerHeaders, whose default is none).
         */
        public Builder allowedTrailers(java.util.Collection<String> names) {
            options.allowedTrailers(names);
            return this;
        }

        /**
         * Whether ServletContext.getContext returns other webapps' contexts, for cross-context dispatch (Tomcat's
         * crossContext). Default off: it returns null for any other webapp.
         */
        public Builder crossContext(boolean crossContext) { options.crossContext(crossContext); return this; }

        /** The container modules every webapp gets; default: those ServiceLoader finds on the server class path. */
        public Builder modules(List<ContainerModule> modules) { options.modules(modules); return this; }

        /**
         * Sets a setting from its text form, as {@code conf/sluice.properties} and {@code arquillian.xml} give it:
         * {@code localeEncodings} ({@code ja=Shift_JIS, zh_TW=Big5}), {@code allowedTrailers} ({@code *}, or names
         * separated by commas, empty for none), {@code crossContext} ({@code true}/{@code false}), and
         * {@code serverInfo}, {@code allowTrace}, {@code maxParameterCount}, {@code maxFormBytes}, and the caps
         * {@code maxActiveSessions}, {@code maxPartCount}, {@code maxPartHeaderBytes}, {@code maxCookieCount},
         * {@code maxUpgradedConnections}, the .war bounds {@code maxWarBytes},
         * {@code maxWarEntries}, {@code maxWarRatio}.
         *
         * Any other key is a container module's ({@code jspDevelopment}, {@link ContainerModule#settingKeys()}):
         * given to the module that declares it now, and again when the container is built.
         *
         * @throws IllegalArgumentException for a key neither the container nor a module takes, or a malformed
         *                                  value, naming the key
         */
        public Builder setting(String key, String value) {
            if (TextSettings.KEYS.contains(key)) {
                TextSettings.apply(this, key, value);
            } else if (!options.offerModuleSetting(key, value)) {
                throw new IllegalArgumentException("Unknown setting " + key);
            }
            return this;
        }

        /** The keys {@link #setting} takes. */
        public static List<String> settingKeys() {
            return TextSettings.KEYS;
        }

        public ServletContainer build() {
            return new ServletContainer(this);
        }
    }
}
