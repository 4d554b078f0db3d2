package dev.sluice.distribution.internal.health;

import dev.sluice.core.ClientView;
import dev.sluice.core.Handler;
import dev.sluice.core.Method;
import dev.sluice.core.Request;
import dev.sluice.core.Response;
import dev.sluice.core.Status;
import dev.sluice.core.TrustedProxies;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Serves the load balancer's probes on the normal listener, and passes every other request on:
 * <ul>
 * <li>{@code /sluice/health/live}: 200 while the process serves requests at all (restart it otherwise);</li>
 * <li>{@code /sluice/health/ready}: 200 when it should get traffic, else 503 with the reason on one line
 *     (starting, deploying, draining, saturated), as {@link Readiness} decides.</li>
 * </ul>
 * Only loopback clients and trusted proxies may ask (403 otherwise): the answers reveal load and the moment an
 * instance goes away. The client is the one trusted proxies report ({@link Request#client()}), so a request from
 * the internet relayed by a local proxy is not taken for a loopback one.
 */
public final class HealthHandler implements Handler {
    static final String LIVE_PATH = "/sluice/health/live";
    static final String READY_PATH = "/sluice/health/ready";

    private final Handler next;
    private final Readiness readiness;
    private final TrustedProxies trusted;

    public HealthHandler(Handler next, Readiness readiness, TrustedProxies trusted) {
        this.next = next;
        this.readiness = readiness;
        this.trusted = trusted;
    }

    @Override
    public void handle(Request request, Response response) throws Exception {
        String path = request.head().path();
        boolean live = path.equals(LIVE_PATH);
        if (!live && !path.equals(READY_PATH)) {
            next.handle(request, response);
            return;
        }
        response.headers().set("Cache-Control", "no-store");
        if (!allowed(request)) {
            send(response, Status.FORBIDDEN, "Health checks are only answered to loopback and trusted proxies.\n");
            return;
        }
        Method method = request.head().method();
        if (!method.equals(Method.GET) && !method.equals(Method.HEAD)) {
            response.headers().set("Allow", "GET, HEAD");
            send(response, Status.METHOD_NOT_ALLOWED, "Use GET.\n");
            return;
        }
        if (live) {
            send(response, Status.OK, "live\n");
            return;
        }
        String reason = readiness.notReadyReason();
        if (reason == null) {
            send(response, Status.OK, "ready\n");
        } else {
            send(response, Status.SERVICE_UNAVAILABLE, "not ready: " + reason + "\n");
        }
    }

    private boolean allowed(Request request) {
        ClientView client = request.client();
        InetSocketAddress from = client != null ? client.address() : request.remoteAddress();
        if (from == null || from.isUnresolved()) {
            return false; // a proxy hid the client: not known to be one of ours
        }
        return from.getAddress().isLoopbackAddress() || trusted.contains(from.getAddress());
    }

    private static void send(Response response, Status status, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.headers().set("Content-Type", "text/plain; charset=utf-8");
        response.headers().set("Content-Length", Integer.toString(bytes.length));
        try (OutputStream out = response.body()) {
            out.write(bytes);
        }
    }
}
