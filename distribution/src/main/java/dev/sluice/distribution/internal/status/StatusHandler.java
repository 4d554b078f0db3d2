package dev.sluice.distribution.internal.status;

import dev.sluice.core.Handler;
import dev.sluice.core.Method;
import dev.sluice.core.Request;
import dev.sluice.core.Response;
import dev.sluice.core.Status;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Serves {@code /sluice/status} (HTML) and {@code /sluice/metrics} (Prometheus text, or JSON with
 * {@code ?format=json} or {@code Accept: application/json}) to loopback clients, and passes every other request
 * on. The figures reveal load and capacity, so other clients get 403, as Tomcat's manager does by default.
 */
public final class StatusHandler implements Handler {
    static final String STATUS_PATH = "/sluice/status";
    static final String METRICS_PATH = "/sluice/metrics";

    private final Handler next;
    private final Supplier<ServerFigures> figures;
    private final WebappCounters webapps;

    /** @param webapps counts each request passed on by its webapp; null counts nothing */
    public StatusHandler(Handler next, Supplier<ServerFigures> figures, WebappCounters webapps) {
        this.next = next;
        this.figures = figures;
        this.webapps = webapps;
    }

    @Override
    public void handle(Request request, Response response) throws Exception {
        String path = request.head().path();
        boolean status = path.equals(STATUS_PATH);
        if (!status && !path.equals(METRICS_PATH)) {
            if (webapps != null) {
                webapps.count(path);
            }
            next.handle(request, response);
            return;
        }
        // the client trusted proxies report: a request relayed by a proxy on this machine is not a loopback one
        if (!isLoopback(request.client() != null ? request.client().address() : request.remoteAddress())) {
            send(response, Status.FORBIDDEN, "text/plain; charset=utf-8",
                    "The status page is only served to loopback clients.\n");
            return;
        }
        Method method = request.head().method();
        if (!method.equals(Method.GET) && !method.equals(Method.HEAD)) {
            response.headers().set("Allow", "GET, HEAD");
            send(response, Status.METHOD_NOT_ALLOWED, "text/plain; charset=utf-8", "Use GET.\n");
            return;
        }
        ServerFigures now = figures.get();
        response.headers().set("Cache-Control", "no-store");
        if (status) {
            send(response, Status.OK, "text/html; charset=utf-8", StatusPage.render(now));
        } else if (wantsJson(request)) {
            send(response, Status.OK, MetricsText.JSON_TYPE, MetricsText.json(now));
        } else {
            send(response, Status.OK, MetricsText.PROMETHEUS_TYPE, MetricsText.prometheus(now));
        }
    }

    private static boolean wantsJson(Request request) {
        String query = request.head().rawQuery();
        if (query != null && ("&" + query + "&").contains("&format=json&")) {
            return true;
        }
        String accept = request.head().headers().get("Accept");
        return accept != null && accept.contains("application/json");
    }

    private static boolean isLoopback(InetSocketAddress remote) {
        return remote != null && remote.getAddress() != null && remote.getAddress().isLoopbackAddress();
    }

    private static void send(Response response, Status status, String type, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.headers().set("Content-Type", type);
        response.headers().set("Content-Length", Integer.toString(bytes.length));
        try (OutputStream out = response.body()) {
            out.write(bytes);
        }
    }
}
