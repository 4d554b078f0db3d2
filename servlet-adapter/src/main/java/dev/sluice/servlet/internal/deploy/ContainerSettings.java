package dev.sluice.servlet.internal.deploy;

import dev.sluice.servlet.Realm;
import dev.sluice.servlet.internal.module.ContainerModules;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the container decides for every webapp: set once through the public builder, shared read-only.
 *
 * @param serverInfo             ServletContext.getServerInfo
 * @param workDir                where .war files are unpacked
 * @param allowTrace             whether TRACE reaches servlets (off: 405, as Tomcat's allowTrace)
 * @param maxConcurrentRequests  per context path; key "*" is the default; 0 or absent means no limit
 * @param retryAfterSeconds      Retry-After of a webapp's 503
 * @param maxParameterCount      parameters per request (query and form); past it the request is a 400
 * @param maxFormBytes           largest urlencoded form body read for parameters; past it a 413
 * @param asyncExecutor          runs AsyncContext.start and async dispatches
 * @param scheduler              async timeouts and session expiry
 * @param clock                  time for sessions and for a servlet's temporary unavailability
 * @param localeEncodings        the container's locale-to-charset table for setLocale (locale or language key);
 *                               a webapp's locale-encoding-mapping-list wins
 * @param allowedTrailers        request trailer names getTrailerFields shows, lower case; "*" is any
 * @param crossContext           whether ServletContext.getContext may return another webapp's context
 * @param realm                  users and roles for every webapp's login; null when there is none
 * @param modules                the container modules every webapp gets
 * @param redirectPort           the HTTPS port a CONFIDENTIAL or INTEGRAL constraint over plain HTTP redirects
 *                               to, read at each such request (the port may be bound after deployment); 0 for
 *                               none (then 403)
 * @param caps                   the caps on sessions, parts, cookies and upgraded connections, with their
 *                               refusal counters
 * @param sessionPersistence     a new persistent session store for the webapp at a context path; null keeps
 *                               sessions in memory
 */
public record ContainerSettings(String serverInfo, Path workDir, boolean allowTrace,
                                Map<String, Integer> maxConcurrentRequests, int retryAfterSeconds,
                                int maxParameterCount, int maxFormBytes, ExecutorService asyncExecutor,
                                ScheduledExecutorService scheduler, Clock clock,
                                Map<String, String> localeEncodings, java.util.Set<String> allowedTrailers,
                                boolean crossContext, Realm realm, ContainerModules modules,
                                java.util.function.IntSupplier redirectPort,
                                dev.sluice.servlet.internal.caps.ResourceCaps caps,
                                java.util.function.Function<String, dev.sluice.servlet.SessionPersistence>
                                        sessionPersistence) {

    public int maxConcurrentRequestsFor(String contextPath) {
        Integer limit = maxConcurrentRequests.get(contextPath);
        if (limit == null) {
            limit = maxConcurrentRequests.get("*");
        }
        return limit == null ? 0 : limit;
    }

    /** Whether getTrailerFields shows a request trailer field of this name. */
    public boolean trailerAllowed(String name) {
        return allowedTrailers.contains("*") || allowedTrailers.contains(name.toLowerCase(java.util.Locale.ROOT));
    }
}
